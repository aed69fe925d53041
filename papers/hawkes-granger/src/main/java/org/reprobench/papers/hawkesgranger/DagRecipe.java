package org.reprobench.papers.hawkesgranger;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The official code's ground-truth recipe ({@code rand_DAG_generation.my_rand_DAG}), re-implemented:
 * <ol>
 *   <li>numpy seed (starting at 6789); A1 ~ U(0,1)^{d x d} with zero diagonal;</li>
 *   <li>projected gradient descent on the NOTEARS acyclicity h(A) = tr(e^A) - d with normalised
 *       steps of 0.5 (gradient (e^A)^T), at most 5000 steps, until h == 0 (an acyclic support;
 *       exactly zero then, because e^A of a DAG has unit diagonal in floating point too);</li>
 *   <li>A = round(5 A1) / 5 / 2 (multiples of 0.1), mu = round(5 * 0.3 U) / 5 / 2 (0 or 0.1);</li>
 *   <li>a draw where some type has mu_i + sum_j A_ij = 0 is rejected (next seed);</li>
 *   <li>two inhibitory entries are forced: with o the rows ordered by decreasing row sum,
 *       A[o0, o1] = -0.5 and A[o1, o2] = -0.3.</li>
 * </ol>
 * A failed or rejected draw moves to the next seed, as the official code does. The result is no
 * longer acyclic once the negative entries are forced (the example has the 2-cycle 2 &lt;-&gt; 3).
 * Small dense matrices, sequential steps: plain Java.
 */
public final class DagRecipe {
    public record Truth(double[] mu, double[][] a, long seedUsed) {
    }

    private DagRecipe() {
    }

    public static Truth generate(int d, long startSeed) {
        long seed = startSeed;
        while (true) {
            Mt19937 rng = new Mt19937(seed);
            double[][] a1 = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a1[i][j] = rng.nextDouble();
                }
                a1[i][i] = 0;
            }
            boolean acyclic = false;
            for (int it = 0; it < 5000 && !acyclic; it++) {
                double[][] grad = transpose(expm(a1));
                double norm = 0;
                for (double[] row : grad) {
                    for (double v : row) {
                        norm += v * v;
                    }
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        a1[i][j] = Math.max(0, a1[i][j] - 0.5 * grad[i][j] / norm);
                    }
                }
                acyclic = acyclicity(a1) == 0;
            }
            if (!acyclic) {
                seed++;
                continue;
            }
            double[][] a = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] = Math.rint(a1[i][j] * 5) / 5 / 2;
                }
            }
            double[] mu = new double[d];
            for (int i = 0; i < d; i++) {
                mu[i] = Math.rint(Math.abs(rng.nextDouble()) * 0.3 * 5) / 5 / 2;
            }
            boolean emptyType = false;
            double[] rowSums = new double[d];
            for (int i = 0; i < d; i++) {
                rowSums[i] = NumpySum.of(a[i]);
                emptyType |= mu[i] + rowSums[i] == 0;
            }
            if (emptyType) {
                seed++;
                continue;
            }
            Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(i -> -rowSums[i])); // stable, as numpy's small-array argsort
            a[order[0]][order[1]] = -0.5;
            a[order[1]][order[2]] = -0.3;
            return new Truth(mu, a, seed);
        }
    }

    /** h(A) = tr(e^A) - d. */
    static double acyclicity(double[][] a) {
        double[][] e = expm(a);
        double tr = 0;
        for (int i = 0; i < a.length; i++) {
            tr += e[i][i];
        }
        return tr - a.length;
    }

    /**
     * Matrix exponential by scaling and squaring with a Taylor polynomial; accurate to rounding
     * for the small non-negative matrices of the recipe.
     */
    static double[][] expm(double[][] a) {
        int d = a.length;
        double norm1 = 0;
        for (int j = 0; j < d; j++) {
            double col = 0;
            for (int i = 0; i < d; i++) {
                col += Math.abs(a[i][j]);
            }
            norm1 = Math.max(norm1, col);
        }
        int squarings = norm1 > 0.5 ? (int) Math.ceil(Math.log(norm1 / 0.5) / Math.log(2)) : 0;
        double scale = Math.pow(2, -squarings);
        double[][] x = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = a[i][j] * scale;
            }
        }
        double[][] result = identity(d);
        double[][] term = identity(d);
        for (int k = 1; k <= 20; k++) {
            term = multiply(term, x);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    term[i][j] /= k;
                    result[i][j] += term[i][j];
                }
            }
        }
        for (int s = 0; s < squarings; s++) {
            result = multiply(result, result);
        }
        return result;
    }

    static double[][] multiply(double[][] p, double[][] q) {
        int d = p.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double v = p[i][k];
                if (v == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    out[i][j] += v * q[k][j];
                }
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        int d = a.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    static double[][] identity(int d) {
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            out[i][i] = 1;
        }
        return out;
    }

    /** numpy's pairwise summation of a contiguous row, so that ties in row sums break as numpy's do. */
    static final class NumpySum {
        private NumpySum() {
        }

        static double of(double[] x) {
            return pairwise(x, 0, x.length);
        }

        private static double pairwise(double[] x, int from, int n) {
            if (n < 8) {
                double res = 0.;
                for (int i = 0; i < n; i++) {
                    res += x[from + i];
                }
                return res;
            }
            if (n <= 128) {
                double[] r = new double[8];
                for (int j = 0; j < 8; j++) {
                    r[j] = x[from + j];
                }
                int i;
                for (i = 8; i < n - (n % 8); i += 8) {
                    for (int j = 0; j < 8; j++) {
                        r[j] += x[from + i + j];
                    }
                }
                double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                for (; i < n; i++) {
                    res += x[from + i];
                }
                return res;
            }
            int n2 = (n / 2) - ((n / 2) % 8);
            return pairwise(x, from, n2) + pairwise(x, from + n2, n - n2);
        }
    }
}
