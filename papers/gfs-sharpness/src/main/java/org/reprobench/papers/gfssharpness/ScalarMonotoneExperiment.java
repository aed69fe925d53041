package org.reprobench.papers.gfssharpness;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;

/**
 * Claim scalar-gfs-monotone: along GD the closed-form GFS sharpness never rises (beyond rounding) on
 * any step of any run of the main grid while the run stays in the domain (no sign change, finite).
 * Runs that leave are counted, with their leaving reason, and judged up to the step before.
 */
final class ScalarMonotoneExperiment {
    private ScalarMonotoneExperiment() {
    }

    static Experiment create(ScalarSweepCache cache) {
        return ctx -> {
            ctx.useData("scalar networks: one example (x = 1, y = 1), random initialisations per seed", false, null);
            List<Outcome> out = new ArrayList<>();
            boolean first = true;
            for (long seed : ctx.seeds()) {
                ScalarSweep.Result r = cache.get(ctx, seed);
                double worst = Double.NEGATIVE_INFINITY;
                int runs = 0;
                int inDomain = 0;
                int flipped = 0;
                int diverged = 0;
                int withRise = 0;
                long judgedSteps = 0;
                int steps = r.settings().steps();
                double[] worstPerDepth = new double[Settings.DEPTHS.length];
                java.util.Arrays.fill(worstPerDepth, Double.NEGATIVE_INFINITY);
                for (int i = 0; i < r.rows(); i++) {
                    if (r.control()[i]) {
                        continue;
                    }
                    runs++;
                    flipped += r.flipped()[i] ? 1 : 0;
                    diverged += r.diverged()[i] ? 1 : 0;
                    inDomain += r.valid(i) ? 1 : 0;
                    judgedSteps += r.valid(i) ? steps : r.exitStep()[i] - 1;
                    withRise += r.phiRises()[i] > 0 ? 1 : 0;
                    worst = Math.max(worst, r.worstRise()[i]);
                    int d = indexOf(r.depth()[i]);
                    worstPerDepth[d] = Math.max(worstPerDepth[d], r.worstRise()[i]);
                }
                Outcome o = Outcome.of(worst)
                        .metric("runs", runs)
                        .metric("runs_in_domain_throughout", inDomain)
                        .metric("runs_with_sign_flip", flipped)
                        .metric("runs_diverged", diverged)
                        .metric("steps_judged", judgedSteps)
                        .metric("runs_with_a_rise_above_1e-10", withRise);
                for (int d = 0; d < Settings.DEPTHS.length; d++) {
                    o.metric("largest_rise_depth_" + Settings.DEPTHS[d], worstPerDepth[d]);
                }
                o.note("value: largest one-step increase of phi over phi(w0), over " + judgedSteps
                        + " in-domain GD steps; a negative value means every step decreased phi");
                out.add(o);
                if (first) {
                    plotTraces(ctx, r);
                    first = false;
                }
            }
            return out;
        };
    }

    static int indexOf(int depth) {
        for (int d = 0; d < Settings.DEPTHS.length; d++) {
            if (Settings.DEPTHS[d] == depth) {
                return d;
            }
        }
        throw new IllegalArgumentException("depth " + depth);
    }

    private static void plotTraces(org.reprobench.api.RunContext ctx, ScalarSweep.Result r) {
        XYChart phi = Plots.lines("Scalar networks: GFS sharpness, first 400 GD steps (one EoS run per depth)", "GD step",
                "GFS sharpness x eta/2 (1 = 2/eta)");
        XYChart loss = Plots.lines("Scalar networks: loss along the same runs (first 400 steps)", "GD step", "loss");
        loss.getStyler().setYAxisLogarithmic(true);
        for (ScalarSweep.Trace t : r.traces()) {
            int n = Math.min(t.phi().length, 400);
            double[] x = new double[n];
            double[] p = new double[n];
            double[] l = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = k;
                p[k] = t.phi()[k] * t.eta() / 2;
                l[k] = Math.max(t.loss()[k], 1e-32);
            }
            String name = "D=" + t.depth() + ", phi(w0) eta/2=" + t.q();
            Plots.addLine(phi, name, x, p);
            Plots.addLine(loss, name, x, l);
        }
        ctx.savePlot("scalar-gfs-along-gd", phi);
        ctx.savePlot("scalar-loss-along-gd", loss);
    }
}
