package org.reprobench.papers.adversarialsde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpEnsembleTest {
    static final int H = 5;
    static final int B = 4;

    private static double[][] init(int models, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] p = new double[models][];
        for (int m = 0; m < models; m++) {
            p[m] = MlpEnsemble.initialParameters(H, rng);
            for (int i = 0; i < p[m].length; i++) {
                p[m][i] += 0.1 * TwoMoons.gaussian(rng); // non-zero biases too
            }
        }
        return p;
    }

    private static double[] data(int models, long seed, double[] labels) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[models * B * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = TwoMoons.gaussian(rng);
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextBoolean() ? 1 : -1;
        }
        return x;
    }

    /** Mean batch loss of network m in plain Java, straight from the definition. */
    private static double meanLoss(double[] p, double[] x, double[] y, int m) {
        double total = 0;
        for (int b = 0; b < B; b++) {
            double x0 = x[(m * B + b) * 2];
            double x1 = x[(m * B + b) * 2 + 1];
            double f = p[4 * H];
            for (int j = 0; j < H; j++) {
                f += p[3 * H + j] * Math.tanh(x0 * p[j] + x1 * p[H + j] + p[2 * H + j]);
            }
            double z = -y[m * B + b] * f;
            total += Math.log1p(Math.exp(z));
        }
        return total / B;
    }

    @Test
    void lossesMatchThePlainDefinitionForEveryNetwork() {
        double[][] p = init(3, 1);
        double[] y = new double[3 * B];
        double[] x = data(3, 2, y);
        try (NDManager m = NDManager.newBaseManager();
             MlpEnsemble net = new MlpEnsemble(m, H, p, DataType.FLOAT64)) {
            double[] got = net.losses(m.create(x, new Shape(3, B, 2)), m.create(y, new Shape(3, B))).mean(new int[] {1}).toDoubleArray();
            for (int k = 0; k < 3; k++) {
                assertEquals(meanLoss(p[k], x, y, k), got[k], 1e-12, "network " + k);
            }
        }
    }

    @Test
    void parameterGradientsMatchFiniteDifferences() {
        double[][] p = init(2, 3);
        double[] y = new double[2 * B];
        double[] x = data(2, 4, y);
        try (NDManager m = NDManager.newBaseManager();
             MlpEnsemble net = new MlpEnsemble(m, H, p, DataType.FLOAT64)) {
            NDArray[] g = net.parameterGradients(m.create(x, new Shape(2, B, 2)), m.create(y, new Shape(2, B)), m);
            double[] w1 = g[0].toDoubleArray(); // [2, 2, H]
            double[] w2 = g[2].toDoubleArray(); // [2, H, 1]
            double h = 1e-6;
            for (int k = 0; k < 2; k++) {
                for (int i : new int[] {0, H + 2, 3 * H + 1, 4 * H}) {
                    double[] plus = p[k].clone();
                    double[] minus = p[k].clone();
                    plus[i] += h;
                    minus[i] -= h;
                    double fd = (meanLoss(plus, x, y, k) - meanLoss(minus, x, y, k)) / (2 * h);
                    double auto = i < 2 * H ? w1[k * 2 * H + i]
                            : i < 3 * H ? g[1].toDoubleArray()[k * H + i - 2 * H]
                            : i < 4 * H ? w2[k * H + i - 3 * H] : g[3].toDoubleArray()[k];
                    assertEquals(fd, auto, 1e-8, "network " + k + " parameter " + i);
                }
            }
        }
    }

    @Test
    void inputGradientsMatchFiniteDifferences() {
        double[][] p = init(1, 5);
        double[] y = new double[B];
        double[] x = data(1, 6, y);
        try (NDManager m = NDManager.newBaseManager();
             MlpEnsemble net = new MlpEnsemble(m, H, p, DataType.FLOAT64)) {
            double[] g = net.inputGradients(m.create(x, new Shape(1, B, 2)), m.create(y, new Shape(1, B))).toDoubleArray();
            double h = 1e-6;
            for (int i = 0; i < x.length; i++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[i] += h;
                minus[i] -= h;
                // the per-example loss; the mean loss times B isolates it
                double fd = B * (meanLoss(p[0], plus, y, 0) - meanLoss(p[0], minus, y, 0)) / (2 * h);
                assertEquals(fd, g[i], 1e-8, "coordinate " + i);
            }
        }
    }

    /** The second-order path: grad_theta of mean_b |grad_x l_b|_2 against central differences of the regulariser. */
    @Test
    void regulariserGradientMatchesFiniteDifferences() {
        double[][] p = init(2, 7);
        double[] y = new double[2 * B];
        double[] x = data(2, 8, y);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray xs = m.create(x, new Shape(2, B, 2));
            NDArray ys = m.create(y, new Shape(2, B));
            double[] w1Grad;
            double[] b2Grad;
            try (MlpEnsemble net = new MlpEnsemble(m, H, p, DataType.FLOAT64)) {
                NDArray[] g = net.regulariserGradients(xs, ys, gx -> gx.norm(new int[] {2}), m);
                w1Grad = g[0].toDoubleArray();
                b2Grad = g[3].toDoubleArray();
                // the call must leave no gradient behind that a later update would pick up
                NDArray[] after = net.parameterGradients(xs, ys, m);
                NDArray[] fresh;
                try (MlpEnsemble twin = new MlpEnsemble(m, H, p, DataType.FLOAT64)) {
                    fresh = twin.parameterGradients(xs, ys, m);
                }
                assertArrayEquals(fresh[0].toDoubleArray(), after[0].toDoubleArray(), 1e-14);
            }
            double h = 1e-6;
            for (int k = 0; k < 2; k++) {
                for (int i : new int[] {1, H + 3, 4 * H}) {
                    double[] plus = p[k].clone();
                    double[] minus = p[k].clone();
                    plus[i] += h;
                    minus[i] -= h;
                    double fd = (regulariser(m, plus, xs, ys, k) - regulariser(m, minus, xs, ys, k)) / (2 * h);
                    double auto = i < 2 * H ? w1Grad[k * 2 * H + i] : b2Grad[k];
                    assertEquals(fd, auto, 1e-7, "network " + k + " parameter " + i);
                }
            }
        }
    }

    /** mean_b |grad_x l_b|_2 of network k when every network carries parameters q (first-order autograd only). */
    private static double regulariser(NDManager m, double[] q, NDArray xs, NDArray ys, int k) {
        try (MlpEnsemble net = new MlpEnsemble(m, H, new double[][] {q, q}, DataType.FLOAT64)) {
            return net.inputGradients(xs, ys).norm(new int[] {2}).mean(new int[] {1}).toDoubleArray()[k];
        }
    }

    @Test
    void adversarialStepWithZeroRadiusIsAnSgdStep() {
        double[][] p = init(2, 9);
        double[] y = new double[2 * B];
        double[] x = data(2, 10, y);
        try (NDManager m = NDManager.newBaseManager();
             MlpEnsemble at = new MlpEnsemble(m, H, p, DataType.FLOAT64);
             MlpEnsemble sgd = new MlpEnsemble(m, H, p, DataType.FLOAT64)) {
            NDArray xs = m.create(x, new Shape(2, B, 2));
            NDArray ys = m.create(y, new Shape(2, B));
            for (int k = 0; k < 3; k++) {
                at.adversarialStep(xs, ys, m.zeros(new Shape(2, 1, 1), DataType.FLOAT64), 0.1);
                sgd.sgdStep(xs, ys, 0.1);
            }
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(sgd.parameters().get(i).toDoubleArray(), at.parameters().get(i).toDoubleArray(), 1e-14);
            }
        }
    }

    @Test
    void attackRaisesTheLossAndSitsOnTheSphere() {
        double[][] p = init(1, 11);
        double[] y = new double[B];
        double[] x = data(1, 12, y);
        try (NDManager m = NDManager.newBaseManager();
             MlpEnsemble net = new MlpEnsemble(m, H, p, DataType.FLOAT64)) {
            NDArray xs = m.create(x, new Shape(1, B, 2));
            NDArray ys = m.create(y, new Shape(1, B));
            NDArray delta = net.l2Perturbation(xs, ys, m.create(new double[] {0.05}, new Shape(1, 1, 1)));
            assertArrayEquals(new double[] {0.05, 0.05, 0.05, 0.05}, delta.norm(new int[] {2}).reshape(B).toDoubleArray(), 1e-12);
            double[] before = net.losses(xs, ys).toDoubleArray();
            double[] after = net.losses(xs.add(delta), ys).toDoubleArray();
            for (int b = 0; b < B; b++) {
                assertTrue(after[b] > before[b], "example " + b);
            }
        }
    }

    @Test
    void pgdAccuracyIsAtMostCleanAccuracyAndEqualsItAtRadiusZero() {
        SplittableRandom rng = new SplittableRandom(13);
        TwoMoons data = TwoMoons.sample(200, 0.1, rng);
        double[][] p = {MlpEnsemble.initialParameters(8, rng)};
        try (NDManager m = NDManager.newBaseManager();
             MlpEnsemble net = new MlpEnsemble(m, 8, p, DataType.FLOAT32)) {
            NDArray xs = m.create(data.points(), new Shape(1, 200, 2)).toType(DataType.FLOAT32, false);
            NDArray ys = m.create(data.labels(), new Shape(1, 200)).toType(DataType.FLOAT32, false);
            for (int k = 0; k < 100; k++) {
                net.sgdStep(xs, ys, 0.5);
            }
            double clean = net.accuracy(xs, ys)[0];
            assertEquals(clean, net.robustAccuracy(xs, ys, 0.0, 5)[0], 1e-12);
            assertTrue(net.robustAccuracy(xs, ys, 0.2, 10)[0] <= clean);
            assertTrue(clean > 0.8, "clean accuracy after 100 full-batch steps " + clean);
        }
    }
}
