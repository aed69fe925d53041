package org.reprobench.papers.sftpg;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;

/**
 * A T-step linear-Gaussian "sampler" where the gradient of E f(x_0) is known in closed form, used
 * to check the paper's equivalence between gradient descent on the IPM (back-propagation through
 * the chain) and policy gradient (REINFORCE on the chain's Gaussian transitions).
 *
 * <p>x_T ~ N(0, 1); step k = 1..T maps x_{T-k+1} to x_{T-k} = a x_{T-k+1} + theta_k + sigma z_k;
 * the fixed critic is f(x) = x^2. With m = E x_0 = sum_k a^{T-k} theta_k, the exact gradient is
 * dE[x_0^2]/dtheta_k = 2 a^{T-k} m, and the exact state-value baseline before step k is
 * V = E[x_0^2 | x_{T-k+1}] = (a^{T-k+1} x + sum_{j>=k} a^{T-j} theta_j)^2 + sigma^2 sum_{j>=k} a^{2(T-j)}.
 *
 * <p>All three estimators are computed by DJL autograd from one batch of chains, in float64: theta
 * is given one row per chain, so the gradient of the summed objective with respect to row n is chain
 * n's own estimate, and the spread across chains is the estimator's variance.
 */
public final class LinearGaussianChain {
    private final int steps;
    private final double a;
    private final double sigma;
    private final double[] theta;

    public LinearGaussianChain(int steps, double a, double sigma, double[] theta) {
        if (theta.length != steps) {
            throw new IllegalArgumentException("theta needs " + steps + " entries, got " + theta.length);
        }
        this.steps = steps;
        this.a = a;
        this.sigma = sigma;
        this.theta = theta.clone();
    }

    /** The setting of the research brief: T = 10, a = 0.9, sigma = 0.3, theta_k = 0.1. */
    public static LinearGaussianChain briefSetting() {
        double[] theta = new double[10];
        java.util.Arrays.fill(theta, 0.1);
        return new LinearGaussianChain(10, 0.9, 0.3, theta);
    }

    public int steps() {
        return steps;
    }

    /** E x_0. */
    public double meanX0() {
        double m = 0;
        for (int k = 1; k <= steps; k++) {
            m += Math.pow(a, steps - k) * theta[k - 1];
        }
        return m;
    }

    /** E x_0^2 = m^2 + a^{2T} + sigma^2 sum_k a^{2(T-k)}. */
    public double meanX0Squared() {
        double v = Math.pow(a, 2 * steps);
        for (int k = 1; k <= steps; k++) {
            v += sigma * sigma * Math.pow(a, 2 * (steps - k));
        }
        return meanX0() * meanX0() + v;
    }

    /** dE[x_0^2]/dtheta_k for k = 1..T (index k-1). */
    public double[] exactGradient() {
        double m = meanX0();
        double[] g = new double[steps];
        for (int k = 1; k <= steps; k++) {
            g[k - 1] = 2 * Math.pow(a, steps - k) * m;
        }
        return g;
    }

    /** Per-component mean and variance (across chains) of one gradient estimator. */
    public record Estimator(double[] mean, double[] variance, int chains) {
        /** (mean - exact) / standard error, per component. */
        public double[] zScores(double[] exact) {
            double[] z = new double[mean.length];
            for (int k = 0; k < z.length; k++) {
                z[k] = (mean[k] - exact[k]) / Math.sqrt(variance[k] / chains);
            }
            return z;
        }
    }

    /** The three estimators from the same chains. */
    public record Estimates(Estimator reinforce, Estimator withBaseline, Estimator pathwise, double[] exact) {
    }

    /** Runs n chains with noise from {@code seed} and returns the three gradient estimators. */
    public Estimates estimate(NDManager parent, long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] noise = new double[n * (steps + 1)];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rng.nextGaussian();
        }
        try (NDManager m = parent.newSubManager()) {
            NDArray z = m.create(noise, new Shape(steps + 1, n));
            NDArray thetaRow = m.create(theta).reshape(1, steps);
            // One copy of theta per estimator and per chain: its gradient row is that chain's estimate.
            NDArray thPath = thetaRow.repeat(0, n);
            NDArray thPg = thetaRow.repeat(0, n);
            NDArray thPgB = thetaRow.repeat(0, n);
            for (NDArray p : new NDArray[] {thPath, thPg, thPgB}) {
                p.setRequiresGradient(true);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // Path-wise: roll the chain out with theta inside the graph.
                NDArray[] x = new NDArray[steps + 1];      // x[k] = state after k steps (x[0] = x_T)
                x[0] = z.get(0);
                for (int k = 1; k <= steps; k++) {
                    x[k] = x[k - 1].mul(a).add(thPath.get(":, " + (k - 1))).add(z.get(k).mul(sigma));
                }
                NDArray x0 = x[steps];
                NDArray pathObjective = x0.square().sum();

                // Policy gradient: the same transitions, as constants, scored under thPg / thPgB.
                NDArray f = x0.stopGradient().square();
                NDArray pg = m.zeros(new Shape(), DataType.FLOAT64);
                NDArray pgB = m.zeros(new Shape(), DataType.FLOAT64);
                for (int k = 1; k <= steps; k++) {
                    NDArray prev = x[k - 1].stopGradient();
                    NDArray next = x[k].stopGradient();
                    NDArray logPPg = gaussianLogDensity(next, prev.mul(a).add(thPg.get(":, " + (k - 1))));
                    NDArray logPPgB = gaussianLogDensity(next, prev.mul(a).add(thPgB.get(":, " + (k - 1))));
                    NDArray baseline = exactBaseline(prev, k);
                    pg = pg.add(f.mul(logPPg).sum());
                    pgB = pgB.add(f.sub(baseline).mul(logPPgB).sum());
                }
                gc.backward(pathObjective.add(pg).add(pgB));
            }
            return new Estimates(summarise(thPg.getGradient(), n), summarise(thPgB.getGradient(), n),
                    summarise(thPath.getGradient(), n), exactGradient());
        }
    }

    private NDArray gaussianLogDensity(NDArray x, NDArray mean) {
        return x.sub(mean).square().div(-2 * sigma * sigma).sub(Math.log(sigma) + 0.5 * Math.log(2 * Math.PI));
    }

    /** E[x_0^2 | state before step k], from the closed form; a constant for autograd. */
    private NDArray exactBaseline(NDArray state, int k) {
        double shift = 0;
        double var = 0;
        for (int j = k; j <= steps; j++) {
            shift += Math.pow(a, steps - j) * theta[j - 1];
            var += sigma * sigma * Math.pow(a, 2 * (steps - j));
        }
        return state.mul(Math.pow(a, steps - k + 1)).add(shift).square().add(var);
    }

    private static Estimator summarise(NDArray perChain, int n) {
        NDArray mean = perChain.mean(new int[] {0});
        NDArray var = perChain.sub(mean).square().sum(new int[] {0}).div(n - 1);
        return new Estimator(mean.toDoubleArray(), var.toDoubleArray(), n);
    }
}
