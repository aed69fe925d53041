package org.reprobench.datasets.audio;

/**
 * Delta features as {@code librosa.feature.delta(data, width, order)}: a Savitzky-Golay filter of
 * polynomial order {@code order} taking the {@code order}-th derivative along time, with
 * {@code mode='interp'}: near the edges the polynomial fitted to the first (last) {@code width}
 * frames is differentiated at the frame's own position.
 */
public final class Deltas {
    private Deltas() {
    }

    /** [row][frame] -> same shape; needs at least {@code width} frames (width odd, >= 3). */
    public static double[][] delta(double[][] x, int width, int order) {
        if (width < 3 || width % 2 == 0) {
            throw new IllegalArgumentException("width must be odd and >= 3, got " + width);
        }
        int frames = x.length == 0 ? 0 : x[0].length;
        if (frames < width) {
            throw new IllegalArgumentException("delta needs at least " + width + " frames, got " + frames + " (pad first)");
        }
        int h = width / 2;
        double[][] coef = new double[width][]; // coef[z + h] = filter evaluated at offset z from the window centre
        for (int z = -h; z <= h; z++) {
            coef[z + h] = savgolCoefficients(h, order, order, z);
        }
        double[][] y = new double[x.length][frames];
        for (int r = 0; r < x.length; r++) {
            for (int t = 0; t < frames; t++) {
                int centre;
                int z;
                if (t < h) {
                    centre = h;
                    z = t - h;
                } else if (t > frames - 1 - h) {
                    centre = frames - 1 - h;
                    z = t - centre;
                } else {
                    centre = t;
                    z = 0;
                }
                double[] c = coef[z + h];
                double acc = 0;
                for (int j = -h; j <= h; j++) {
                    acc += c[j + h] * x[r][centre + j];
                }
                y[r][t] = acc;
            }
        }
        return y;
    }

    /**
     * Weights w_j (j = -h..h) such that sum_j w_j x_j is the {@code deriv}-th derivative, at offset z,
     * of the least-squares polynomial of degree {@code poly} through the points (j, x_j).
     */
    static double[] savgolCoefficients(int h, int poly, int deriv, int z) {
        int n = 2 * h + 1;
        int p = poly + 1;
        double[][] ata = new double[p][p];
        for (int j = -h; j <= h; j++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    ata[a][b] += Math.pow(j, a + b);
                }
            }
        }
        double[][] inv = invert(ata);
        // derivative operator at z applied to the monomials: d^deriv/dz^deriv z^q = q!/(q-deriv)! z^(q-deriv)
        double[] dz = new double[p];
        for (int q = deriv; q < p; q++) {
            dz[q] = fallingFactorial(q, deriv) * Math.pow(z, q - deriv);
        }
        double[] w = new double[n];
        for (int j = -h; j <= h; j++) {
            double acc = 0;
            for (int a = 0; a < p; a++) {
                double ga = 0; // row a of (A^T A)^-1 A^T at column j
                for (int b = 0; b < p; b++) {
                    ga += inv[a][b] * Math.pow(j, b);
                }
                acc += dz[a] * ga;
            }
            w[j + h] = acc;
        }
        return w;
    }

    private static double fallingFactorial(int q, int d) {
        double f = 1;
        for (int i = 0; i < d; i++) {
            f *= q - i;
        }
        return f;
    }

    /** Gauss-Jordan inverse of a small symmetric positive definite matrix. */
    static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            double d = a[col][col];
            for (int k = 0; k < 2 * n; k++) {
                a[col][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col];
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
