package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
 * One distributed round of the ci sweep: 4 runs (2 methods x 2 learning rates) in lockstep, 8
 * workers each, the 784-64-10 MLP: gather the workers' batches, all 32 per-worker gradients, EMA
 * momentum, ALIE from 3 of 8 workers, coordinate-wise median, and the update. At the sweep's two
 * batch sizes; the data are random standardised pixels (the cost does not depend on them).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DistributedStepBenchmark {
    static final int RUNS = 4;
    static final int WORKERS = 8;
    static final int BYZANTINE = 3;
    static final int TRAIN = 12_000;

    @Param({"8", "32"})
    public int batch;

    private NDManager manager;
    private WorkerMlp model;
    private NDArray trainX;
    private NDArray trainOneHot;
    private NDArray theta;
    private NDArray momentum;
    private NDArray lr;
    private NDArray nmMask;
    private NDArray sgdmMask;
    private Attack attack;
    private Aggregator aggregator;
    private long[] index;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        model = new WorkerMlp(784, 64, 10);
        trainX = manager.randomNormal(new Shape(TRAIN, 784));
        trainOneHot = manager.randomInteger(0, 10, new Shape(TRAIN), ai.djl.ndarray.types.DataType.INT64).oneHot(10);
        theta = manager.create(model.initial(1)).expandDims(0).repeat(0, RUNS);
        momentum = manager.zeros(new Shape(RUNS, WORKERS, model.size()));
        lr = manager.create(new float[] {0.05f, 0.2f, 0.05f, 0.1f}).expandDims(1);
        nmMask = manager.create(new float[] {0, 0, 1, 1}).expandDims(1);
        sgdmMask = nmMask.neg().add(1);
        attack = LittleIsEnough.forWorkers(manager, WORKERS, BYZANTINE);
        aggregator = new CoordinateMedian();
        index = new long[WORKERS * batch];
        random = new SplittableRandom(1);
    }

    @Benchmark
    public double round() {
        for (int i = 0; i < index.length; i++) {
            index[i] = random.nextInt(TRAIN);
        }
        try (NDManager round = manager.newSubManager()) {
            for (NDArray a : new NDArray[] {theta, momentum, trainX, trainOneHot}) {
                a.tempAttach(round);
            }
            NDArray pick = round.create(index);
            NDArray x = trainX.get(pick).reshape(WORKERS, batch, 784);
            NDArray y = trainOneHot.get(pick).reshape(WORKERS, batch, 10);
            NDArray g = model.workerGradients(theta, x, y, null);
            ByzantineTraining.updateMomentum(momentum, g, 0.9);
            NDArray a = aggregator.aggregate(attack.apply(momentum, BYZANTINE));
            ByzantineTraining.applyUpdate(theta, a, lr, nmMask, sgdmMask);
            return a.get("0, 0").getFloat();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        boolean finite = theta.isNaN().logicalOr(theta.isInfinite()).sum().getLong() == 0;
        manager.close();
        if (!finite) {
            throw new IllegalStateException("the parameters became non-finite during the benchmark");
        }
    }
}
