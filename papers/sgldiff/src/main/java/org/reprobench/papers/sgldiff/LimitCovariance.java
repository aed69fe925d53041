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
 * Claim limit-covariance (from the research brief, not from the paper): for unit-Hessian Gaussian
 * subsets the limit law of SGLDiff has mean mbar and covariance I + eta'/(1 + eta') Cov_i(m_i), with
 * eta' = eta for uniform redraws and eta (N-1)/N when the subset must change.
 *
 * <p>Full exact simulation ({@link ExactSgldiff}: exponential waits, exact OU moves, Brownian noise
 * included), N = 5 subsets in d = 3, three eta values, both switching rules. The value is the largest
 * |z| over all mean and covariance entries (z = error / standard error).
 */
public final class LimitCovariance implements Experiment {
    static final double[] ETAS = {2, 0.5, 0.1};
    static final int SUBSETS = 5;
    static final int DIM = 3;
    static final double SPREAD = 1.5;
    static final double HORIZON = 10;
    static final long PROBLEM_SEED = 20_240_420L;

    record Settings(int chains, double[] etas) {
        static Settings of(Profile p) {
            return switch (p) {
                case SMOKE -> new Settings(10_000, new double[] {2, 0.5});
                case CI -> new Settings(20_000, ETAS);
                case PAPER -> new Settings(1_000_000, ETAS);
            };
        }
    }

    @Override
    public List<Outcome> run(RunContext ctx) {
        TorchThreads.applyToThisThread();
        Settings s = Settings.of(ctx.profile());
        GaussianSubsets problem = GaussianSubsets.normal(SUBSETS, DIM, SPREAD, PROBLEM_SEED);
        ctx.useData("synthetic: " + SUBSETS + " Gaussian subsets in d = " + DIM, false, null);
        Progress progress = ctx.progress((long) ctx.seeds().size() * s.etas().length * Switching.values().length);
        List<Outcome> out = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            Seeding.seed(seed, 4);
            Outcome o = Outcome.derived();
            double worst = 0;
            List<double[]> points = new ArrayList<>();
            for (Switching switching : Switching.values()) {
                for (double eta : s.etas()) {
                    double[][] z = zScores(ctx.manager(), problem, s.chains(), eta, switching, points);
                    double local = 0;
                    for (double[] row : z) {
                        for (double v : row) {
                            local = Math.max(local, Math.abs(v));
                        }
                    }
                    o.metric(Fits.key("max_abs_z_" + switching.name().toLowerCase(java.util.Locale.ROOT), "eta", eta), local);
                    worst = Math.max(worst, local);
                    progress.step();
                }
            }
            o.withValue(worst);
            o.note("largest |z| over " + 2 * s.etas().length + " settings x (" + DIM + " means + " + DIM * (DIM + 1) / 2
                    + " covariance entries), " + s.chains() + " chains each");
            out.add(o);
            if (seed == ctx.seeds().get(0)) {
                XYChart c = Plots.scatter("Limit covariance of SGLDiff: simulated against I + kappa Cov(m_i)",
                        "closed form", "simulated");
                double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
                double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
                c.addSeries("covariance entries", x, y);
                ctx.savePlot("covariance-entries", c);
            }
        }
        return out;
    }

    /**
     * Row 0: z of the d means; row 1: z of the covariance entries (a <= b). Adds (closed form,
     * simulated) covariance pairs to `points`.
     */
    static double[][] zScores(NDManager parent, GaussianSubsets problem, int chains, double eta, Switching switching,
                              List<double[]> points) {
        double[] mean = problem.mean();
        double[][] expected = problem.limitCovariance(eta, switching);
        int d = problem.dim();
        try (NDManager manager = parent.newSubManager();
             ExactSgldiff sim = new ExactSgldiff(manager, problem, chains, eta, switching, mean)) {
            sim.runTo(HORIZON);
            NDArray theta = sim.theta();
            NDArray sampleMean = theta.mean(new int[] {0});
            NDArray centred = theta.sub(sampleMean);
            NDArray products = centred.expandDims(2).mul(centred.expandDims(1)); // chains x d x d
            double[] cov = products.mean(new int[] {0}).toDoubleArray();
            double[] covSe = products.sub(products.mean(new int[] {0}, true)).square().mean(new int[] {0})
                    .div(chains).sqrt().toDoubleArray();
            double[] m = sampleMean.toDoubleArray();
            double[] var = centred.square().mean(new int[] {0}).toDoubleArray();
            double[][] z = new double[2][];
            z[0] = new double[d];
            z[1] = new double[d * (d + 1) / 2];
            for (int a = 0, j = 0; a < d; a++) {
                z[0][a] = (m[a] - mean[a]) / Math.sqrt(var[a] / chains);
                for (int b = a; b < d; b++, j++) {
                    z[1][j] = (cov[a * d + b] - expected[a][b]) / covSe[a * d + b];
                    points.add(new double[] {expected[a][b], cov[a * d + b]});
                }
            }
            return z;
        }
    }
}
