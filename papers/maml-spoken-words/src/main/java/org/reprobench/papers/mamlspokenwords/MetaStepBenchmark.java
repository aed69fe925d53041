package org.reprobench.papers.mamlspokenwords;

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
import org.reprobench.api.Profile;

/**
 * The hot loop of meta-training at the ci size: one outer step = 8 tasks (N = 8, K = 5, four class
 * groups) adapted together through the whole inner loop, the first-order meta-gradient (what the
 * claims run, as the official code) and Adam's update. Synthetic features of the real shape stand in
 * for the spoken words (the timing does not depend on the values, and a fork need not spend seconds
 * on MFCCs). Second order is not benchmarked: at this size each step keeps gigabytes alive (see
 * {@link ContinualLearner#secondOrderMetaGradient}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MetaStepBenchmark {
    @Param({"MAMLCON", "OML"})
    public String method;

    private NDManager manager;
    private MetaTrainer.Run run;
    private double[] initial;

    @Setup(Level.Trial)
    public void setUp() {
        Torch.prepareThread();
        manager = NDManager.newBaseManager();
        Setting ci = Setting.of(Profile.CI);
        SpokenWordBank words = SpokenWordBank.synthetic(ci.trainWords().size(), 2 * ci.train().shots() + 2, 1);
        NDArray bank = words.toNDArray(manager, ci.timePool());
        run = new MetaTrainer(ci, Method.valueOf(method)).start(new long[] {1}, words, bank, manager);
        initial = toDouble(run.theta().get(run.theta().size() - 2).toFloatArray());
    }

    @Benchmark
    public double[] metaStep() {
        return run.step();
    }

    /** The meta-gradient must have moved the heads and left every weight finite. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            double[] heads = toDouble(run.theta().get(run.theta().size() - 2).toFloatArray());
            boolean moved = false;
            for (int i = 0; i < heads.length; i++) {
                if (!Double.isFinite(heads[i])) {
                    throw new IllegalStateException("head weight " + i + " is " + heads[i]);
                }
                moved |= heads[i] != initial[i];
            }
            if (!moved) {
                throw new IllegalStateException("the outer steps did not change the head weights");
            }
        } finally {
            manager.close();
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
