package org.reprobench.harness;

import java.util.List;

/**
 * The check of a claim, as paper.yaml states it. Unused fields are NaN / null; {@link PaperYaml}
 * makes sure each kind has what it needs.
 *
 * @param tolerance absolute tolerance (value), or allowed violation (monotone, ordering)
 * @param relativeTolerance relative tolerance for value checks
 * @param min lower end for range and slope
 * @param max upper end for range and slope
 * @param order metric names expected in increasing order (ordering)
 * @param trend "increasing" or "decreasing" (monotone)
 * @param logLog slope fitted on log x, log y (default) or on x, y
 * @param above bound: value must be at or above the bound instead of below
 * @param seedsMustPass fraction of seeds that must pass a per-seed check
 */
public record Check(CheckKind kind, double tolerance, double relativeTolerance, double min, double max,
                    List<String> order, String trend, boolean logLog, boolean above, double seedsMustPass) {
}
