package org.reprobench.papers.ef21rarefeatures;

/**
 * Eigenvalues of small and medium dense symmetric matrices in plain Java.
 *
 * <p>Why not DJL: the DJL NDArray API has no eigen or SVD routine ({@code norm(2, axes)} is the
 * Frobenius norm there), and these are one-off set-up computations whose inner loops are scalar
 * by nature. The matrices themselves (d x d Gram matrices) are formed with DJL matmuls.
 */
final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /**
     * The largest eigenvalue of the symmetric {@code size x size} matrix {@code a} (row-major,
     * not modified): Householder reduction to tridiagonal form, then Sturm-sequence bisection,
     * which does not depend on an eigengap (power iteration would, and the Gram matrices here
     * have clustered spectra).
     */
    static double largest(double[] a, int size) {
        if (a.length != size * size) {
            throw new IllegalArgumentException("matrix has " + a.length + " entries, expected " + size * size);
        }
        double[] diag = new double[size];
        double[] off = new double[Math.max(size - 1, 0)];
        tridiagonalize(a.clone(), size, diag, off);
        return largestTridiagonal(diag, off);
    }

    /** Reduces a (overwritten) to tridiagonal form with Householder reflections; returns diagonal and off-diagonal. */
    private static void tridiagonalize(double[] a, int n, double[] diag, double[] off) {
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                norm2 += a[i * n + k] * a[i * n + k];
            }
            double x0 = a[(k + 1) * n + k];
            if (norm2 - x0 * x0 <= 0) {
                continue; // already tridiagonal in this column
            }
            double alpha = x0 > 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
            double vv = 0;
            for (int i = k + 1; i < n; i++) {
                v[i] = a[i * n + k];
            }
            v[k + 1] -= alpha;
            for (int i = k + 1; i < n; i++) {
                vv += v[i] * v[i];
            }
            double beta = 2 / vv;
            // p = beta * A v on the trailing block, then q = p - (beta/2)(v.p) v, A -= v q' + q v'.
            double vp = 0;
            for (int i = k + 1; i < n; i++) {
                double s = 0;
                int row = i * n;
                for (int j = k + 1; j < n; j++) {
                    s += a[row + j] * v[j];
                }
                p[i] = beta * s;
                vp += v[i] * p[i];
            }
            double kk = beta * vp / 2;
            for (int i = k + 1; i < n; i++) {
                p[i] -= kk * v[i];
            }
            for (int i = k + 1; i < n; i++) {
                int row = i * n;
                for (int j = k + 1; j < n; j++) {
                    a[row + j] -= v[i] * p[j] + p[i] * v[j];
                }
            }
            a[(k + 1) * n + k] = alpha;
            a[k * n + k + 1] = alpha;
            for (int i = k + 2; i < n; i++) {
                a[i * n + k] = 0;
                a[k * n + i] = 0;
            }
        }
        for (int i = 0; i < n; i++) {
            diag[i] = a[i * n + i];
            if (i + 1 < n) {
                off[i] = a[(i + 1) * n + i];
            }
        }
    }

    /** Largest eigenvalue of the symmetric tridiagonal matrix (diag, off) by bisection on the Sturm count. */
    static double largestTridiagonal(double[] diag, double[] off) {
        int n = diag.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) { // Gershgorin discs
            double r = (i > 0 ? Math.abs(off[i - 1]) : 0) + (i < n - 1 ? Math.abs(off[i]) : 0);
            lo = Math.min(lo, diag[i] - r);
            hi = Math.max(hi, diag[i] + r);
        }
        double scale = Math.max(Math.abs(lo), Math.abs(hi));
        if (scale == 0) {
            return 0;
        }
        for (int it = 0; it < 200 && hi - lo > 4 * Math.ulp(scale); it++) {
            double mid = 0.5 * (lo + hi);
            if (countBelow(diag, off, mid) < n) {
                lo = mid; // some eigenvalue is >= mid
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Number of eigenvalues strictly below x (Sturm sequence of the LDL' pivots). */
    private static int countBelow(double[] diag, double[] off, double x) {
        int count = 0;
        double q = 1;
        for (int i = 0; i < diag.length; i++) {
            double e2 = i > 0 ? off[i - 1] * off[i - 1] : 0;
            q = diag[i] - x - (i > 0 ? e2 / q : 0);
            if (q == 0) {
                q = -1e-300; // perturb an exact zero pivot
            }
            if (q < 0) {
                count++;
            }
        }
        return count;
    }
}
