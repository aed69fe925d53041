package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Largest eigenvalues of small symmetric matrices, a batch at a time. DJL has no symmetric eigen
 * solver, so this is power iteration on H + sigma I with sigma the Frobenius norm: the shift makes
 * every eigenvalue non-negative, so the iteration finds the largest (not the largest in magnitude).
 */
final class Eigen {
    private Eigen() {
    }

    /** lambda_max of each matrix of a [N, k, k] batch: [N]. A fixed iteration count keeps rows independent. */
    static NDArray topSymmetric(NDArray h, int iterations) {
        long n = h.getShape().get(0);
        long k = h.getShape().get(1);
        NDManager m = h.getManager();
        NDArray sigma = h.square().sum(new int[] {1, 2}).sqrt().add(Double.MIN_NORMAL);
        NDArray shifted = h.add(m.eye((int) k).toType(DataType.FLOAT64, false).expandDims(0).mul(sigma.reshape(n, 1, 1)));
        // a fixed, generic start vector (not orthogonal to the top eigenvector in practice)
        double[] start = new double[(int) k];
        for (int i = 0; i < k; i++) {
            start[i] = 1.0 + 0.1 * i;
        }
        NDArray v = m.create(start, new Shape(1, k, 1)).repeat(0, n);
        for (int it = 0; it < iterations; it++) {
            NDArray hv = shifted.batchMatMul(v);
            v = hv.div(hv.norm(new int[] {1, 2}, true).add(Double.MIN_NORMAL));
        }
        NDArray rayleigh = v.transpose(0, 2, 1).batchMatMul(h.batchMatMul(v)).reshape(n);
        return rayleigh;
    }

    /** Top eigenvalue and unit eigenvector of each matrix of a batch. */
    record Top(NDArray value, NDArray vector) {
    }

    /**
     * lambda_max of each positive semi-definite matrix of a [N, k, k] batch by power iteration, from
     * {@code warm} ([N, k], e.g. the previous step's eigenvector; null for a generic start), until the
     * Rayleigh quotients move by less than {@code tolerance} (relative) or {@code maxIterations}.
     */
    static Top topPsd(NDArray h, NDArray warm, double tolerance, int maxIterations) {
        long n = h.getShape().get(0);
        long k = h.getShape().get(1);
        NDManager m = h.getManager();
        NDArray v;
        if (warm == null) {
            double[] start = new double[(int) k];
            for (int i = 0; i < k; i++) {
                start[i] = 1.0 + 0.1 * i;
            }
            v = m.create(start, new Shape(1, k)).repeat(0, n);
        } else {
            v = warm;
        }
        v = v.div(v.norm(new int[] {1}, true)).expandDims(2);
        NDArray lambda = null;
        for (int it = 0; it < maxIterations; it++) {
            NDArray hv = h.batchMatMul(v);
            NDArray next = v.mul(hv).sum(new int[] {1, 2});
            v = hv.div(hv.norm(new int[] {1, 2}, true).add(Double.MIN_NORMAL));
            if (lambda != null && it % 5 == 4) {
                double change = next.sub(lambda).abs().div(next.abs().add(Double.MIN_NORMAL)).max().getDouble();
                if (!(change > tolerance)) {
                    lambda = next;
                    break;
                }
            }
            lambda = next;
        }
        return new Top(lambda, v.squeeze(2));
    }
}
