package org.reprobench.papers.deepneuralcollapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClosedFormOptimumTest {

    /** Values derived independently (BFGS on the unreduced per-layer scales) in the research brief. */
    @Test
    void matchesTheIndependentlyDerivedTable() {
        assertEquals(0.00645401, ClosedFormOptimum.uniform(2, 10, 1e-3).value(), 5e-9);
        assertEquals(0.03540604, ClosedFormOptimum.uniform(3, 10, 5e-3).value(), 5e-9);
        ClosedFormOptimum l3 = ClosedFormOptimum.uniform(3, 50, 5e-3);
        assertEquals(0.05282458, l3.value(), 5e-9);
        assertEquals(0.973043, l3.outputScale(), 5e-7);
        assertEquals(0.37096, l3.meanNorms()[0], 5e-6);
        assertEquals(0.60080, l3.meanNorms()[1], 5e-6);
        assertEquals(0.05442580, ClosedFormOptimum.uniform(4, 50, 5e-3).value(), 5e-9);
        assertEquals(0.05739488, ClosedFormOptimum.uniform(5, 50, 5e-3).value(), 5e-9);
    }

    /** The unreduced scalar objective over (q, r_2..r_L), minimised directly. */
    @Test
    void oneVariableReductionEqualsDirectMinimisation() {
        double[] lw = {2e-3, 7e-3, 3e-3, 5e-3};
        double lh = 4e-3;
        int n = 20;
        ClosedFormOptimum opt = new ClosedFormOptimum(4, n, lw, lh);
        double c = 2 * Math.sqrt(n * lw[0] * lh);
        java.util.function.ToDoubleFunction<double[]> f = x -> {
            double q = x[0];
            double[] r = {Math.exp(x[1]), Math.exp(x[2]), Math.exp(x[3])};
            return 0.5 * (1 - q) * (1 - q) + lw[3] * q * q / (r[2] * r[2]) + lw[1] * r[1] * r[1] / (r[0] * r[0])
                    + lw[2] * r[2] * r[2] / (r[1] * r[1]) + c * r[0];
        };
        double best = NelderMead.minimise(f, new double[] {0.9, Math.log(0.3), Math.log(0.5), Math.log(0.7)}, 20000);
        assertEquals(opt.value(), best, 1e-10);
        // and the closed-form scales give that value
        double[] r = opt.meanNorms();
        double at = f.applyAsDouble(new double[] {opt.outputScale(), Math.log(r[0]), Math.log(r[1]), Math.log(r[2])});
        assertEquals(opt.value(), at, 1e-13);
    }

    /** An explicit collapsed DUFM point built from the closed form has exactly the objective f*. */
    @Test
    void explicitCollapsedPointAttainsTheOptimum() {
        int depth = 4;
        int n = 3;
        int width = 5;
        double lambda = 5e-3;
        ClosedFormOptimum opt = ClosedFormOptimum.uniform(depth, n, lambda);
        double[] r = opt.meanNorms();
        double[] t = opt.layerGains();
        int samples = 2 * n;
        // Z = W_1 H_1 has columns r_2 e_c: balanced factors sqrt(sqrt(n) r_2) e_c and columns e_c/sqrt(n)-scaled
        double s = Math.sqrt(Math.sqrt(n) * r[0]);
        double[][] h1 = new double[width][samples];
        double[][] w1 = new double[width][width];
        for (int j = 0; j < samples; j++) {
            h1[j < n ? 0 : 1][j] = s / Math.sqrt(n);
        }
        w1[0][0] = s;
        w1[1][1] = s;
        double[][][] w = new double[depth][][];
        w[0] = w1;
        for (int l = 1; l < depth - 1; l++) {
            w[l] = new double[width][width];
            w[l][0][0] = t[l - 1];
            w[l][1][1] = t[l - 1];
        }
        w[depth - 1] = new double[2][width];
        w[depth - 1][0][0] = t[depth - 2];
        w[depth - 1][1][1] = t[depth - 2];
        double[] lw = {lambda, lambda, lambda, lambda};
        boolean[] relu = {true, true, true, false};
        double[][] y = new double[2][samples];
        for (int j = 0; j < samples; j++) {
            y[j < n ? 0 : 1][j] = 1;
        }
        double value = ReferenceDufm.objective(h1, w, relu, lw, 0, lambda, y);
        assertEquals(opt.value(), value, 1e-14);
        assertEquals(opt.firstFeaturesSquaredNorm(), Matrices.squaredNorm(h1), 1e-12);
        assertEquals(opt.firstWeightsSquaredNorm(), Matrices.squaredNorm(w1), 1e-12);
        assertEquals(0.5 * (opt.value() + 0.5), opt.partialValue(1, 2), 1e-15);
    }

    @Test
    void thresholdSeparatesCollapseFromZero() {
        for (int depth = 2; depth <= 6; depth++) {
            for (int n : new int[] {5, 10, 50}) {
                double scale = ClosedFormOptimum.uniform(depth, n, 1e-3).thresholdScale();
                double star = 1e-3 * scale;
                assertEquals(0.5, ClosedFormOptimum.uniform(depth, n, star).dncValue(), 1e-9);
                assertTrue(ClosedFormOptimum.uniform(depth, n, 0.99 * star).dncIsOptimal());
                assertFalse(ClosedFormOptimum.uniform(depth, n, 1.01 * star).dncIsOptimal());
                assertEquals(0.5, ClosedFormOptimum.uniform(depth, n, 1.01 * star).value(), 0);
                // closed form of the threshold when all lambdas are equal: B = (L+1) lambda n^(1/(L+1))
                double beta = 2.0 / (depth + 1);
                double q = (depth - 1.0) / depth;
                double expected = (q - q * q / 2) / Math.pow(q, beta) / ((depth + 1) * Math.pow(n, 1.0 / (depth + 1)));
                assertEquals(expected, star, 1e-12 * expected);
            }
        }
        // the brief's rough thresholds for n = 10
        assertEquals(0.0765, RegularisationThreshold.threshold(3, 10), 5e-4);
        assertEquals(0.0664, RegularisationThreshold.threshold(4, 10), 5e-4);
    }

    @Test
    void interiorMinimiserIsAStationaryLocalMinimum() {
        Random rng = new Random(3);
        for (int i = 0; i < 200; i++) {
            double b = 0.5 * rng.nextDouble();
            double beta = 0.1 + 0.8 * rng.nextDouble();
            double q = ClosedFormOptimum.interiorMinimiser(b, beta);
            if (Double.isNaN(q)) {
                continue;
            }
            double d = -(1 - q) + b * beta * Math.pow(q, beta - 1);
            assertEquals(0, d, 1e-12);
            double h = 1e-4;
            double f0 = 0.5 * (1 - q) * (1 - q) + b * Math.pow(q, beta);
            assertTrue(0.5 * (1 - q - h) * (1 - q - h) + b * Math.pow(q + h, beta) >= f0);
            assertTrue(0.5 * (1 - q + h) * (1 - q + h) + b * Math.pow(q - h, beta) >= f0);
        }
    }
}
