package org.reprobench.papers.sgldiff;

/** Small dense linear algebra on double[][] (d <= 64 here, so plain loops are enough). */
public final class Linear {
    private Linear() {
    }

    /** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations. */
    public static double[] symmetricEigenvalues(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] eig = new double[n];
        for (int i = 0; i < n; i++) {
            eig[i] = a[i][i];
        }
        java.util.Arrays.sort(eig);
        return eig;
    }

    /**
     * The Gelbrich lower bound on W2 between a law with mean shift `shift` and covariance sigma and
     * N(0, I): sqrt(|shift|^2 + ||sigma^{1/2} - I||_F^2). It is W2 itself when the law is Gaussian.
     */
    public static double gelbrichToStandardNormal(double[] shift, double[][] sigma) {
        double s = 0;
        for (double v : shift) {
            s += v * v;
        }
        for (double lambda : symmetricEigenvalues(sigma)) {
            double r = Math.sqrt(Math.max(lambda, 0)) - 1;
            s += r * r;
        }
        return Math.sqrt(s);
    }

    /** Frobenius norm. */
    public static double frobenius(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }
}
