package org.reprobench.papers.ef21rarefeatures;

/**
 * A distributed least-squares problem f(x) = (1/n) sum_i f_i(x), f_i(x) = (1/m) ||A_i x - b_i||^2,
 * whose client i only sees the features it owns (A_i is zero outside its columns S_i).
 *
 * @param n        clients
 * @param m        samples per client
 * @param d        features
 * @param owns     owns[i][j]: client i owns feature j (column j of A_i may be non-zero)
 * @param a        A_i stacked client by client, row-major: a[(i*m + row)*d + j]
 * @param b        b_i stacked: b[i*m + row]
 * @param x0       the starting point of every method
 * @param label    how the problem was generated (for reports)
 */
record RareFeaturesProblem(int n, int m, int d, boolean[][] owns, double[] a, double[] b, double[] x0, String label) {

    RareFeaturesProblem {
        if (a.length != (long) n * m * d || b.length != n * m || x0.length != d || owns.length != n) {
            throw new IllegalArgumentException("inconsistent problem sizes");
        }
    }

    /** c: the largest number of clients owning one feature. */
    int c() {
        int c = 0;
        for (int j = 0; j < d; j++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                count += owns[i][j] ? 1 : 0;
            }
            c = Math.max(c, count);
        }
        return c;
    }

    /** r: the largest number of features owned by one client. */
    int r() {
        int r = 0;
        for (int i = 0; i < n; i++) {
            r = Math.max(r, featuresOf(i).length);
        }
        return r;
    }

    /** The sorted features S_i of client i. */
    int[] featuresOf(int i) {
        int count = 0;
        for (int j = 0; j < d; j++) {
            count += owns[i][j] ? 1 : 0;
        }
        int[] s = new int[count];
        for (int j = 0, k = 0; j < d; j++) {
            if (owns[i][j]) {
                s[k++] = j;
            }
        }
        return s;
    }

    /** f(x), in plain Java (used a few times per run, not in the round loop). */
    double objective(double[] x) {
        double total = 0;
        for (int row = 0; row < n * m; row++) {
            double res = -b[row];
            int base = row * d;
            for (int j = 0; j < d; j++) {
                res += a[base + j] * x[j];
            }
            total += res * res;
        }
        return total / (n * (double) m);
    }

    /** The gradient of f_i at x, in plain Java (reference for tests and set-up). */
    double[] clientGradient(int i, double[] x) {
        double[] g = new double[d];
        for (int row = i * m; row < (i + 1) * m; row++) {
            double res = -b[row];
            int base = row * d;
            for (int j = 0; j < d; j++) {
                res += a[base + j] * x[j];
            }
            for (int j = 0; j < d; j++) {
                g[j] += 2.0 / m * res * a[base + j];
            }
        }
        return g;
    }
}
