package org.reprobench.papers.ef21rarefeatures;

import java.util.Locale;
import java.util.SplittableRandom;
import org.reprobench.datasets.SeededSampler;

/**
 * The synthetic "rare features" least-squares instances of the official code
 * ({@code data_preprocess/artificial_dataset_rotated.py}, options
 * {@code mu:1.0,l:20,samples_per_client:12,b_perurbation:2.0,l_plus_min_selector:0.1}),
 * re-implemented from its description: same rules, our own random streams (numpy's cannot be
 * replayed from Java, so instances match in distribution, not bit for bit).
 *
 * <ul>
 *   <li>c = ceil(n * c/n); every feature is given to exactly c clients drawn by a fresh shuffle,
 *       redrawn (at most 5 times) while some client owns no feature;</li>
 *   <li>client i draws A0 ~ U[0,1)^{m x |S_i|}, keeps the singular vectors of A0 and replaces
 *       its singular values by s_t = 0.9 sqrt((L - mu) t / (|S_i| - 1) + mu) + 0.1 * (10 if i = 0
 *       else 0), t = 0..min(m, |S_i|) - 1 (s_0 = sqrt(L) when min(m, |S_i|) = 1);</li>
 *   <li>b_i = A_i x* + 2 U(-1, 1)^m with x* = 0.5 * 1, then A_i and b_i are both scaled by
 *       sqrt(m / 2), so that f_i = (1/m)||A_i x - b_i||^2 has Hessian A_i'A_i (unscaled);</li>
 *   <li>x0 ~ U(-1/sqrt(d), 1/sqrt(d)), PyTorch's default init of Linear(d, 1), from its own stream
 *       (the official runs use a separate init seed too), so it does not depend on c/n.</li>
 * </ul>
 */
final class SyntheticGenerator {
    static final double L_TARGET = 20.0;
    static final double MU = 1.0;
    static final double BLEND = 0.1;
    static final double HIGH_L_CLIENT_VALUE = 10.0;
    static final double NOISE = 2.0;
    static final double X_STAR = 0.5;
    private static final int PATTERN_ATTEMPTS = 5;

    private SyntheticGenerator() {
    }

    static RareFeaturesProblem generate(int n, int d, int m, double cDivN, long seed) {
        int c = (int) Math.ceil(n * cDivN - 1e-12);
        if (c < 1 || c > n) {
            throw new IllegalArgumentException("c/n = " + cDivN + " gives c = " + c + " for n = " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[][] owns = ownershipPattern(n, d, c, rng);
        double[] a = new double[n * m * d];
        double[] b = new double[n * m];
        double scale = Math.sqrt(m / 2.0);
        for (int i = 0; i < n; i++) {
            int[] features = featuresOf(owns[i]);
            double[][] ai = clientMatrix(m, features.length, i == 0, rng);
            for (int row = 0; row < m; row++) {
                double bi = 0;
                for (int k = 0; k < features.length; k++) {
                    a[(i * m + row) * d + features[k]] = scale * ai[row][k];
                    bi += ai[row][k] * X_STAR;
                }
                bi += NOISE * (2 * rng.nextDouble() - 1);
                b[i * m + row] = scale * bi;
            }
        }
        SplittableRandom init = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] x0 = new double[d];
        double bound = 1 / Math.sqrt(d);
        for (int j = 0; j < d; j++) {
            x0[j] = bound * (2 * init.nextDouble() - 1);
        }
        String label = String.format(Locale.ROOT, "synthetic rare-features least squares n=%d d=%d m=%d c/n=%s seed=%d",
                n, d, m, cDivN, seed);
        return new RareFeaturesProblem(n, m, d, owns, a, b, x0, label);
    }

    /** Exactly c owners per feature; redrawn while some client owns nothing. */
    static boolean[][] ownershipPattern(int n, int d, int c, SplittableRandom rng) {
        for (int attempt = 0; attempt < PATTERN_ATTEMPTS; attempt++) {
            boolean[][] owns = new boolean[n][d];
            for (int j = 0; j < d; j++) {
                int[] clients = SeededSampler.permute(n, rng);
                for (int k = 0; k < c; k++) {
                    owns[clients[k]][j] = true;
                }
            }
            boolean everyoneOwns = true;
            for (int i = 0; i < n && everyoneOwns; i++) {
                everyoneOwns = featuresOf(owns[i]).length > 0;
            }
            if (everyoneOwns) {
                return owns;
            }
        }
        throw new IllegalStateException("after " + PATTERN_ATTEMPTS + " draws some client still owns no feature (n=" + n
                + ", d=" + d + ", c=" + c + "); the official generator fails the same way");
    }

    /** The target singular values s_t of a client with `size` features. */
    static double[] singularValues(int m, int size, boolean highLClient) {
        int p = Math.min(m, size);
        double[] s = new double[p];
        if (p == 1) {
            s[0] = Math.sqrt(L_TARGET);
            return s;
        }
        for (int t = 0; t < p; t++) {
            double base = Math.sqrt((L_TARGET - MU) * t / (size - 1) + MU);
            s[t] = base * (1 - BLEND) + (highLClient ? HIGH_L_CLIENT_VALUE : 0) * BLEND;
        }
        return s;
    }

    /** U diag(s) V' where U, V are the singular vectors of a U[0,1) matrix, paired largest-first as an SVD returns them. */
    private static double[][] clientMatrix(int m, int size, boolean highLClient, SplittableRandom rng) {
        double[][] a0 = new double[m][size];
        for (int row = 0; row < m; row++) {
            for (int k = 0; k < size; k++) {
                a0[row][k] = rng.nextDouble();
            }
        }
        double[] s = singularValues(m, size, highLClient);
        double[][][] uv = thinSvdVectors(a0);
        double[][] u = uv[0];
        double[][] v = uv[1];
        double[][] out = new double[m][size];
        for (int t = 0; t < s.length; t++) {
            for (int row = 0; row < m; row++) {
                for (int k = 0; k < size; k++) {
                    out[row][k] += s[t] * u[t][row] * v[t][k];
                }
            }
        }
        return out;
    }

    /**
     * The first min(m, k) left and right singular vectors of a (m x k), by Jacobi on the smaller
     * Gram matrix; the other side is recovered as A v / sigma (or A'u / sigma) and re-orthonormalised.
     * Returns {u[t][row], v[t][col]}.
     */
    static double[][][] thinSvdVectors(double[][] a) {
        int m = a.length;
        int k = a[0].length;
        int p = Math.min(m, k);
        boolean wide = m <= k;
        int g = wide ? m : k;
        double[][] gram = new double[g][g];
        for (int x = 0; x < g; x++) {
            for (int y = 0; y < g; y++) {
                double sum = 0;
                if (wide) {
                    for (int j = 0; j < k; j++) {
                        sum += a[x][j] * a[y][j];
                    }
                } else {
                    for (int j = 0; j < m; j++) {
                        sum += a[j][x] * a[j][y];
                    }
                }
                gram[x][y] = sum;
            }
        }
        org.reprobench.api.SymmetricEigen eig = org.reprobench.api.SymmetricEigen.of(gram);
        double[][] small = new double[p][g];
        double[][] other = new double[p][wide ? k : m];
        for (int t = 0; t < p; t++) {
            for (int x = 0; x < g; x++) {
                small[t][x] = eig.vectors()[x][t];
            }
            for (int y = 0; y < other[t].length; y++) {
                double sum = 0;
                for (int x = 0; x < g; x++) {
                    sum += (wide ? a[x][y] : a[y][x]) * small[t][x];
                }
                other[t][y] = sum;
            }
        }
        orthonormalize(other);
        return wide ? new double[][][] {small, other} : new double[][][] {other, small};
    }

    /** Modified Gram-Schmidt on the rows, in order. */
    private static void orthonormalize(double[][] rows) {
        for (int t = 0; t < rows.length; t++) {
            for (int q = 0; q < t; q++) {
                double dot = 0;
                for (int y = 0; y < rows[t].length; y++) {
                    dot += rows[t][y] * rows[q][y];
                }
                for (int y = 0; y < rows[t].length; y++) {
                    rows[t][y] -= dot * rows[q][y];
                }
            }
            double norm = 0;
            for (double x : rows[t]) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 1e-8)) {
                throw new IllegalStateException("singular vectors are degenerate (rank-deficient draw)");
            }
            for (int y = 0; y < rows[t].length; y++) {
                rows[t][y] /= norm;
            }
        }
    }

    static int[] featuresOf(boolean[] owned) {
        int count = 0;
        for (boolean o : owned) {
            count += o ? 1 : 0;
        }
        int[] s = new int[count];
        for (int j = 0, k = 0; j < owned.length; j++) {
            if (owned[j]) {
                s[k++] = j;
            }
        }
        return s;
    }
}
