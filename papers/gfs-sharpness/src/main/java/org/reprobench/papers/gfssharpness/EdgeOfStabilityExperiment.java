package org.reprobench.papers.gfssharpness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;

/**
 * Claim scalar-eos-near-threshold: in the edge-of-stability regime phi_min < 2/eta < phi(w0), GD
 * converges to a minimiser whose sharpness is close to 2/eta. Measured over the converged runs of the
 * grid (four step sizes with q = phi(w0) eta/2 in (1, 1.4], random initialisations, four depths): per
 * depth the median of final sharpness x eta/2; the value is the smallest of those medians.
 */
final class EdgeOfStabilityExperiment {
    static final double CLOSE = 0.9;

    private EdgeOfStabilityExperiment() {
    }

    static Experiment create(ScalarSweepCache cache) {
        return ctx -> {
            ctx.useData("scalar networks: one example (x = 1, y = 1), random initialisations per seed", false, null);
            List<Outcome> out = new ArrayList<>();
            boolean first = true;
            for (long seed : ctx.seeds()) {
                ScalarSweep.Result r = cache.get(ctx, seed);
                Outcome o = Outcome.derived();
                double smallestMedian = Double.POSITIVE_INFINITY;
                XYChart chart = Plots.scatter("Scalar networks: where GD ends in the edge-of-stability regime",
                        "phi(w0) eta/2", "final sharpness x eta/2");
                for (int depth : Settings.DEPTHS) {
                    List<Double> ratios = new ArrayList<>();
                    List<Double> qs = new ArrayList<>();
                    int regime = 0;
                    for (int i = 0; i < r.rows(); i++) {
                        if (r.control()[i] || r.depth()[i] != depth || !r.eosRegime(i) || !r.valid(i)) {
                            continue;
                        }
                        regime++;
                        if (r.converged(i)) {
                            ratios.add(r.finalPhi()[i] * r.eta()[i] / 2);
                            qs.add(r.q()[i]);
                        }
                    }
                    o.metric("eos_runs_in_domain_depth_" + depth, regime);
                    o.metric("converged_depth_" + depth, ratios.size());
                    if (ratios.isEmpty()) {
                        o.note("depth " + depth + ": no converged run in the edge-of-stability regime");
                        continue;
                    }
                    double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    double median = median(sorted);
                    long close = Arrays.stream(sorted).filter(v -> v >= CLOSE).count();
                    o.metric("median_depth_" + depth, median);
                    o.metric("fraction_at_least_0.9_depth_" + depth, (double) close / sorted.length);
                    o.metric("lowest_depth_" + depth, sorted[0]);
                    smallestMedian = Math.min(smallestMedian, median);
                    if (first) {
                        org.knowm.xchart.XYSeries s = chart.addSeries("D=" + depth,
                                qs.stream().mapToDouble(Double::doubleValue).toArray(),
                                ratios.stream().mapToDouble(Double::doubleValue).toArray());
                        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
                    }
                }
                if (Double.isInfinite(smallestMedian)) {
                    throw new IllegalStateException("no run converged in the edge-of-stability regime: raise the step count");
                }
                o.withValue(smallestMedian);
                o.note("value: smallest per-depth median of final sharpness x eta/2 over runs that converged (loss < 1e-12)"
                        + " with phi_min < 2/eta < phi(w0)");
                out.add(o);
                if (first) {
                    ctx.savePlot("scalar-eos-final-sharpness", chart);
                    first = false;
                }
            }
            return out;
        };
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
