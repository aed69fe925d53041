package org.reprobench.papers.quantumtunnelingwalk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
 * One SGD / Langevin step (gradient, noise, rejection) for 10^5 chains on the paper's Example 1
 * landscape, on DJL. Teardown checks that every chain stayed inside the box.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LangevinStepBenchmark {
    static final int CHAINS = 100_000;
    private NDManager manager;
    private NDArray x;
    private NDArray params;
    private ChainLandscapes.PaperWells dynamics;
    private double s;

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        DoubleWellLandscape land = DoubleWellLandscape.example(1);
        dynamics = new ChainLandscapes.PaperWells(land);
        s = DoubleWellLandscape.exampleCodeS(1);
        x = manager.zeros(new Shape(CHAINS, 1), DataType.FLOAT64).add(land.a());
        params = manager.zeros(new Shape(CHAINS, 1), DataType.FLOAT64);
    }

    @Benchmark
    public NDArray step() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray xs = x.duplicate();
            xs.attach(sub);
            NDArray next = LangevinChains.step(xs, params, null, s, dynamics);
            next.attach(manager);
            x.close();
            x = next;
            return x;
        }
    }

    @TearDown(Level.Trial)
    public void check() {
        double lo = x.min().getDouble();
        double hi = x.max().getDouble();
        double length = dynamics.land().length();
        manager.close();
        if (lo < 0 || hi > length) {
            throw new IllegalStateException("a chain left the box [0, " + length + "]: " + lo + " .. " + hi);
        }
    }
}
