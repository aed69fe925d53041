package org.reprobench.papers.deepneuralcollapse;

import org.reprobench.api.SymmetricEigen;
/**
 * Small dense helpers on {@code double[rows][cols]} for the collapse metrics, which run on a few
 * d x K and K x K matrices at checkpoints only (DJL has no eigen-solver, and a JNI call per tiny
 * product would be pure overhead).
 */
final class Matrices {
    private Matrices() {
    }

    static double squaredNorm(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int k = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double v = a[i][p];
                if (v == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    c[i][j] += v * b[p][j];
                }
            }
        }
        return c;
    }

    /** The d x K matrix of class means of features d x N whose columns are grouped by class (n each). */
    static double[][] classMeans(double[][] h, int classes) {
        int d = h.length;
        int n = h[0].length / classes;
        double[][] m = new double[d][classes];
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < classes; c++) {
                double s = 0;
                for (int j = c * n; j < (c + 1) * n; j++) {
                    s += h[i][j];
                }
                m[i][c] = s / n;
            }
        }
        return m;
    }

    /** Column j as a vector. */
    static double[] column(double[][] a, int j) {
        double[] v = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            v[i] = a[i][j];
        }
        return v;
    }

    /** Singular values of a, largest first, from the eigenvalues of the smaller Gram matrix. */
    static double[] singularValues(double[][] a) {
        double[][] at = transpose(a);
        double[][] gram = a.length <= at.length ? multiply(a, at) : multiply(at, a);
        double[] ev = SymmetricEigen.of(gram).values();
        double[] s = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            s[i] = Math.sqrt(Math.max(0, ev[i]));
        }
        return s;
    }
}
