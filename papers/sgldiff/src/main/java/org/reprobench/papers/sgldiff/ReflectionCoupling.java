package org.reprobench.papers.sgldiff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Two copies of SGLDiff started apart and coupled so that they meet: the tool behind the paper's
 * exponential ergodicity (its summary names reflection coupling). Used here with non-convex
 * subset potentials Phi_i(theta) = sum_k (theta_k^4/4 - theta_k^2/2) - m_i . theta (a double well in
 * every coordinate, convex only at infinity, tilted differently by each data subset).
 *
 * <p>Both copies share the subset path. Their diffusion is discretised by Euler-Maruyama with step h
 * (the index switches at step boundaries); each step uses the reflection-maximal coupling of the two
 * Gaussian proposals N(a, 2h I) and N(b, 2h I): with probability min(1, phi(xi + z)/phi(xi)),
 * z = (a - b)/sqrt(2h), the second copy lands exactly on the first, otherwise its noise is xi reflected
 * in the hyperplane orthogonal to z. Each copy keeps the exact law of the discretised SGLDiff, so
 * E|X_t - Y_t| bounds the W1 distance between the laws started from the two points.
 */
public final class ReflectionCoupling {
    private ReflectionCoupling() {
    }

    /** Mean distance between the copies at the recorded times, and the fraction met at the end. */
    public record Trace(double[] times, double[] meanDistance, double metFraction) {
    }

    /** Tilts m_i ~ N(0, tilt^2 I_d), centred so that their mean is 0; fixed by problemSeed. */
    public static double[][] tilts(int subsets, int dim, double tilt, long problemSeed) {
        double[][] m = GaussianSubsets.normal(subsets, dim, tilt, problemSeed).centres();
        double[] mean = new GaussianSubsets(m).mean();
        for (double[] row : m) {
            for (int k = 0; k < dim; k++) {
                row[k] -= mean[k];
            }
        }
        return m;
    }

    /**
     * Runs `pairs` coupled pairs from X_0 = +u, Y_0 = -u with u = (1, ..., 1)/sqrt(d) (distance 2 in
     * every dimension, spread over all coordinates), mean waiting time eta; records E|X - Y| every
     * `recordEvery` steps.
     */
    public static Trace run(NDManager parent, double[][] tilts, int pairs, double eta, double h, int steps,
                            int recordEvery, Runnable onStep) {
        int subsets = tilts.length;
        int dim = tilts[0].length;
        int records = steps / recordEvery + 1;
        double[] times = new double[records];
        double[] distance = new double[records];
        double noise = Math.sqrt(2 * h);
        try (NDManager manager = parent.newSubManager()) {
            NDArray m = manager.create(tilts);
            NDArray x = manager.ones(new Shape(pairs, dim), DataType.FLOAT64).div(Math.sqrt(dim));
            NDArray y = x.neg();
            NDArray index = manager.randomInteger(0, subsets, new Shape(pairs), DataType.INT64);
            NDArray ring = exponential(manager, pairs, eta);
            distance[0] = 2;
            double met = 0;
            for (int s = 1; s <= steps; s++) {
                try (NDManager step = manager.newSubManager()) {
                    // every result of this step lands in `step` and is freed with it, except the new state
                    for (NDArray a : new NDArray[] {m, x, y, index, ring}) {
                        a.tempAttach(step);
                    }
                    NDArray tilt = m.get(new NDIndex("{}", index));
                    NDArray a = x.sub(gradient(x, tilt).mul(h));
                    NDArray b = y.sub(gradient(y, tilt).mul(h));
                    NDArray[] next = coupledProposal(step, a, b, noise);
                    NDArray nextX = next[0];
                    NDArray nextY = next[1];
                    if (s % recordEvery == 0) {
                        NDArray gap = nextX.sub(nextY).square().sum(new int[] {1}).sqrt();
                        distance[s / recordEvery] = gap.mean().getDouble();
                        times[s / recordEvery] = s * h;
                        met = gap.eq(0).toType(DataType.FLOAT64, false).mean().getDouble();
                    }
                    double t = s * h;
                    NDArray[] switched = switchSubsets(step, index, ring, t, subsets, eta);
                    nextX.attach(manager);
                    nextY.attach(manager);
                    switched[0].attach(manager);
                    switched[1].attach(manager);
                    x.close();
                    y.close();
                    index.close();
                    ring.close();
                    x = nextX;
                    y = nextY;
                    index = switched[0];
                    ring = switched[1];
                }
                if (onStep != null) {
                    onStep.run();
                }
            }
            return new Trace(times, distance, met);
        }
    }

    /**
     * One reflection-maximal coupling of N(a, noise^2 I) and N(b, noise^2 I), row by row: returns
     * {X', Y'} with X' ~ N(a, .), Y' ~ N(b, .), and Y' = X' with the largest probability that
     * reflection symmetry allows.
     */
    static NDArray[] coupledProposal(NDManager step, NDArray a, NDArray b, double noise) {
        Shape shape = a.getShape();
        NDArray xi = step.randomNormal(0f, 1f, shape, DataType.FLOAT32).toType(DataType.FLOAT64, false);
        NDArray z = a.sub(b).div(noise);
        NDArray zNorm = z.square().sum(new int[] {1}, true).sqrt();
        // log of phi(xi + z) / phi(xi): the second copy may land on the first
        NDArray logRatio = xi.mul(z).sum(new int[] {1}, true).neg().sub(zNorm.square().mul(0.5));
        NDArray meet = step.randomUniform(0f, 1f, new Shape(shape.get(0), 1), DataType.FLOAT64).log().lte(logRatio);
        NDArray e = z.div(zNorm.maximum(1e-300));
        NDArray reflected = xi.sub(e.mul(xi.mul(e).sum(new int[] {1}, true).mul(2)));
        NDArray nextX = a.add(xi.mul(noise));
        NDArray nextY = NDArrays.where(meet.broadcast(shape), nextX, b.add(reflected.mul(noise)));
        return new NDArray[] {nextX, nextY};
    }

    /** grad Phi_i(theta) = theta^3 - theta - m_i. */
    static NDArray gradient(NDArray theta, NDArray tilt) {
        return theta.pow(3).sub(theta).sub(tilt);
    }

    /** Chains whose clock rang before time t take a uniformly drawn subset and a new ring time. */
    private static NDArray[] switchSubsets(NDManager step, NDArray index, NDArray ring, double t, int subsets, double eta) {
        NDArray idx = index.duplicate();
        NDArray next = ring.duplicate();
        while (next.lt(t).any().getBoolean()) {
            NDArray due = next.lt(t);
            idx = NDArrays.where(due, step.randomInteger(0, subsets, idx.getShape(), DataType.INT64), idx);
            next = next.add(NDArrays.where(due, exponential(step, (int) next.size(), eta), step.zeros(next.getShape(), DataType.FLOAT64)));
        }
        return new NDArray[] {idx, next};
    }

    private static NDArray exponential(NDManager manager, int n, double eta) {
        return manager.randomUniform(0f, 1f, new Shape(n), DataType.FLOAT64).log().mul(-eta);
    }
}
