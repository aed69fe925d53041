package org.reprobench.papers.adversarialsde;

/** The Thomas algorithm for a tridiagonal system: a scalar forward-backward recursion on plain doubles. */
final class Tridiagonal {
    private Tridiagonal() {
    }

    /**
     * Solves sub[i] u[i-1] + diag[i] u[i] + sup[i] u[i+1] = rhs[i] (sub[0] and sup[n-1] unused),
     * without pivoting: the systems here are diagonally dominant.
     */
    static double[] solve(double[] sub, double[] diag, double[] sup, double[] rhs) {
        int n = diag.length;
        double[] c = new double[n];
        double[] d = new double[n];
        c[0] = sup[0] / diag[0];
        d[0] = rhs[0] / diag[0];
        for (int i = 1; i < n; i++) {
            double denom = diag[i] - sub[i] * c[i - 1];
            c[i] = i < n - 1 ? sup[i] / denom : 0;
            d[i] = (rhs[i] - sub[i] * d[i - 1]) / denom;
        }
        double[] u = new double[n];
        u[n - 1] = d[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            u[i] = d[i] - c[i] * u[i + 1];
        }
        return u;
    }
}
