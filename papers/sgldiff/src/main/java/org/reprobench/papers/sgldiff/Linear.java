package org.reprobench.papers.sgldiff;

/** Small dense linear algebra on double[][] (d <= 64 here, so plain loops are enough). */
public final class Linear {
    private Linear() {
    }

    /** Eigenvalues of a symmetric matrix, ascending. */
    public static double[] symmetricEigenvalues(double[][] matrix) {
        double[] descending = org.reprobench.api.SymmetricEigen.of(matrix).values();
        double[] eig = new double[descending.length];
        for (int i = 0; i < eig.length; i++) {
            eig[i] = descending[eig.length - 1 - i];
        }
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
