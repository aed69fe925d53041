package org.reprobench.papers.sftpg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
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
 * The hot loop of SFT-PG on the official toy models, one seed, batch 128: a 10-step sampler
 * rollout, one critic + baseline update (one fine-tuning iteration minus its rollout), and one
 * generator (policy-gradient) update on 128 transitions from a buffer of 5 rollouts. These are the
 * units the fine-tuning cost scales with: an official toy epoch is 79 iterations and 16 generator updates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SftPgBenchmarks {
    private static final int BATCH = 128;
    private NDManager manager;
    private ToySftPg toy;
    private NDArray[] rollout;
    private NDArray real;

    @Setup(Level.Trial)
    public void setUp() {
        GradMode.offForThisThread();
        manager = NDManager.newBaseManager();
        toy = new ToySftPg(manager, List.of(1L), 1024, ToySftPg.Settings.official());
        rollout = toy.rollout(manager, BATCH);
        for (int i = 0; i < 5; i++) {
            toy.pushRollout(toy.rollout(manager, BATCH));
        }
        float[] pts = SwissRoll.sample(BATCH, new SplittableRandom(9));
        real = manager.create(pts, new Shape(1, BATCH, 2));
    }

    @Benchmark
    public float rollout10StepsBatch128() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray[] x = toy.rollout(sub, BATCH);
            return x[x.length - 1].getFloat(0, 0, 0);
        }
    }

    @Benchmark
    public double criticAndBaselineUpdate() {
        try (NDManager sub = manager.newSubManager()) {
            return toy.criticAndValueStep(sub, rollout, real)[0][0];
        }
    }

    @Benchmark
    public void generatorUpdate() {
        try (NDManager sub = manager.newSubManager()) {
            toy.generatorStep(sub);
        }
    }

    /** The updates must have left every weight finite, or the timings measured NaN arithmetic. */
    @TearDown(Level.Trial)
    public void validateAndClose() {
        try {
            for (SeedBatchedNetwork net : new SeedBatchedNetwork[] {toy.epsNetwork(), toy.critic(), toy.value()}) {
                for (float[] w : net.snapshot().values()) {
                    for (float v : w) {
                        if (!Float.isFinite(v)) {
                            throw new IllegalStateException("non-finite weight after the benchmark");
                        }
                    }
                }
            }
        } finally {
            manager.close();
        }
    }
}
