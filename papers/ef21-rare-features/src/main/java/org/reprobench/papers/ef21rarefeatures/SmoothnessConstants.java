package org.reprobench.papers.ef21rarefeatures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The smoothness constants of a least-squares rare-features problem, computed exactly (as the
 * official code does for its synthetic runs). With H_i = (2/m) A_i'A_i:
 * <ul>
 *   <li>L = lambda_max((1/n) sum_i H_i), the smoothness of f;</li>
 *   <li>L_i = lambda_max(H_i), the smoothness of f_i; L~ = sqrt(mean L_i^2);</li>
 *   <li>L+ = sqrt(lambda_max((1/n) sum_i H_i^2)), the smallest constant with
 *       (1/n) sum_i ||grad f_i(x) - grad f_i(y)||^2 <= L+^2 ||x - y||^2;</li>
 *   <li>c, r: the largest number of clients owning a feature, of features owned by a client.</li>
 * </ul>
 */
record SmoothnessConstants(int n, int d, int c, int r, double l, double[] li, double lPlus) {

    double cOverN() {
        return c / (double) n;
    }

    double lMax() {
        return largest(li);
    }

    /** L~ = sqrt((1/n) sum L_i^2), the quadratic mean that standard EF21 uses. */
    double lTilde() {
        return quadraticMean(li);
    }

    /** max_i L_i (0 for no clients); shared with {@link LogisticClients}. */
    static double largest(double[] li) {
        double mx = 0;
        for (double x : li) {
            mx = Math.max(mx, x);
        }
        return mx;
    }

    /** sqrt((1/n) sum L_i^2); shared with {@link LogisticClients}. */
    static double quadraticMean(double[] li) {
        double s = 0;
        for (double x : li) {
            s += x * x;
        }
        return Math.sqrt(s / li.length);
    }

    /** The sparsity lemma's bound on L+: min(L~, sqrt(c/n) max_i L_i) (the min in the abstract's formula, square-rooted). */
    double lPlusBound() {
        return Math.min(lTilde(), Math.sqrt(cOverN()) * lMax());
    }

    static SmoothnessConstants of(RareFeaturesProblem p, NDManager parent) {
        int n = p.n();
        int m = p.m();
        int d = p.d();
        try (NDManager mgr = parent.newSubManager()) {
            NDArray a = mgr.create(p.a(), new Shape(n, m, d)).toType(DataType.FLOAT64, false);
            NDArray at = a.transpose(0, 2, 1);
            NDArray flat = a.reshape(n * m, d);
            // (1/n) sum_i H_i = (2/(n m)) A'A over all rows.
            double[] hMean = flat.transpose().matMul(flat).mul(2.0 / (n * (double) m)).toDoubleArray();
            double l = SymmetricEigen.largest(hMean, d);
            // H_i^2 = (2/m)^2 A_i'(A_i A_i')A_i, so (1/n) sum_i H_i^2 = (2/m)^2/n * A'B with B_i = (A_i A_i') A_i.
            NDArray k = a.batchMatMul(at);
            NDArray bStack = k.batchMatMul(a).reshape(n * m, d);
            double[] h2Mean = flat.transpose().matMul(bStack).mul(4.0 / (m * (double) m * n)).toDoubleArray();
            double lPlus = Math.sqrt(Math.max(SymmetricEigen.largest(h2Mean, d), 0));
            // L_i = lambda_max(A_i'A_i)*2/m = lambda_max(A_i A_i')*2/m, an m x m problem.
            double[] kk = k.mul(2.0 / m).toDoubleArray();
            double[] li = new double[n];
            double[] block = new double[m * m];
            for (int i = 0; i < n; i++) {
                System.arraycopy(kk, i * m * m, block, 0, m * m);
                li[i] = SymmetricEigen.largest(block, m);
            }
            return new SmoothnessConstants(n, d, p.c(), p.r(), l, li, lPlus);
        }
    }
}
