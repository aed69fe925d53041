package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One GD step for 10^5 scalar networks (depths 2, 3, 4, 6 mixed, one tensor [10^5, 6], float64), alone and
 * followed by the closed-form GFS sharpness of every network (warm-started Newton). The state carries
 * over between calls, so each call is the next step of the same runs (q = phi(w0) eta/2 = 0.9). Tear-down
 * checks that the runs stayed finite and that the mean loss fell.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScalarGdStepBenchmark {
    static final int NETWORKS = 100_000;

    private NDManager manager;
    private ScalarNetworks nets;
    private NDArray w;
    private NDArray eta;
    private NDArray u;
    private double initialLoss;

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        int[] depths = new int[NETWORKS];
        double[][] inits = new double[NETWORKS][];
        Random rnd = new Random(1);
        for (int i = 0; i < NETWORKS; i++) {
            depths[i] = Settings.DEPTHS[i % Settings.DEPTHS.length];
            inits[i] = ScalarSweep.initialWeights(depths[i], Settings.Y, rnd);
        }
        nets = new ScalarNetworks(depths, Settings.Y, manager);
        w = nets.weights(inits, manager);
        ScalarGfs.Solution s = ScalarGfs.solve(nets, w, null);
        eta = s.sharpness().pow(-1).mul(2 * 0.9);
        u = s.u();
        initialLoss = nets.loss(w).mean().getDouble();
    }

    @Benchmark
    public NDArray gdStep() {
        NDArray next;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            next = nets.gdStep(w, eta);
            NDScope.unregister(next);
        }
        w.close();
        w = next;
        return w;
    }

    @Benchmark
    public NDArray gdStepWithClosedFormGfs() {
        NDArray next;
        NDArray nextU;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            next = nets.gdStep(w, eta);
            nextU = ScalarGfs.solve(nets, next, u).u();
            NDScope.unregister(next, nextU);
        }
        w.close();
        u.close();
        w = next;
        u = nextU;
        return u;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        double loss = nets.loss(w).mean().getDouble();
        boolean finite = !nets.product(w).isNaN().any().getBoolean();
        manager.close();
        if (!finite || !(loss <= initialLoss)) {
            throw new IllegalStateException("GD on the scalar networks went wrong: mean loss " + initialLoss + " -> " + loss);
        }
    }
}
