package org.reprobench.papers.sgldiff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
 * Claim fractional-power-bound: W1(mu^eta, mu) between the limit law of SGLDiff and the posterior
 * decays at least like a power of the mean waiting time eta.
 *
 * <p>Problem: 1-D, two subsets Phi_{1,2} = (x -+ 1)^2/2, posterior N(0, 1). W1 is computed
 * deterministically by {@link StationaryFokkerPlanck} on a geometric eta grid (no Monte-Carlo floor)
 * and fitted log-log; exact simulation ({@link OccupationWeights}, Brownian part integrated in closed
 * form) cross-checks the larger eta values. W2 from the same solve is compared with the Gelbrich
 * (covariance-only) value that the d-dimensional claim relies on.
 */
public final class FractionalPowerBound implements Experiment {
    static final double[] ETAS = {0.4, 0.1, 0.025, 0.00625, 0.0015625};

    record Settings(int gridPoints, double[] simulatedEtas, int chains, double horizon) {
        static Settings of(Profile p) {
            return switch (p) {
                case SMOKE -> new Settings(2001, new double[] {0.4, 0.1}, 20_000, 8);
                case CI -> new Settings(4001, new double[] {0.4, 0.1, 0.025}, 30_000, 8);
                case PAPER -> new Settings(8001, new double[] {0.4, 0.1, 0.025, 0.00625}, 1_000_000, 12);
            };
        }
    }

    /** The deterministic part: W1 and W2 to the posterior, and the variance, for every eta. */
    record Deterministic(double[] w1, double[] w2, double[] variance) {
    }

    static GaussianSubsets problem() {
        return new GaussianSubsets(new double[][] {{-1}, {1}});
    }

    static Deterministic solve(int gridPoints, double[] etas) {
        GaussianSubsets problem = problem();
        double[] x = StationaryFokkerPlanck.grid(-10, 10, gridPoints);
        double[][] phi = problem.potentialsOnGrid(x);
        double[] posterior = StationaryFokkerPlanck.equilibrium(new GaussianSubsets(new double[][] {problem.mean()})
                .potentialsOnGrid(x)[0]);
        double[] w1 = new double[etas.length];
        double[] w2 = new double[etas.length];
        double[] var = new double[etas.length];
        for (int e = 0; e < etas.length; e++) {
            StationaryFokkerPlanck.Solution s = StationaryFokkerPlanck.solve(x, phi, etas[e], Switching.UNIFORM);
            w1[e] = Wasserstein1D.w1OnGrid(s.mass(), posterior, x[1] - x[0]);
            w2[e] = Wasserstein1D.w2OnGrid(x, s.mass(), posterior);
            var[e] = s.variance();
        }
        return new Deterministic(w1, w2, var);
    }

    /** W1 of the simulated limit law (antithetic: the law is symmetric) to N(0, 1), per eta. */
    static double[] simulate(NDManager manager, Settings s, Progress progress) {
        GaussianSubsets problem = problem();
        double[] w1 = new double[s.simulatedEtas().length];
        for (int e = 0; e < w1.length; e++) {
            OccupationWeights weights = OccupationWeights.sample(manager, s.chains(), 2, s.simulatedEtas()[e],
                    s.horizon(), Switching.UNIFORM);
            try (NDManager sub = manager.newSubManager()) {
                NDArray y = weights.deviation(sub, problem).reshape(s.chains());
                double[] both = y.concat(y.neg()).toDoubleArray();
                w1[e] = Wasserstein1D.w1GaussianMixtureToStandardNormal(sub, both,
                        Math.sqrt(weights.gaussianVariance()));
            }
            progress.step();
        }
        return w1;
    }

    @Override
    public List<Outcome> run(RunContext ctx) {
        TorchThreads.applyToThisThread();
        Settings s = Settings.of(ctx.profile());
        ctx.useData("synthetic: 1-D, 2 Gaussian subsets centred at -1 and +1", false, null);
        Progress progress = ctx.progress((long) ctx.seeds().size() * s.simulatedEtas().length + 1);
        Deterministic det = solve(s.gridPoints(), ETAS);
        progress.step();
        List<Outcome> out = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            Seeding.seed(seed, 1);
            double[] sim = simulate(ctx.manager(), s, progress);
            Outcome o = Outcome.derived().series(ETAS, det.w1());
            double worstVariance = 0;
            for (int e = 0; e < ETAS.length; e++) {
                double kappa = Switching.UNIFORM.kappa(ETAS[e], 2);
                o.metric(Fits.key("w1_fokker_planck", "eta", ETAS[e]), det.w1()[e]);
                o.metric(Fits.key("w2_over_gelbrich", "eta", ETAS[e]), det.w2()[e] / (Math.sqrt(1 + kappa) - 1));
                worstVariance = Math.max(worstVariance, Math.abs(det.variance()[e] - (1 + kappa)));
            }
            double worstSim = 0;
            for (int e = 0; e < sim.length; e++) {
                double ratio = sim[e] / det.w1()[e];
                o.metric(Fits.key("w1_simulated", "eta", s.simulatedEtas()[e]), sim[e]);
                worstSim = Math.max(worstSim, Math.abs(ratio - 1));
            }
            o.metric("simulated_vs_fokker_planck_max_rel_dev", worstSim);
            o.metric("variance_vs_1_plus_kappa_max_abs_dev", worstVariance);
            o.metric("last_local_slope", Fits.lastLocalSlope(ETAS, det.w1()));
            o.note("W1 from the deterministic Fokker-Planck solve (" + s.gridPoints() + " cells on [-10, 10]); "
                    + "simulated W1 (" + s.chains() + " antithetic chain pairs) within "
                    + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * worstSim) + " of it");
            out.add(o);
            if (seed == ctx.seeds().get(0)) {
                plot(ctx, det, s, sim);
            }
        }
        return out;
    }

    private static void plot(RunContext ctx, Deterministic det, Settings s, double[] sim) {
        XYChart c = Plots.lines("SGLDiff subsampling error, 1-D two-subset problem", "mean waiting time eta",
                "W1(limit law, posterior)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setMarkerSize(8); // lines carry no markers; only the simulated points show them
        Plots.addLine(c, "Fokker-Planck (deterministic)", ETAS, det.w1());
        var sims = c.addSeries("exact simulation", s.simulatedEtas(), sim);
        sims.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        sims.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        for (double power : new double[] {1, 0.5}) {
            double[] ref = new double[ETAS.length];
            for (int e = 0; e < ETAS.length; e++) {
                ref[e] = det.w1()[ETAS.length - 1] * Math.pow(ETAS[e] / ETAS[ETAS.length - 1], power);
            }
            Plots.addLine(c, "slope " + (power == 1 ? "1" : "1/2") + " (reference)", ETAS, ref);
        }
        ctx.savePlot("w1-vs-eta", c);
    }
}
