package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
 * Each aggregator on the paper's scale: 8 worker vectors of ResNet-20's size (269,722 parameters:
 * the CIFAR ResNet-20 of He et al. 2016 with identity shortcuts, BatchNorm included), float32.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AggregatorBenchmark {
    static final int RESNET20_PARAMETERS = 269_722;

    @Param({"mean", "CM", "GM", "KR", "CC", "NNM+CM"})
    public String rule;

    private NDManager manager;
    private NDArray received;
    private Aggregator aggregator;
    private double lastNorm = Double.NaN;

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        received = manager.randomNormal(new Shape(1, 8, RESNET20_PARAMETERS));
        aggregator = switch (rule) {
            case "mean" -> new MeanAggregator();
            case "CM" -> new CoordinateMedian();
            case "GM" -> new GeometricMedian(3, 0.1);
            case "KR" -> new Krum(3);
            case "CC" -> new CenteredClipping(0.1, manager);
            case "NNM+CM" -> new NearestNeighbourMixing(3, new CoordinateMedian());
            default -> throw new IllegalArgumentException(rule);
        };
    }

    @Benchmark
    public double aggregate() {
        try (NDManager sub = manager.newSubManager()) {
            received.tempAttach(sub);
            NDArray a = aggregator.aggregate(received);
            lastNorm = a.norm().getFloat();
            return lastNorm;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
        if (!Double.isFinite(lastNorm)) {
            throw new IllegalStateException(rule + " returned a non-finite aggregate");
        }
    }
}
