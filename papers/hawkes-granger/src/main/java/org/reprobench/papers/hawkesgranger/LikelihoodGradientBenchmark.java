package org.reprobench.papers.hawkesgranger;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
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
 * One log-likelihood and one gradient evaluation on the README example (12,447 events, d = 5,
 * float64), at the true parameters: the hot loop of both phases. {@code djl*} are the
 * implementation the claims use; {@code plainJava*} evaluate the same sums with a double loop
 * over the events, to show what DJL's per-call overhead costs at this size. Feature
 * precomputation (once per data set) is outside the timed region.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LikelihoodGradientBenchmark {
    private NDManager manager;
    private SurrogateLikelihood fullMemory;
    private SurrogateLikelihood gradientMemory;
    private ExcitationFeatures features8;
    private double[][] theta;
    private double lastLogLik;
    private double[][] lastGradient;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        EventSequences data = ExampleData.load();
        manager = NDManager.newBaseManager();
        features8 = ExcitationFeatures.of(data, ExampleData.BETA, ExampleData.GRADIENT_MEMORY);
        fullMemory = SurrogateLikelihood.allTypes(manager, List.of(ExcitationFeatures.of(data, ExampleData.BETA)));
        gradientMemory = SurrogateLikelihood.allTypes(manager, List.of(features8));
        theta = SurrogateLikelihood.blocksOf(new double[][] {ExampleData.TRUE_MU}, new double[][][] {ExampleData.TRUE_A});
    }

    /** Exact log-likelihood, full memory (claim example-loglik-truth). */
    @Benchmark
    public double djlLogLikelihood() {
        lastLogLik = Arrays.stream(fullMemory.logLikelihood(theta)).sum();
        return lastLogLik;
    }

    /** Surrogate gradient at memory 8 (one phase-1 iteration's work). */
    @Benchmark
    public double[][] djlGradient() {
        lastGradient = gradientMemory.gradient(theta);
        return lastGradient;
    }

    /** The same gradient as a double loop over events (reference for DJL's overhead). */
    @Benchmark
    public double[][] plainJavaGradient() {
        return plainGradient(features8, theta);
    }

    static double[][] plainGradient(ExcitationFeatures f, double[][] theta) {
        int d = f.types();
        int[] marks = f.marksView();
        double[] x = f.featuresView();
        double[][] g = new double[d][d + 1];
        for (int n = 0; n < marks.length; n++) {
            double[] t = theta[marks[n]];
            double lambda = t[0];
            for (int j = 0; j < d; j++) {
                lambda += t[j + 1] * x[n * d + j];
            }
            if (lambda > 0) {
                double w = 1 / lambda;
                double[] row = g[marks[n]];
                row[0] += w;
                for (int j = 0; j < d; j++) {
                    row[j + 1] += w * x[n * d + j];
                }
            }
        }
        double[] weights = f.compensatorWeights();
        for (int i = 0; i < d; i++) {
            g[i][0] = (g[i][0] - f.lastTimeSum()) / f.sequences();
            for (int j = 0; j < d; j++) {
                g[i][j + 1] = (g[i][j + 1] - weights[j]) / f.sequences();
            }
        }
        return g;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (lastLogLik != 0 && Math.abs(lastLogLik + 35052.308987812874) > 1e-6) {
                throw new IllegalStateException("log-likelihood " + lastLogLik + " is not the README's -35052.308987812874");
            }
            if (lastGradient != null) {
                double[][] reference = plainGradient(features8, theta);
                for (int i = 0; i < reference.length; i++) {
                    for (int j = 0; j < reference[i].length; j++) {
                        if (Math.abs(reference[i][j] - lastGradient[i][j]) > 1e-9 * Math.max(1, Math.abs(reference[i][j]))) {
                            throw new IllegalStateException("DJL and plain gradients differ at " + i + "," + j);
                        }
                    }
                }
            }
        } finally {
            fullMemory.close();
            gradientMemory.close();
            manager.close();
        }
    }
}
