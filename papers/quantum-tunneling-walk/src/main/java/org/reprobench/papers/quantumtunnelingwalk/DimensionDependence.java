package org.reprobench.papers.quantumtunnelingwalk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;

/**
 * Claim sgd-dimension-dependence (the code's Test 3): in R^d, SGD started at the centre of the ball
 * |x| <= a (gradient omega^2 x inside, zero outside, proposals beyond 4 sqrt2 a rejected) needs more
 * queries Q_esc to reach |x_1| > a/2 as d grows. All dimensions run as one DJL batch (zero-padded
 * coordinates with masked noise). The code plots box plots of ln Q_esc; we report their mean,
 * median and quartiles per d, and ln(mean Q), which the heavy tail makes noisy.
 */
public final class DimensionDependence {
    static final double S = 0.5;

    private DimensionDependence() {
    }

    static int[] dims(Profile p) {
        return switch (p) {
            case SMOKE -> new int[] {10, 40, 70};
            case CI -> new int[] {10, 40, 70};
            case PAPER -> new int[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        };
    }

    public static List<Outcome> run(RunContext ctx) {
        int[] dims = dims(ctx.profile());
        int chains = ctx.profile() == Profile.SMOKE ? 200 : 1000;
        long cap = switch (ctx.profile()) {
            case SMOKE -> 1_000;
            case CI -> 10_000;
            case PAPER -> (long) (1e7 / S);
        };
        int dmax = Arrays.stream(dims).max().orElseThrow();
        List<Outcome> out = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            LangevinChains.Hits hits;
            try (NDManager m = ctx.manager().newSubManager()) {
                double[] mask = new double[dims.length * chains * dmax];
                for (int g = 0; g < dims.length; g++) {
                    for (int c = 0; c < chains; c++) {
                        int row = g * chains + c;
                        Arrays.fill(mask, row * dmax, row * dmax + dims[g], 1.0);
                    }
                }
                NDArray noiseMask = m.create(mask).reshape(dims.length * chains, dmax);
                NDArray x0 = m.zeros(new Shape(dims.length * chains, dmax), DataType.FLOAT64);
                NDArray params = m.zeros(new Shape(dims.length * chains, 1), DataType.FLOAT64);
                hits = LangevinChains.run(m, seed, x0, params, noiseMask, S,
                        new ChainLandscapes.BallEscape(PlaneWalk.A, PlaneWalk.OMEGA), cap, ctx);
            }
            double[] meanLog = new double[dims.length];
            double[] logMean = new double[dims.length];
            Outcome o = Outcome.derived();
            int censored = 0;
            for (int g = 0; g < dims.length; g++) {
                double[] q = Arrays.copyOfRange(hits.steps(), g * chains, (g + 1) * chains);
                int cut = 0;
                for (int i = 0; i < q.length; i++) {
                    if (Double.isNaN(q[i])) {
                        q[i] = cap; // a lower bound for the runs the cap stopped
                        cut++;
                    }
                }
                censored += cut;
                double[] lq = Arrays.stream(q).map(Math::log).sorted().toArray();
                meanLog[g] = Arrays.stream(lq).average().orElseThrow();
                logMean[g] = Math.log(Arrays.stream(q).average().orElseThrow());
                o.metric("d" + dims[g] + "_mean_lnQ", meanLog[g])
                        .metric("d" + dims[g] + "_ln_meanQ", logMean[g])
                        .metric("d" + dims[g] + "_median_lnQ", lq[lq.length / 2])
                        .metric("d" + dims[g] + "_q75_lnQ", lq[(3 * lq.length) / 4])
                        .metric("d" + dims[g] + "_capped", cut);
            }
            o.sequence(meanLog).metric("capped_runs", censored);
            o.note(String.format("s = %s, %d runs per d, cap %d iterations (capped runs count as the cap): mean ln Q %s, ln mean Q %s",
                    S, chains, cap, fmt(meanLog), fmt(logMean)));
            out.add(o);
            if (out.size() == 1) {
                XYChart chart = Plots.lines("SGD escape cost against dimension (s = " + S + ")", "d", "ln Q_esc");
                double[] ds = Arrays.stream(dims).asDoubleStream().toArray();
                Plots.addLine(chart, "mean of ln Q", ds, meanLog);
                Plots.addLine(chart, "ln of mean Q", ds, logMean);
                ctx.savePlot("sgd-dimension", chart);
            }
        }
        return out;
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(String.format("%.2f", v[i]));
        }
        return sb.append(']').toString();
    }
}
