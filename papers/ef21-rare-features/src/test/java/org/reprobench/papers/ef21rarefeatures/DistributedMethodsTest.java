package org.reprobench.papers.ef21rarefeatures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DistributedMethodsTest {
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void clientGradientsMatchPlainJavaAndFiniteDifferences() {
        RareFeaturesProblem p = SyntheticGenerator.generate(5, 15, 12, 0.4, 6);
        try (ClientBatch batch = ClientBatch.of(List.of(p), manager)) {
            double[] x = p.x0();
            double[] g = batch.clientGradients(manager.create(x, new Shape(1, p.d()))).toDoubleArray();
            double[] mean = new double[p.d()];
            for (int i = 0; i < p.n(); i++) {
                double[] ref = p.clientGradient(i, x);
                for (int j = 0; j < p.d(); j++) {
                    assertEquals(ref[j], g[i * p.d() + j], 1e-10);
                    mean[j] += ref[j] / p.n();
                }
            }
            double h = 1e-5;
            for (int j = 0; j < p.d(); j++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[j] += h;
                down[j] -= h;
                double fd = (p.objective(up) - p.objective(down)) / (2 * h);
                assertEquals(fd, mean[j], 1e-6 * Math.max(1, Math.abs(fd)));
            }
        }
    }

    @Test
    void top1KeepsTheLargestMagnitudeAndTheLowestIndexOnTies() {
        NDArray rows = manager.create(new double[] {3, -3, 1, 0, 0, 0, 1, -5, 5, 0.5, 2, -7}, new Shape(4, 3));
        assertArrayEquals(new double[] {3, 0, 0, 0, 0, 0, 0, -5, 0, 0, 0, -7}, DistributedMethods.top1(rows).toDoubleArray(), 0.0);
    }

    @Test
    void top1ContractsSparseVectorsByOneOverSupport() {
        // ||Top1(v) - v||^2 <= (1 - 1/|supp v|) ||v||^2: why r (not d) can enter the EF21 constants
        SplittableRandom rng = new SplittableRandom(2);
        int d = 30;
        for (int trial = 0; trial < 200; trial++) {
            int support = 1 + rng.nextInt(8);
            double[] v = new double[d];
            for (int k = 0; k < support; k++) {
                v[rng.nextInt(d)] = rng.nextDouble() * 2 - 1;
            }
            int nonZero = 0;
            double vv = 0;
            for (double x : v) {
                nonZero += x != 0 ? 1 : 0;
                vv += x * x;
            }
            double[] top = DistributedMethods.top1(manager.create(v, new Shape(1, d))).toDoubleArray();
            double err = 0;
            for (int j = 0; j < d; j++) {
                err += (top[j] - v[j]) * (top[j] - v[j]);
            }
            assertTrue(err <= (1 - 1.0 / Math.max(nonZero, 1)) * vv + 1e-15);
        }
    }

    /** EF21-Top1 in plain Java, one problem, for comparison with the batched DJL run. */
    private static double[] referenceEf21(RareFeaturesProblem p, double gamma, int rounds) {
        double[] x = p.x0().clone();
        double[][] shifts = new double[p.n()][p.d()];
        double[] norms = new double[rounds + 1];
        for (int t = 0; t <= rounds; t++) {
            double[] full = new double[p.d()];
            double[][] grads = new double[p.n()][];
            for (int i = 0; i < p.n(); i++) {
                grads[i] = p.clientGradient(i, x);
                for (int j = 0; j < p.d(); j++) {
                    full[j] += grads[i][j] / p.n();
                }
            }
            for (double v : full) {
                norms[t] += v * v;
            }
            if (t == rounds) {
                break;
            }
            double[] mean = new double[p.d()];
            for (int i = 0; i < p.n(); i++) {
                int best = 0;
                for (int j = 1; j < p.d(); j++) {
                    if (Math.abs(grads[i][j] - shifts[i][j]) > Math.abs(grads[i][best] - shifts[i][best])) {
                        best = j;
                    }
                }
                shifts[i][best] = grads[i][best];
                for (int j = 0; j < p.d(); j++) {
                    mean[j] += shifts[i][j] / p.n();
                }
            }
            for (int j = 0; j < p.d(); j++) {
                x[j] -= gamma * mean[j];
            }
        }
        return norms;
    }

    @Test
    void batchedEf21MatchesPlainJavaForEveryProblemOfTheBatch() {
        RareFeaturesProblem a = SyntheticGenerator.generate(4, 10, 12, 0.5, 1);
        RareFeaturesProblem b = SyntheticGenerator.generate(4, 10, 12, 0.25, 2);
        List<RareFeaturesProblem> problems = List.of(a, b, a);
        double[] gammas = {0.01, 0.02, 0.005};
        int rounds = 40;
        try (ClientBatch batch = ClientBatch.of(problems, manager)) {
            DistributedMethods.Run run = DistributedMethods.ef21Top1(batch, ClientBatch.startingPoints(problems),
                    DistributedMethods.StepRule.fixed(gammas), rounds, manager, t -> { });
            for (int k = 0; k < problems.size(); k++) {
                assertArrayEquals(referenceEf21(problems.get(k), gammas[k], rounds), run.gradNormSq()[k], 1e-9);
            }
            // G^0 = (1/n) sum_i ||Top1(grad f_i(x0)) - grad f_i(x0)||^2
            double g0 = 0;
            for (int i = 0; i < a.n(); i++) {
                double[] g = a.clientGradient(i, a.x0());
                double max = 0;
                double sq = 0;
                for (double v : g) {
                    max = Math.max(max, v * v);
                    sq += v * v;
                }
                g0 += (sq - max) / a.n();
            }
            assertEquals(g0, run.initialShiftError()[0], 1e-9);
        }
    }

    @Test
    void gradientDescentMatchesPlainJava() {
        RareFeaturesProblem p = SyntheticGenerator.generate(4, 10, 12, 0.5, 3);
        double gamma = 0.05;
        try (ClientBatch batch = ClientBatch.of(List.of(p), manager)) {
            DistributedMethods.Run run = DistributedMethods.gradientDescent(batch, p.x0(), new double[] {gamma}, 10, manager, t -> { });
            double[] x = p.x0().clone();
            for (int t = 0; t <= 10; t++) {
                double[] full = new double[p.d()];
                for (int i = 0; i < p.n(); i++) {
                    double[] g = p.clientGradient(i, x);
                    for (int j = 0; j < p.d(); j++) {
                        full[j] += g[j] / p.n();
                    }
                }
                double sq = 0;
                for (int j = 0; j < p.d(); j++) {
                    sq += full[j] * full[j];
                    x[j] -= gamma * full[j];
                }
                assertEquals(sq, run.gradNormSq()[0][t], 1e-9 * Math.max(1, sq));
            }
        }
    }

    @Test
    void logisticGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 3;
        int m = 5;
        int d = 4;
        double[] a = rng.doubles(n * m * d, -1, 1).toArray();
        double[] y = new double[n * m];
        for (int k = 0; k < y.length; k++) {
            y[k] = rng.nextBoolean() ? 1 : 0;
        }
        double[] x = rng.doubles(d, -1, 1).toArray();
        try (ClientBatch batch = new ClientBatch(a, y, 1, n, m, d, ClientBatch.Loss.LOGISTIC, manager)) {
            double[] g = batch.clientMean(batch.clientGradients(manager.create(x, new Shape(1, d)))).toDoubleArray();
            double h = 1e-6;
            for (int j = 0; j < d; j++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[j] += h;
                down[j] -= h;
                assertEquals((bce(a, y, up, d) - bce(a, y, down, d)) / (2 * h), g[j], 1e-7);
            }
        }
    }

    /** Mean binary cross-entropy of sigmoid(a.x) (all clients have m rows, so the mean of f_i is the mean over rows). */
    private static double bce(double[] a, double[] y, double[] x, int d) {
        double total = 0;
        for (int row = 0; row < y.length; row++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                z += a[row * d + j] * x[j];
            }
            double p = 1 / (1 + Math.exp(-z));
            total -= y[row] * Math.log(p) + (1 - y[row]) * Math.log(1 - p);
        }
        return total / y.length;
    }
}
