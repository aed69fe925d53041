package org.reprobench.harness;

/** Whether a larger value of a metric is better or worse. Every metric states it. */
public enum Direction {
    HIGHER, LOWER;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
