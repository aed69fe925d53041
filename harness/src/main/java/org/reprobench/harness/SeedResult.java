package org.reprobench.harness;

import java.util.List;
import java.util.Map;

/** What one seed measured and whether it passed the check. */
public record SeedResult(long seed, double value, Map<String, Double> metrics, Double bound, boolean passed,
                         String detail, List<String> notes) {
}
