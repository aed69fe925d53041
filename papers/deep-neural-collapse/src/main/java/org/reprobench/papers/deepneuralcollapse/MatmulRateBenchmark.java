package org.reprobench.papers.deepneuralcollapse;

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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The machine's matrix-product rate on the same engine and thread count, the yardstick of
 * {@link DufmStepBenchmark}: a large product (512^3, 268 MFLOP), and the batched product
 * of the DUFM step's own shape (16 x (32x32 @ 32x100), 3.3 MFLOP), which bounds what small products
 * can reach. Teardown checks a product against a hand-computed entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatmulRateBenchmark {
    static final int LARGE = 512;
    /** The same two products in both precisions, to compare each step with its own precision's rate. */
    @Param({"float64", "float32"})
    public String type;

    private NDManager manager;
    private NDArray a;
    private NDArray b;
    private NDArray w;
    private NDArray h;

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        manager.getEngine().setRandomSeed(7);
        DataType t = "float32".equals(type) ? DataType.FLOAT32 : DataType.FLOAT64;
        a = manager.randomNormal(new Shape(LARGE, LARGE)).toType(t, false);
        b = manager.randomNormal(new Shape(LARGE, LARGE)).toType(t, false);
        w = manager.randomNormal(new Shape(16, DufmStepBenchmark.WIDTH, DufmStepBenchmark.WIDTH)).toType(t, false);
        h = manager.randomNormal(new Shape(16, DufmStepBenchmark.WIDTH, 2 * DufmStepBenchmark.PER_CLASS)).toType(t, false);
    }

    @Benchmark
    public NDArray largeProduct() {
        NDArray c = a.matMul(b);
        c.close();
        return c;
    }

    @Benchmark
    public NDArray dufmShapedBatch() {
        NDArray c = w.batchMatMul(h);
        c.close();
        return c;
    }

    @TearDown(Level.Trial)
    public void check() {
        double[] row = a.get(0).toType(DataType.FLOAT64, false).toDoubleArray();
        double[] col = b.get(":, 0").toType(DataType.FLOAT64, false).toDoubleArray();
        double s = 0;
        for (int i = 0; i < LARGE; i++) {
            s += row[i] * col[i];
        }
        double got = a.matMul(b).toType(DataType.FLOAT64, false).getDouble(0, 0);
        manager.close();
        double tol = "float32".equals(type) ? 1e-4 : 1e-9;
        if (Math.abs(got - s) > tol * Math.max(1, Math.abs(s))) {
            throw new IllegalStateException("matMul entry (0,0) is " + got + ", expected " + s);
        }
    }
}
