package org.reprobench.papers.sgldiff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The index-driven part of SGLDiff for unit-Hessian Gaussian subsets, sampled exactly.
 *
 * <p>With Phi_i = |theta - m_i|^2/2, started at theta_0 = mbar, the state at time T is
 * theta_T = mbar + sum_i W_i (m_i - mbar) + Z_T, where Z_T ~ N(0, (1 - e^{-2T}) I) is independent of
 * the index path and W_i = integral over the time spent in subset i of e^{-(T - s)} ds is the
 * discounted occupation weight. Sampling W (a few scalars per chain) and adding the Gaussian part in
 * closed form is exact and removes the Brownian Monte-Carlo noise, which would otherwise swamp the
 * O(eta) subsampling error at small eta.
 *
 * <p>Vectorised over chains and over blocks of switching intervals: each DJL call draws the waiting
 * times and indices of a block of intervals for all chains at once. The weights are accumulated in
 * Java (a scatter-add, O(1) per interval).
 */
public final class OccupationWeights {
    /** Chains x subsets, row-major. */
    private final double[] weights;
    private final long[] switches;
    private final int chains;
    private final int subsets;
    private final double horizon;

    private OccupationWeights(double[] weights, long[] switches, int chains, int subsets, double horizon) {
        this.weights = weights;
        this.switches = switches;
        this.chains = chains;
        this.subsets = subsets;
        this.horizon = horizon;
    }

    /**
     * Samples the weights of `chains` independent index paths on [0, horizon], the index at time 0
     * drawn uniformly (its stationary law).
     */
    public static OccupationWeights sample(NDManager manager, int chains, int subsets, double eta, double horizon,
                                           Switching switching) {
        return sample(manager, chains, subsets, eta, horizon, switching, 1 << 22);
    }

    /** As above, with at most maxBlockElements (chains x intervals) drawn per DJL call. */
    static OccupationWeights sample(NDManager manager, int chains, int subsets, double eta, double horizon,
                                    Switching switching, int maxBlockElements) {
        double[] w = new double[chains * subsets];
        long[] intervals = new long[chains];
        // enough intervals for (nearly) every chain in one block: mean T/eta plus six standard deviations
        double expected = horizon / eta;
        int block = (int) Math.min(Math.ceil(expected + 6 * Math.sqrt(expected)) + 4, Math.max(1, maxBlockElements / chains));
        try (NDManager sub = manager.newSubManager()) {
            // per chain: e^{min(t, T) - T} at the last interval boundary, and the current index
            NDArray discount = sub.zeros(new Shape(chains, 1), DataType.FLOAT64).add(Math.exp(-horizon));
            NDArray clock = sub.zeros(new Shape(chains, 1), DataType.FLOAT64);
            NDArray index = sub.randomInteger(0, subsets, new Shape(chains, 1), DataType.INT64);
            boolean first = true;
            while (true) {
                try (NDManager blk = sub.newSubManager()) {
                    for (NDArray a : new NDArray[] {discount, clock, index}) {
                        a.tempAttach(blk);
                    }
                    Shape shape = new Shape(chains, block);
                    // -eta log U is exponential with mean eta; U = 0 (probability 2^-53) would be an
                    // infinite wait, which the weights below handle like any wait past the horizon.
                    NDArray wait = blk.randomUniform(0f, 1f, shape, DataType.FLOAT64).log().mul(-eta);
                    NDArray boundary = wait.cumSum(1).add(clock);
                    // The weight of an interval [s, t] is the integral of e^{-(T - r)} over its part
                    // before T: E(t) - E(s) with E(r) = e^{min(r, T) - T}; zero once s >= T.
                    NDArray e = boundary.sub(horizon).minimum(0).exp();
                    NDArray previous = discount.concat(e.get(new NDIndex(":, :-1")), 1);
                    NDArray weight = e.sub(previous);
                    NDArray idx;
                    if (switching == Switching.UNIFORM) {
                        // uniform redraws: every interval's subset is uniform and independent
                        idx = blk.randomInteger(0, subsets, shape, DataType.INT64);
                    } else {
                        NDArray increment = blk.randomInteger(1, subsets, shape, DataType.INT64);
                        if (first) {
                            // the first interval keeps the uniformly drawn starting index
                            increment.set(new NDIndex(":, 0"), 0);
                        }
                        idx = increment.cumSum(1).add(index).mod(subsets);
                    }
                    double[] wv = weight.toDoubleArray();
                    long[] iv = idx.toLongArray();
                    for (int c = 0; c < chains; c++) {
                        for (int j = c * block; j < (c + 1) * block; j++) {
                            if (wv[j] > 0) {
                                w[c * subsets + (int) iv[j]] += wv[j];
                                intervals[c]++;
                            }
                        }
                    }
                    NDIndex last = new NDIndex(":, -1:");
                    NDArray[] next = {e.get(last), boundary.get(last), idx.get(last)};
                    for (NDArray a : next) {
                        a.attach(sub);
                    }
                    discount.close();
                    clock.close();
                    index.close();
                    discount = next[0];
                    clock = next[1];
                    index = next[2];
                    first = false;
                    if (clock.min().getDouble() >= horizon) {
                        break;
                    }
                }
            }
        }
        long[] switches = new long[chains];
        for (int c = 0; c < chains; c++) {
            switches[c] = intervals[c] - 1; // the first interval starts at 0 without a ring
        }
        return new OccupationWeights(w, switches, chains, subsets, horizon);
    }

    public int chains() {
        return chains;
    }

    public int subsets() {
        return subsets;
    }

    public double horizon() {
        return horizon;
    }

    /** W for chain c and subset i. */
    public double weight(int c, int i) {
        return weights[c * subsets + i];
    }

    /** Number of clock rings (switch events, self-switches included) in [0, horizon] for chain c. */
    public long switches(int c) {
        return switches[c];
    }

    /**
     * sum_i W_i (m_i - mbar) for every chain: the index-driven deviation of theta_T from the
     * posterior mean (chains x d, float64).
     */
    public NDArray deviation(NDManager manager, GaussianSubsets problem) {
        double[][] m = problem.centres();
        double[] mean = problem.mean();
        for (double[] row : m) {
            for (int k = 0; k < row.length; k++) {
                row[k] -= mean[k];
            }
        }
        NDArray w = manager.create(weights, new Shape(chains, subsets));
        return w.matMul(manager.create(m));
    }

    /** Variance of the Gaussian part Z_T of each coordinate: 1 - e^{-2T}. */
    public double gaussianVariance() {
        return -Math.expm1(-2 * horizon);
    }
}
