package org.reprobench.papers.sgldiff;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The hot loop of every SGLDiff simulation: one switch interval (exponential wait, exact OU move,
 * new subset) for 10^5 chains, in d = 1 and d = 64.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SwitchIntervalBenchmark {
    static final int CHAINS = 100_000;

    @Param({"1", "64"})
    public int dim;

    private NDManager manager;
    private ExactSgldiff sim;

    @Setup(Level.Trial)
    public void setUp() {
        TorchThreads.applyToThisThread();
        Engine.getInstance().setRandomSeed(1);
        manager = NDManager.newBaseManager();
        GaussianSubsets problem = GaussianSubsets.normal(8, dim, 1.0, 7);
        sim = new ExactSgldiff(manager, problem, CHAINS, 0.1, Switching.UNIFORM, problem.mean());
        sim.runTo(5); // start from (nearly) the limit law
    }

    @Benchmark
    public NDArray switchInterval() {
        sim.switchInterval(Double.POSITIVE_INFINITY);
        return sim.theta();
    }

    /** The chains must still follow the limit law: variance per coordinate between 1 and 1 + Cov(m_i). */
    @TearDown(Level.Trial)
    public void tearDown() {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray theta = sim.theta();
            theta.tempAttach(scratch);
            double[] var = theta.sub(theta.mean(new int[] {0})).square().mean(new int[] {0}).toDoubleArray();
            for (double v : var) {
                if (!(v > 0.9 && v < 4)) {
                    throw new IllegalStateException("chain variance " + v + " is outside the limit law's range");
                }
            }
        } finally {
            sim.close();
            manager.close();
        }
    }
}
