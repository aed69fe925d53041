package org.reprobench.papers.adversarialsde;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;
import org.reprobench.harness.Stats;

/**
 * Claims at-weak-order-one, at-weak-error-resolved and at-weak-error-decreasing: adversarial
 * training (l2 adversary, exact worst case) on the regression test bed against its first-order
 * SDE dTheta = -R'(Theta) dt + sqrt(eta Var g(Theta)) dW, R the robust risk.
 *
 * <p>Discrete side: Monte Carlo over many independent runs (DJL, float64, all runs in one array).
 * SDE side: the backward Kolmogorov equation by Crank-Nicolson, no sampling. Weak error at the
 * horizon: max over phi in {theta, theta^2}. The start theta_0 = 2 keeps the runs far from the
 * kink of |theta| at 0, where R' jumps and first-order theory does not apply.
 *
 * <p>The three claims read the same measurement, computed once per (profile, seed) and kept.
 */
public final class AtWeakOrder {
    static final double EPS = 0.2;
    static final double THETA0 = 2.0;
    static final double HORIZON = 2.0;
    static final double GRID_LO = -4;
    static final double GRID_HI = 4;

    /** What one profile runs. */
    record Settings(double[] etas, int paths, int gridNodes, int timeSteps) {
        static Settings of(Profile p) {
            return switch (p) {
                case SMOKE -> new Settings(new double[] {0.1, 0.05, 0.025}, 20_000, 801, 800);
                case CI -> new Settings(new double[] {0.1, 0.05, 0.025, 0.0125}, 100_000, 1601, 2000);
                case PAPER -> new Settings(new double[] {0.1, 0.05, 0.025, 0.0125, 0.00625}, 1_000_000, 3201, 4000);
            };
        }
    }

    /** Errors (discrete minus SDE) and Monte Carlo standard errors, per eta. */
    record Result(double[] etas, double[] errMean, double[] seMean, double[] errSecond, double[] seSecond,
                  double[] refMean, double[] refSecond, double solverError) {
        double weak(int i) {
            return Math.max(Math.abs(errMean[i]), Math.abs(errSecond[i]));
        }

        double[] weak() {
            double[] w = new double[etas.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = weak(i);
            }
            return w;
        }

        /** The smallest |error| / standard error over eta and both test functions. */
        double minZ() {
            double z = Double.POSITIVE_INFINITY;
            for (int i = 0; i < etas.length; i++) {
                z = Math.min(z, Math.min(Math.abs(errMean[i]) / seMean[i], Math.abs(errSecond[i]) / seSecond[i]));
            }
            return z;
        }
    }

    private static final Map<String, Result> CACHE = new ConcurrentHashMap<>();
    private static final Map<Profile, double[][]> REFERENCE = new ConcurrentHashMap<>();

    private AtWeakOrder() {
    }

    static Experiment slopeClaim() {
        return ctx -> {
            List<Outcome> out = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                Result r = result(ctx, seed);
                Outcome o = Outcome.derived().series(r.etas(), r.weak())
                        .metric("slope_phi_theta", Stats.logLogSlope(r.etas(), SgdWeakOrder.abs(r.errMean())))
                        .metric("slope_phi_theta2", Stats.logLogSlope(r.etas(), SgdWeakOrder.abs(r.errSecond())))
                        .metric("min_error_over_se", r.minZ())
                        .metric("solver_error", r.solverError());
                describe(o, r);
                out.add(o);
            }
            plot(ctx, result(ctx, ctx.seeds().get(0)));
            return out;
        };
    }

    static Experiment resolvedClaim() {
        return ctx -> {
            List<Outcome> out = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                Result r = result(ctx, seed);
                out.add(describe(Outcome.of(r.minZ()).bound(5.0), r));
            }
            return out;
        };
    }

    static Experiment decreasingClaim() {
        return ctx -> {
            List<Outcome> out = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                Result r = result(ctx, seed);
                out.add(describe(Outcome.derived().sequence(r.weak()), r));
            }
            return out;
        };
    }

    private static Outcome describe(Outcome o, Result r) {
        for (int i = 0; i < r.etas().length; i++) {
            o.note(String.format(Locale.ROOT, "eta %.4f: E theta error %.3e (SE %.1e), E theta^2 error %.3e (SE %.1e)",
                    r.etas()[i], r.errMean()[i], r.seMean()[i], r.errSecond()[i], r.seSecond()[i]));
        }
        o.note(String.format(Locale.ROOT, "SDE reference changes by %.1e when the PDE grid is halved", r.solverError()));
        return o;
    }

    static Result result(RunContext ctx, long seed) {
        Settings s = Settings.of(ctx.profile());
        return CACHE.computeIfAbsent(ctx.profile() + "/" + seed, k -> measure(ctx, seed, s));
    }

    /** E theta_T and E theta_T^2 of the SDE for each eta: [eta][0 = mean, 1 = second moment, 2 = solver error]. */
    static double[][] reference(Profile p) {
        return REFERENCE.computeIfAbsent(p, q -> sdeMoments(Settings.of(q)));
    }

    static double[][] sdeMoments(Settings s) {
        RegressionTestBed bed = RegressionTestBed.standard(EPS);
        double[][] out = new double[s.etas().length][];
        for (int i = 0; i < s.etas().length; i++) {
            double eta = s.etas()[i];
            double[] fine = solve(bed, eta, s.gridNodes(), s.timeSteps());
            double[] coarse = solve(bed, eta, (s.gridNodes() + 1) / 2, s.timeSteps() / 2);
            double solverError = Math.max(Math.abs(fine[0] - coarse[0]), Math.abs(fine[1] - coarse[1]));
            out[i] = new double[] {fine[0], fine[1], solverError};
        }
        return out;
    }

    static double[] solve(RegressionTestBed bed, double eta, int nodes, int timeSteps) {
        KolmogorovSolver solver = new KolmogorovSolver(GRID_LO, GRID_HI, nodes,
                x -> -bed.robustRiskGradient(x), x -> eta * bed.gradientVariance(x));
        return solver.expectations(THETA0, HORIZON, timeSteps, x -> x, x -> x * x);
    }

    private static Result measure(RunContext ctx, long seed, Settings s) {
        double[][] ref = reference(ctx.profile());
        int n = s.etas().length;
        double[] errMean = new double[n];
        double[] seMean = new double[n];
        double[] errSecond = new double[n];
        double[] seSecond = new double[n];
        double[] refMean = new double[n];
        double[] refSecond = new double[n];
        double solverError = 0;
        long totalSteps = 0;
        for (double eta : s.etas()) {
            totalSteps += Math.round(HORIZON / eta);
        }
        Progress progress = ctx.progress(totalSteps);
        Engine.getInstance().setRandomSeed((int) (1000 * seed + 1));
        for (int i = 0; i < n; i++) {
            double eta = s.etas()[i];
            int k = (int) Math.round(HORIZON / eta);
            double[] epsPerRun = new double[s.paths()];
            double[] etaPerRun = new double[s.paths()];
            Arrays.fill(epsPerRun, EPS);
            Arrays.fill(etaPerRun, eta);
            try (AdversarialRegressionRuns runs = new AdversarialRegressionRuns(ctx.manager(), RegressionTestBed.standard(EPS),
                    THETA0, epsPerRun, etaPerRun, DataType.FLOAT32)) {
                for (int j = 0; j < k; j++) {
                    runs.step();
                    progress.step();
                }
                double[] theta = runs.theta().toType(DataType.FLOAT64, false).toDoubleArray();
                double[] mean = meanAndStandardError(theta, 1);
                double[] second = meanAndStandardError(theta, 2);
                refMean[i] = ref[i][0];
                refSecond[i] = ref[i][1];
                errMean[i] = mean[0] - ref[i][0];
                seMean[i] = mean[1];
                errSecond[i] = second[0] - ref[i][1];
                seSecond[i] = second[1];
                solverError = Math.max(solverError, ref[i][2]);
            }
        }
        return new Result(s.etas(), errMean, seMean, errSecond, seSecond, refMean, refSecond, solverError);
    }

    /** Mean of theta^power over the runs and its standard error. */
    static double[] meanAndStandardError(double[] theta, int power) {
        double mean = 0;
        for (double t : theta) {
            mean += Math.pow(t, power);
        }
        mean /= theta.length;
        double var = 0;
        for (double t : theta) {
            double d = Math.pow(t, power) - mean;
            var += d * d;
        }
        var /= theta.length - 1;
        return new double[] {mean, Math.sqrt(var / theta.length)};
    }

    private static void plot(RunContext ctx, Result r) {
        XYChart chart = Plots.lines("Adversarial training vs its SDE (eps = 0.2, theta_0 = 2, T = 2)", "eta",
                "|E phi(theta_k) - E phi(Theta_T)|");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        Plots.addLine(chart, "phi = theta", r.etas(), SgdWeakOrder.abs(r.errMean()));
        Plots.addLine(chart, "phi = theta^2", r.etas(), SgdWeakOrder.abs(r.errSecond()));
        double[] se = new double[r.etas().length];
        for (int i = 0; i < se.length; i++) {
            se[i] = Math.max(r.seMean()[i], r.seSecond()[i]);
        }
        Plots.addLine(chart, "Monte Carlo standard error", r.etas(), se);
        ctx.savePlot("at-weak-error", chart);
    }
}
