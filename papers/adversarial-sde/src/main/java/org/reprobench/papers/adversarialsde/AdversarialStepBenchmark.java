package org.reprobench.papers.adversarialsde;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
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
 * One adversarial-training step (l2 attack on every example, then the SGD update) on the claim-3
 * batch: 32 two-moons points for each of the networks trained side by side in ci (3 seeds x 2
 * regimes x 4 radii = 24 tanh networks 2-32-1, float32); {@code models} = 1 times a single
 * network, which shows how much of the step is per-call overhead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AdversarialStepBenchmark {
    @Param({"24", "1"})
    public int models;

    private NDManager manager;
    private MlpEnsemble net;
    private NDArray x;
    private NDArray y;
    private NDArray eps;

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        SplittableRandom rng = new SplittableRandom(42);
        int batch = RobustnessAlongTraining.BATCH;
        double[][] init = new double[models][];
        float[] bx = new float[models * batch * 2];
        float[] by = new float[models * batch];
        double[] radius = new double[models];
        for (int m = 0; m < models; m++) {
            init[m] = MlpEnsemble.initialParameters(RobustnessAlongTraining.HIDDEN, rng);
            TwoMoons data = TwoMoons.sample(batch, 0.1, rng);
            for (int i = 0; i < 2 * batch; i++) {
                bx[m * batch * 2 + i] = (float) data.points()[i];
            }
            for (int i = 0; i < batch; i++) {
                by[m * batch + i] = (float) data.labels()[i];
            }
            radius[m] = RobustnessAlongTraining.TRAIN_EPS[m % RobustnessAlongTraining.TRAIN_EPS.length];
        }
        net = new MlpEnsemble(manager, RobustnessAlongTraining.HIDDEN, init, DataType.FLOAT32);
        x = manager.create(bx, new Shape(models, batch, 2));
        y = manager.create(by, new Shape(models, batch));
        eps = manager.create(radius, new Shape(models, 1, 1)).toType(DataType.FLOAT32, false);
    }

    @Benchmark
    public void mlpStep() {
        net.adversarialStep(x, y, eps, RobustnessAlongTraining.LEARNING_RATE);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            for (NDArray p : net.parameters()) {
                if (!Double.isFinite(p.sum().getFloat())) {
                    throw new IllegalStateException("a network parameter became non-finite");
                }
            }
        } finally {
            manager.close();
        }
    }
}
