package org.reprobench.papers.quantumtunnelingwalk;

import java.util.Random;

/**
 * The lowest eigenpairs of a real symmetric tridiagonal matrix: eigenvalues by Sturm-sequence
 * bisection, eigenvectors by inverse iteration (pivoted tridiagonal solves) with re-orthogonalisation.
 * Only the low end of the spectrum carries the walk's weight, so this costs O(K n) instead of the
 * O(n^3) of a full dense solver (commons-math needs seconds for n = 512, minutes for n = 1025).
 * A scalar recurrence by nature, hence plain Java.
 */
public final class TridiagonalEigen {

    /** Eigenvalues ascending and unit eigenvectors, vectors[j] for values[j]. */
    public record Pairs(double[] values, double[][] vectors) {
        public int count() {
            return values.length;
        }
    }

    private TridiagonalEigen() {
    }

    /** Number of eigenvalues strictly below x (Sturm count). */
    static int countBelow(double[] diag, double[] off, double x) {
        int count = 0;
        double q = 1;
        for (int i = 0; i < diag.length; i++) {
            double e2 = i == 0 ? 0 : off[i - 1] * off[i - 1];
            q = diag[i] - x - (i == 0 ? 0 : e2 / q);
            if (q == 0) {
                q = -1e-300;
            }
            if (q < 0) {
                count++;
            }
        }
        return count;
    }

    /** The k lowest eigenpairs. */
    public static Pairs lowest(double[] diag, double[] off, int k) {
        int n = diag.length;
        k = Math.min(k, n);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double r = (i > 0 ? Math.abs(off[i - 1]) : 0) + (i < n - 1 ? Math.abs(off[i]) : 0);
            lo = Math.min(lo, diag[i] - r);
            hi = Math.max(hi, diag[i] + r);
        }
        double[] values = new double[k];
        for (int j = 0; j < k; j++) {
            double a = lo;
            double b = hi;
            // bisection to machine precision: count(a) <= j < count(b)
            for (int it = 0; it < 200 && b - a > 2 * Math.ulp(Math.max(Math.abs(a), Math.abs(b))); it++) {
                double mid = 0.5 * (a + b);
                if (countBelow(diag, off, mid) > j) {
                    b = mid;
                } else {
                    a = mid;
                }
            }
            values[j] = 0.5 * (a + b);
        }
        double[][] vectors = new double[k][];
        Random random = new Random(12345);
        double scale = Math.max(Math.abs(lo), Math.abs(hi));
        for (int j = 0; j < k; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextDouble() - 0.5;
            }
            double shift = values[j] + 1e-13 * scale;
            for (int it = 0; it < 3; it++) {
                v = solveShifted(diag, off, shift, v);
                // keep clustered vectors orthogonal (inverse iteration alone does not)
                for (int p = 0; p < j; p++) {
                    if (Math.abs(values[p] - values[j]) < 1e-3 * scale) {
                        double dot = dot(vectors[p], v);
                        for (int i = 0; i < n; i++) {
                            v[i] -= dot * vectors[p][i];
                        }
                    }
                }
                normalise(v);
            }
            // fix the sign: largest component positive, so results do not depend on the start vector
            int arg = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v[i]) > Math.abs(v[arg])) {
                    arg = i;
                }
            }
            if (v[arg] < 0) {
                for (int i = 0; i < n; i++) {
                    v[i] = -v[i];
                }
            }
            vectors[j] = v;
        }
        return new Pairs(values, vectors);
    }

    /** Solves (T - shift I) x = rhs by Gaussian elimination with partial pivoting (LINPACK dgtsl). */
    static double[] solveShifted(double[] diag, double[] off, double shift, double[] rhs) {
        int n = diag.length;
        double[] c = new double[n];  // sub-diagonal
        double[] d = new double[n];  // diagonal
        double[] e = new double[n];  // super-diagonal
        double[] f = new double[n];  // second super-diagonal after pivoting
        double[] x = rhs.clone();
        for (int i = 0; i < n; i++) {
            d[i] = diag[i] - shift;
            if (i < n - 1) {
                e[i] = off[i];
                c[i + 1] = off[i];
            }
        }
        for (int i = 0; i < n - 1; i++) {
            if (Math.abs(c[i + 1]) > Math.abs(d[i])) { // swap rows i and i+1
                double t = d[i]; d[i] = c[i + 1]; c[i + 1] = t;
                t = e[i]; e[i] = d[i + 1]; d[i + 1] = t;
                t = f[i]; f[i] = e[i + 1]; e[i + 1] = t;
                t = x[i]; x[i] = x[i + 1]; x[i + 1] = t;
            }
            if (d[i] == 0) {
                d[i] = 1e-300;
            }
            double m = c[i + 1] / d[i];
            d[i + 1] -= m * e[i];
            e[i + 1] -= m * f[i];
            x[i + 1] -= m * x[i];
        }
        if (d[n - 1] == 0) {
            d[n - 1] = 1e-300;
        }
        x[n - 1] /= d[n - 1];
        if (n > 1) {
            x[n - 2] = (x[n - 2] - e[n - 2] * x[n - 1]) / d[n - 2];
        }
        for (int i = n - 3; i >= 0; i--) {
            x[i] = (x[i] - e[i] * x[i + 1] - f[i] * x[i + 2]) / d[i];
        }
        return x;
    }

    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    static void normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }
}
