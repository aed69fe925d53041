package org.reprobench.papers.deepneuralcollapse;

/**
 * A plain-Java forward pass and objective of a bias-free ReLU stack, written independently of
 * {@link ReluStackGd} for the gradient and closed-form tests.
 */
final class ReferenceDufm {
    private ReferenceDufm() {
    }

    /**
     * @param input     d_0 x N
     * @param weights   W_l, d_{l+1} x d_l
     * @param relu      ReLU after W_l
     * @param lambdaW   per layer
     * @param penalised index of the penalised activation (-1: none)
     * @param lambdaA   its lambda
     * @param y         K x N targets
     */
    static double objective(double[][] input, double[][][] weights, boolean[] relu, double[] lambdaW, int penalised,
                            double lambdaA, double[][] y) {
        double[][] a = input;
        double penalty = 0;
        for (int l = 0; l < weights.length; l++) {
            if (l == penalised) {
                penalty += lambdaA / 2 * Matrices.squaredNorm(a);
            }
            penalty += lambdaW[l] / 2 * Matrices.squaredNorm(weights[l]);
            a = Matrices.multiply(weights[l], a);
            if (relu[l]) {
                for (double[] row : a) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = Math.max(0, row[j]);
                    }
                }
            }
        }
        double fit = 0;
        int n = y[0].length;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < n; j++) {
                double r = a[i][j] - y[i][j];
                fit += r * r;
            }
        }
        return fit / (2 * n) + penalty;
    }
}
