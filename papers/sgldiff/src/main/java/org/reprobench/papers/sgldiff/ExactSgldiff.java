package org.reprobench.papers.sgldiff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * SGLDiff for unit-Hessian Gaussian subsets, simulated exactly, many chains per tensor.
 *
 * <p>Between two switches the process is the Ornstein-Uhlenbeck diffusion of one subset, whose
 * transition over a time w is theta <- m_i + e^{-w} (theta - m_i) + sqrt(1 - e^{-2w}) xi; so one
 * "switch interval" is: draw each chain's exponential waiting time (mean eta), move it by the exact OU
 * transition (cut at the horizon), then draw its next subset. No discretisation error enters, which
 * keeps the pure subsampling error visible. Every chain carries its own clock; chains past the horizon
 * stand still (zero elapsed time) until the slowest one arrives.
 */
public final class ExactSgldiff implements AutoCloseable {
    private final NDManager manager;
    private final NDArray centres;
    private final int subsets;
    private final double eta;
    private final Switching switching;
    private NDArray theta;
    private NDArray index;
    private NDArray clock;

    /**
     * Chains started at theta_0 = start (broadcast) with the index drawn uniformly. The arrays live in a
     * sub-manager of `parent`, released by {@link #close()}.
     */
    public ExactSgldiff(NDManager parent, GaussianSubsets problem, int chains, double eta, Switching switching,
                        double[] start) {
        this.manager = parent.newSubManager();
        this.centres = manager.create(problem.centres());
        this.subsets = problem.subsets();
        this.eta = eta;
        this.switching = switching;
        this.theta = manager.create(start).reshape(1, start.length).repeat(0, chains);
        this.index = manager.randomInteger(0, subsets, new Shape(chains), DataType.INT64);
        this.clock = manager.zeros(new Shape(chains, 1), DataType.FLOAT64);
    }

    /** Advances every chain by one switch interval, none beyond the horizon. */
    public void switchInterval(double horizon) {
        long chains = theta.getShape().get(0);
        int dim = (int) theta.getShape().get(1);
        try (NDManager step = manager.newSubManager()) {
            // every result of this interval lands in `step` and is freed with it, except the new state
            for (NDArray a : new NDArray[] {centres, theta, index, clock}) {
                a.tempAttach(step);
            }
            NDArray wait = step.randomUniform(0f, 1f, new Shape(chains, 1), DataType.FLOAT64).log().mul(-eta);
            NDArray used = clock.neg().add(horizon).maximum(0).minimum(wait);
            NDArray decay = used.neg().exp();
            NDArray spread = oneMinusExpMinus(used.mul(2)).sqrt();
            NDArray centre = centres.get(new NDIndex("{}", index));
            // float32 normals cast to float64: PyTorch draws them ~4x faster; their rounding (1e-7
            // relative) is far below anything measured here.
            NDArray xi = step.randomNormal(0f, 1f, new Shape(chains, dim), DataType.FLOAT32).toType(DataType.FLOAT64, false);
            NDArray next = theta.sub(centre).mul(decay).add(centre).add(xi.mul(spread));
            NDArray increment = step.randomInteger(switching.lowestIncrement, subsets, new Shape(chains), DataType.INT64);
            NDArray nextIndex = index.add(increment).mod(subsets);
            NDArray nextClock = clock.add(wait);
            replace(next, nextIndex, nextClock);
        }
    }

    /** Runs switch intervals until every chain has reached the horizon; returns how many it took. */
    public int runTo(double horizon) {
        int intervals = 0;
        while (earliestClock() < horizon) {
            switchInterval(horizon);
            intervals++;
        }
        return intervals;
    }

    private double earliestClock() {
        try (NDManager scratch = manager.newSubManager()) {
            clock.tempAttach(scratch);
            return clock.min().getDouble();
        }
    }

    /** The chains' states (chains x d), owned by this simulator. */
    public NDArray theta() {
        return theta;
    }

    @Override
    public void close() {
        manager.close();
    }

    private void replace(NDArray next, NDArray nextIndex, NDArray nextClock) {
        next.attach(manager);
        nextIndex.attach(manager);
        nextClock.attach(manager);
        theta.close();
        index.close();
        clock.close();
        theta = next;
        index = nextIndex;
        clock = nextClock;
    }

    /** 1 - e^{-x}, keeping its relative accuracy for tiny x where 1 - exp(-x) would cancel. */
    static NDArray oneMinusExpMinus(NDArray x) {
        NDArray series = x.mul(x.mul(-0.5).add(1));
        NDArray direct = x.neg().exp().neg().add(1);
        return NDArrays.where(x.lt(1e-5), series, direct);
    }
}
