package org.reprobench.papers.ef21rarefeatures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.TreeSet;
import org.reprobench.datasets.SeededSampler;

/**
 * A LIBSVM set split over clients for logistic regression, as the official code prepares it: rows
 * shuffled, the train share kept, equal contiguous blocks per client (remainder dropped), a
 * constant bias feature in column 0, labels mapped to {0, 1}. Smoothness of the mean BCE loss:
 * L = lambda_max(A'A) / (4 N), L_i = lambda_max(A_i'A_i) / (4 m).
 *
 * @param a  (n*m) x d row-major, client by client
 * @param y  n*m labels in {0, 1}
 * @param cEmpirical the largest number of clients with a non-zero in one feature column (bias excluded)
 */
record LogisticClients(int n, int m, int d, double[] a, double[] y, double l, double[] li, int cEmpirical) {

    double lMax() {
        return SmoothnessConstants.largest(li);
    }

    double lTilde() {
        return SmoothnessConstants.quadraticMean(li);
    }

    static LogisticClients build(LibsvmFile file, int clients, double trainFraction, long seed, NDManager parent) {
        int total = file.samples();
        int[] order = SeededSampler.permutation(total, seed);
        int train = (int) Math.floor(trainFraction * total);
        int m = train / clients;
        if (m < 1) {
            throw new IllegalArgumentException(total + " samples cannot feed " + clients + " clients");
        }
        TreeSet<Double> distinct = new TreeSet<>();
        for (double label : file.labels()) {
            distinct.add(label);
        }
        if (distinct.size() != 2) {
            throw new IllegalArgumentException("expected two classes, found labels " + distinct);
        }
        double negative = distinct.first();
        int d = file.maxIndex() + 1;
        int rows = clients * m;
        double[] a = new double[rows * d];
        double[] y = new double[rows];
        boolean[][] used = new boolean[clients][d];
        for (int row = 0; row < rows; row++) {
            int s = order[row];
            a[row * d] = 1; // bias
            for (int k = 0; k < file.indices()[s].length; k++) {
                int j = file.indices()[s][k];
                a[row * d + j] = file.values()[s][k];
                used[row / m][j] |= file.values()[s][k] != 0;
            }
            y[row] = file.labels()[s] == negative ? 0 : 1;
        }
        int c = 0;
        for (int j = 1; j < d; j++) {
            int count = 0;
            for (int i = 0; i < clients; i++) {
                count += used[i][j] ? 1 : 0;
            }
            c = Math.max(c, count);
        }
        try (NDManager mgr = parent.newSubManager()) {
            NDArray all = mgr.create(a, new Shape(rows, d));
            double l = SymmetricEigen.largest(all.transpose().matMul(all).toDoubleArray(), d) / (4.0 * rows);
            NDArray blocks = all.reshape(clients, m, d);
            boolean tall = m > d; // the smaller Gram matrix has the same largest eigenvalue
            NDArray grams = tall ? blocks.transpose(0, 2, 1).batchMatMul(blocks) : blocks.batchMatMul(blocks.transpose(0, 2, 1));
            int g = tall ? d : m;
            double[] flat = grams.toDoubleArray();
            double[] li = new double[clients];
            double[] block = new double[g * g];
            for (int i = 0; i < clients; i++) {
                System.arraycopy(flat, i * g * g, block, 0, g * g);
                li[i] = SymmetricEigen.largest(block, g) / (4.0 * m);
            }
            return new LogisticClients(clients, m, d, a, y, l, li, c);
        }
    }
}
