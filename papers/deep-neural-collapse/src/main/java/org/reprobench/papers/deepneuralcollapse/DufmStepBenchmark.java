package org.reprobench.papers.deepneuralcollapse;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
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
 * One full-batch GD step of the binary DUFM at the size of the reference runs (L = 4, n = 50 per
 * class, width 32; the paper's own sizes are unverified), for one network and for a batch of 16
 * networks (seeds) as the experiments run them, in float64 (the experiments) and float32. FLOPs per network and step:
 * 3 x 2 N (3 d^2 + 2 d) = 1.92 MFLOP (forward and the two backward products of every layer).
 * Teardown checks that the objective went down.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DufmStepBenchmark {
    static final int DEPTH = 4;
    static final int PER_CLASS = 50;
    static final int WIDTH = 32;

    @Param({"1", "16"})
    public int batch;

    /** float64 is what the experiments use; float32 shows what the same step reaches in single precision. */
    @Param({"float64", "float32"})
    public String type;

    private NDManager manager;
    private ReluStackGd gd;
    private double before;

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        List<Dufm.Member> members = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            members.add(new Dufm.Member(Dufm.mix(1, b), ProfileSettings.LAMBDA));
        }
        gd = Dufm.build(manager, members, DEPTH, WIDTH, PER_CLASS, ProfileSettings.CLASSES, ProfileSettings.LR,
                "float32".equals(type) ? DataType.FLOAT32 : DataType.FLOAT64);
        before = gd.snapshot().loss(0);
    }

    @Benchmark
    public void step() {
        gd.step();
    }

    /** FLOPs of one step of one network (matrix products only). */
    static double flopsPerNetwork() {
        double n = 2.0 * PER_CLASS;
        double forward = 2 * n * ((DEPTH - 1.0) * WIDTH * WIDTH + ProfileSettings.CLASSES * WIDTH);
        return 3 * forward;
    }

    @TearDown(Level.Trial)
    public void check() {
        double after = gd.snapshot().loss(0);
        gd.close();
        manager.close();
        if (!(after < before)) {
            throw new IllegalStateException("GD did not decrease the DUFM objective: " + before + " -> " + after);
        }
    }
}
