package org.reprobench.papers.adversarialsde;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
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
 * One step of the 48,000 batch-size-1 adversarial-training runs of the convergence claims in ci
 * (4 radii x 3 steps x 4,000 runs), fresh samples included: the hot loop of claims 1 and 4.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegressionStepBenchmark {
    private NDManager manager;
    private AdversarialRegressionRuns runs;

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        int n = 48_000;
        double[] eps = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            eps[i] = AtConvergence.EPSILONS[i % AtConvergence.EPSILONS.length];
            eta[i] = 0.02;
        }
        runs = new AdversarialRegressionRuns(manager, RegressionTestBed.standard(0), AtConvergence.THETA0, eps, eta,
                DataType.FLOAT32);
    }

    @Benchmark
    public void step() {
        runs.step();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (!Double.isFinite(runs.theta().mean().getFloat())) {
                throw new IllegalStateException("a regression run became non-finite");
            }
        } finally {
            manager.close();
        }
    }
}
