package org.reprobench.papers.adversarialsde;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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

/**
 * Claims at-limit-robust-minimiser, at-bias-order-one and at-limit-shrinks-with-eps: where the
 * iterates of adversarial training settle on the regression test bed.
 *
 * <p>For every (eps, eta) many independent runs start at theta_0 = 2, run a burn-in, then average
 * their iterates over a window; the mean over runs estimates the stationary mean m(eps, eta) and
 * the spread over runs its standard error. All (eps, eta, run) triples live in one DJL array, so
 * one call advances every setting. The exact robust minimiser theta*_eps comes from
 * {@link RegressionTestBed#robustMinimiser()}.
 */
public final class AtConvergence {
    static final double[] EPSILONS = {0.0, 0.1, 0.2, 0.3};
    static final double THETA0 = 2.0;

    record Settings(double[] etas, int paths, int burnIn, int window) {
        static Settings of(Profile p) {
            return switch (p) {
                case SMOKE -> new Settings(new double[] {0.08, 0.04}, 3000, 200, 600);
                case CI -> new Settings(new double[] {0.08, 0.04, 0.02}, 4000, 400, 2000);
                case PAPER -> new Settings(new double[] {0.08, 0.04, 0.02, 0.01}, 16_000, 1200, 4000);
            };
        }
    }

    /** Stationary means and standard errors, indexed [eps][eta]; etas in decreasing order. */
    record Result(double[] etas, double[][] mean, double[][] se, double[] minimiser) {
        double bias(int e, int h) {
            return mean[e][h] - minimiser[e];
        }

        /** Richardson extrapolation to eta -> 0 from the two smallest steps (eta and eta/2). */
        double extrapolated(int e) {
            int n = etas.length;
            return 2 * mean[e][n - 1] - mean[e][n - 2];
        }

        double extrapolatedSe(int e) {
            int n = etas.length;
            return Math.sqrt(4 * se[e][n - 1] * se[e][n - 1] + se[e][n - 2] * se[e][n - 2]);
        }
    }

    private static final Map<String, Result> CACHE = new ConcurrentHashMap<>();

    private AtConvergence() {
    }

    /** Largest |extrapolated limit - theta*_eps| in standard errors, over eps; must stay below 4. */
    static Experiment limitClaim() {
        return ctx -> {
            List<Outcome> out = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                Result r = result(ctx, seed);
                double worst = 0;
                Outcome o = Outcome.derived();
                for (int e = 0; e < EPSILONS.length; e++) {
                    double z = Math.abs(r.extrapolated(e) - r.minimiser()[e]) / r.extrapolatedSe(e);
                    worst = Math.max(worst, z);
                    o.metric(name("z_eps", e), z);
                    o.note(String.format(Locale.ROOT, "eps %.1f: theta* %.6f, eta->0 extrapolation %.6f +- %.1e",
                            EPSILONS[e], r.minimiser()[e], r.extrapolated(e), r.extrapolatedSe(e)));
                }
                out.add(describe(o.withValue(worst).bound(4.0), r));
            }
            plot(ctx, result(ctx, ctx.seeds().get(0)));
            return out;
        };
    }

    /** |bias| against eta for the largest eps (largest bias, best resolved): log-log slope near 1. */
    static Experiment biasOrderClaim() {
        return ctx -> {
            List<Outcome> out = new ArrayList<>();
            int e = EPSILONS.length - 1;
            for (long seed : ctx.seeds()) {
                Result r = result(ctx, seed);
                double[] bias = new double[r.etas().length];
                for (int h = 0; h < bias.length; h++) {
                    bias[h] = Math.abs(r.bias(e, h));
                }
                Outcome o = Outcome.derived().series(r.etas(), bias);
                for (int h = 1; h < bias.length; h++) {
                    o.metric(String.format(Locale.ROOT, "halving_ratio_%d", h), bias[h - 1] / bias[h]);
                }
                out.add(describe(o, r));
            }
            return out;
        };
    }

    /** The limits at the smallest eta, ordered: more adversary, more shrinkage. */
    static Experiment shrinkClaim() {
        return ctx -> {
            List<Outcome> out = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                Result r = result(ctx, seed);
                Outcome o = Outcome.derived();
                int h = r.etas().length - 1;
                for (int e = 0; e < EPSILONS.length; e++) {
                    o.metric(name("limit_eps", e), r.mean()[e][h]);
                }
                out.add(describe(o, r));
            }
            return out;
        };
    }

    static String name(String prefix, int e) {
        return String.format(Locale.ROOT, "%s%02d", prefix, Math.round(EPSILONS[e] * 10));
    }

    private static Outcome describe(Outcome o, Result r) {
        for (int e = 0; e < EPSILONS.length; e++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "eps %.1f (theta* %.5f):", EPSILONS[e], r.minimiser()[e]));
            for (int h = 0; h < r.etas().length; h++) {
                sb.append(String.format(Locale.ROOT, " eta %.3f mean %.5f bias %+.1e (SE %.1e);",
                        r.etas()[h], r.mean()[e][h], r.bias(e, h), r.se()[e][h]));
            }
            o.note(sb.toString());
        }
        return o;
    }

    static Result result(RunContext ctx, long seed) {
        return CACHE.computeIfAbsent(ctx.profile() + "/" + seed, k -> measure(ctx, seed, Settings.of(ctx.profile())));
    }

    private static Result measure(RunContext ctx, long seed, Settings s) {
        int ne = EPSILONS.length;
        int nh = s.etas().length;
        int p = s.paths();
        double[] epsFlat = new double[ne * nh * p];
        double[] etaFlat = new double[ne * nh * p];
        for (int e = 0; e < ne; e++) {
            for (int h = 0; h < nh; h++) {
                int off = (e * nh + h) * p;
                Arrays.fill(epsFlat, off, off + p, EPSILONS[e]);
                Arrays.fill(etaFlat, off, off + p, s.etas()[h]);
            }
        }
        double[][] mean = new double[ne][nh];
        double[][] se = new double[ne][nh];
        Progress progress = ctx.progress(s.burnIn() + s.window());
        Engine.getInstance().setRandomSeed((int) (1000 * seed + 4));
        try (NDManager m = ctx.manager().newSubManager();
             AdversarialRegressionRuns runs = new AdversarialRegressionRuns(m, RegressionTestBed.standard(0), THETA0,
                     epsFlat, etaFlat, DataType.FLOAT32)) {
            NDArray sum = m.zeros(new Shape(epsFlat.length), DataType.FLOAT64);
            for (int k = 0; k < s.burnIn() + s.window(); k++) {
                runs.step();
                if (k >= s.burnIn()) {
                    try (NDManager sub = m.newSubManager()) {
                        NDArray theta64 = runs.theta().toType(DataType.FLOAT64, false);
                        theta64.attach(sub);
                        sum.addi(theta64);
                    }
                }
                progress.step();
            }
            double[] total = sum.toDoubleArray();
            for (int e = 0; e < ne; e++) {
                for (int h = 0; h < nh; h++) {
                    int off = (e * nh + h) * p;
                    double mu = 0;
                    for (int i = 0; i < p; i++) {
                        mu += total[off + i] / s.window();
                    }
                    mu /= p;
                    double var = 0;
                    for (int i = 0; i < p; i++) {
                        double d = total[off + i] / s.window() - mu;
                        var += d * d;
                    }
                    mean[e][h] = mu;
                    se[e][h] = Math.sqrt(var / (p - 1) / p);
                }
            }
        }
        double[] minimiser = new double[ne];
        for (int e = 0; e < ne; e++) {
            minimiser[e] = RegressionTestBed.standard(EPSILONS[e]).robustMinimiser();
        }
        return new Result(s.etas(), mean, se, minimiser);
    }

    private static void plot(RunContext ctx, Result r) {
        XYChart chart = Plots.lines("Stationary bias of adversarial training: mean iterate - robust minimiser", "eta",
                "|m(eps, eta) - theta*_eps|");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        for (int e = 1; e < EPSILONS.length; e++) {
            double[] bias = new double[r.etas().length];
            for (int h = 0; h < bias.length; h++) {
                bias[h] = Math.max(Math.abs(r.bias(e, h)), 1e-6);
            }
            Plots.addLine(chart, String.format(Locale.ROOT, "eps = %.1f", EPSILONS[e]), r.etas(), bias);
        }
        ctx.savePlot("at-stationary-bias", chart);
    }
}
