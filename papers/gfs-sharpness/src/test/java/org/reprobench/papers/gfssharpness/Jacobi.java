package org.reprobench.papers.gfssharpness;

/** Test reference: the largest eigenvalue of a (symmetrised) small matrix, by the harness's Jacobi decomposition. */
final class Jacobi {
    private Jacobi() {
    }

    static double largestEigenvalue(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.5 * (matrix[i][j] + matrix[j][i]);
            }
        }
        return org.reprobench.api.SymmetricEigen.of(a).values()[0];
    }
}
