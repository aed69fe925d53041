package org.reprobench.harness;

/** The quantity a claim is judged on. */
public record Metric(String name, String unit, Direction direction) {
}
