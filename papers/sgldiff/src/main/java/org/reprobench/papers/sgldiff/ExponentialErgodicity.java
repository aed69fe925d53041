package org.reprobench.papers.sgldiff;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * Claim exponential-ergodicity: SGLDiff forgets its start exponentially fast, at a rate that does not
 * degrade with the dimension.
 *
 * <p>Non-convex subsets (a double well per coordinate, tilted per subset, see
 * {@link ReflectionCoupling}); two copies started at +-(1, ..., 1)/sqrt(d) (distance 2 in every d)
 * are coupled by reflection, and the decay rate of E|X_t - Y_t| (an upper bound on W1 between the two
 * laws) is fitted on t in [1, 4] for d = 1, 8, 64. The check asks the rate at every d to stay above
 * half the 1-D rate: a contraction that degraded like 1/d or 1/sqrt(d) would give 1/64 or 1/8 at d = 64.
 */
public final class ExponentialErgodicity implements Experiment {
    static final int[] DIMS = {1, 8, 64};
    static final int SUBSETS = 8;
    static final double TILT = 0.5;
    static final double ETA = 0.1;
    static final double HORIZON = 5;
    static final double FIT_FROM = 1;
    static final double FIT_TO = 4;
    static final long PROBLEM_SEED = 20_240_419L;

    /** pairs of coupled copies, Euler-Maruyama step h, and E|X - Y| recorded every `recordEvery` steps (0.1 time units). */
    record Settings(int pairs, double step, int recordEvery) {
        static Settings of(Profile p) {
            return switch (p) {
                case SMOKE -> new Settings(200, 0.05, 2);
                case CI -> new Settings(600, 0.025, 4);
                case PAPER -> new Settings(10_000, 0.005, 20);
            };
        }
    }

    @Override
    public List<Outcome> run(RunContext ctx) {
        TorchThreads.applyToThisThread();
        Settings s = Settings.of(ctx.profile());
        ctx.useData("synthetic: " + SUBSETS + " tilted double-well subsets in d = 1, 8, 64", false, null);
        int steps = (int) Math.round(HORIZON / s.step());
        Progress progress = ctx.progress((long) ctx.seeds().size() * DIMS.length * steps);
        List<Outcome> out = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            Seeding.seed(seed, 3);
            double[] rates = new double[DIMS.length];
            ReflectionCoupling.Trace[] traces = new ReflectionCoupling.Trace[DIMS.length];
            Outcome o = Outcome.derived();
            for (int k = 0; k < DIMS.length; k++) {
                double[][] tilts = ReflectionCoupling.tilts(SUBSETS, DIMS[k], TILT, PROBLEM_SEED + DIMS[k]);
                traces[k] = ReflectionCoupling.run(ctx.manager(), tilts, s.pairs(), ETA, s.step(), steps, s.recordEvery(),
                        progress::step);
                rates[k] = Fits.decayRate(traces[k].times(), traces[k].meanDistance(), FIT_FROM, FIT_TO);
                o.metric("rate@d=" + DIMS[k], rates[k]);
                o.metric("met_fraction_at_t5@d=" + DIMS[k], traces[k].metFraction());
            }
            double worst = Double.POSITIVE_INFINITY;
            for (int k = 0; k < DIMS.length; k++) {
                worst = Math.min(worst, rates[k] / rates[0]);
            }
            o.withValue(worst);
            o.note("decay rates of E|X_t - Y_t| " + java.util.Arrays.toString(rates) + " for d = "
                    + java.util.Arrays.toString(DIMS) + " (" + s.pairs() + " coupled pairs, Euler-Maruyama step " + s.step() + ")");
            out.add(o);
            if (seed == ctx.seeds().get(0)) {
                XYChart c = Plots.lines("Reflection-coupled SGLDiff copies, double-well subsets", "time t",
                        "E|X_t - Y_t|");
                c.getStyler().setYAxisLogarithmic(true);
                for (int k = 0; k < DIMS.length; k++) {
                    Plots.addLine(c, "d = " + DIMS[k], traces[k].times(), floor(traces[k].meanDistance()));
                }
                ctx.savePlot("coupling-distance", c);
            }
        }
        return out;
    }

    /** Log axes cannot show 0 (all pairs met); plot such points at 1e-4. */
    private static double[] floor(double[] y) {
        double[] out = y.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.max(out[k], 1e-4);
        }
        return out;
    }
}
