package org.reprobench.papers.ef21rarefeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    private static double[] randomSymmetric(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = rng.nextDouble() * 2 - 1;
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        return a;
    }

    @Test
    void twoByTwoClosedForm() {
        double a = 3;
        double b = -1.5;
        double c = 0.5;
        double expected = (a + c) / 2 + Math.sqrt((a - c) * (a - c) / 4 + b * b);
        assertEquals(expected, SymmetricEigen.largest(new double[] {a, b, b, c}, 2), 1e-14);
    }

    @Test
    void diagonalAndOneByOne() {
        assertEquals(7, SymmetricEigen.largest(new double[] {1, 0, 0, 0, 7, 0, 0, 0, -9}, 3), 1e-14);
        assertEquals(-2.5, SymmetricEigen.largest(new double[] {-2.5}, 1), 1e-15);
    }

    @Test
    void discreteLaplacianHasKnownSpectrum() {
        int n = 60;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 2;
            if (i + 1 < n) {
                a[i * n + i + 1] = -1;
                a[(i + 1) * n + i] = -1;
            }
        }
        // eigenvalues 2 - 2 cos(k pi / (n + 1)), k = 1..n; clustered at the top, a bad case for power iteration
        assertEquals(2 + 2 * Math.cos(Math.PI / (n + 1)), SymmetricEigen.largest(a, n), 1e-12);
    }

    @Test
    void denseMatrixAgreesWithJacobiAndRotationInvariance() {
        int n = 12;
        double[] a = randomSymmetric(n, 3);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, m[i], 0, n);
        }
        org.reprobench.api.SymmetricEigen eig = org.reprobench.api.SymmetricEigen.of(m);
        assertEquals(eig.values()[0], SymmetricEigen.largest(a, n), 1e-12);
        // A v = lambda v and V'V = I
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += m[i][j] * eig.vectors()[j][k];
                }
                assertEquals(eig.values()[k] * eig.vectors()[i][k], av, 1e-12);
            }
            for (int l = 0; l < n; l++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += eig.vectors()[i][k] * eig.vectors()[i][l];
                }
                assertEquals(k == l ? 1 : 0, dot, 1e-12);
            }
        }
        for (int k = 1; k < n; k++) {
            assertTrue(eig.values()[k] <= eig.values()[k - 1]);
        }
    }

    @Test
    void largeGramMatrixMatchesItsTopEigenvector() {
        int n = 150;
        double[] g = randomSymmetric(n, 11);
        double[] gram = new double[n * n]; // G'G is PSD with a clustered spectrum
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += g[k * n + i] * g[k * n + j];
                }
                gram[i * n + j] = s;
            }
        }
        double lambda = SymmetricEigen.largest(gram, n);
        // Rayleigh quotients never exceed lambda_max; 2000 power steps from a random start get close to it
        double[] v = new SplittableRandom(5).doubles(n).toArray();
        double v0 = Math.sqrt(java.util.Arrays.stream(v).map(x -> x * x).sum());
        for (int i = 0; i < n; i++) {
            v[i] /= v0;
        }
        double rq = 0;
        for (int it = 0; it < 2000; it++) {
            double[] w = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    w[i] += gram[i * n + j] * v[j];
                }
                norm += w[i] * w[i];
            }
            norm = Math.sqrt(norm);
            double num = 0;
            for (int i = 0; i < n; i++) {
                num += v[i] * w[i];
                v[i] = w[i] / norm;
            }
            rq = num;
            assertTrue(rq <= lambda * (1 + 1e-12));
        }
        assertEquals(lambda, rq, 1e-6 * lambda);
    }
}
