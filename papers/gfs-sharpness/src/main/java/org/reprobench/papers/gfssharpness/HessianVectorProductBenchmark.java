package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
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
 * One Hessian-vector product of the ci profile's small tanh network (8 examples of 49 features,
 * 49-32-32-1, 2,689 parameters, float64) by DJL double backward, next to one hand-written gradient
 * for scale. Inputs are Gaussian of the stand-in's shape (the cost does not depend on the pixels), so
 * the benchmark needs no data files. Tear-down checks the product against central differences.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HessianVectorProductBenchmark {
    private NDManager manager;
    private TanhMlp net;
    private NDArray theta;
    private NDArray v;
    private double checksum;

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        Random r = new Random(3);
        double[][] x = new double[8][49];
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 49; j++) {
                x[i][j] = r.nextGaussian() / 7;
            }
            y[i] = i % 2 == 0 ? 1 : -1;
        }
        net = new TanhMlp(new StandInImages(x, y, "Gaussian inputs", false, null), 32, manager);
        theta = manager.create(net.initialParameters(1), new Shape(1, net.parameters));
        double[] d = new double[net.parameters];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        v = manager.create(d, new Shape(1, net.parameters));
        v = v.div(v.norm());
    }

    @Benchmark
    public double hessianVectorProduct() {
        try (NDArray hv = net.hessianVectorProduct(theta, v)) {
            checksum = hv.getDouble(0, 0);
            return checksum;
        }
    }

    @Benchmark
    public double gradient() {
        try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
            scope.suppressNotUsedWarning();
            return net.analyticGradient(theta).getDouble(0, 0);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        double h = 1e-5;
        NDArray hv = net.hessianVectorProduct(theta, v);
        NDArray fd = net.analyticGradient(theta.add(v.mul(h))).sub(net.analyticGradient(theta.sub(v.mul(h)))).div(2 * h);
        double err = hv.sub(fd).norm().getDouble() / hv.norm().getDouble();
        manager.close();
        if (!(err < 1e-6)) {
            throw new IllegalStateException("double-backward HVP differs from central differences by " + err);
        }
    }
}
