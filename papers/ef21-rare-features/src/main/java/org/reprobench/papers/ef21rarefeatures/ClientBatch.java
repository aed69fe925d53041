package org.reprobench.papers.ef21rarefeatures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.List;

/**
 * B problems of one size (n clients, m samples each, d features) held as DJL float64 tensors, so
 * that one batched matmul computes the gradients of all B x n clients at once. A batch mixes
 * instances (c/n values, seeds) and methods (one copy per step size).
 */
final class ClientBatch implements AutoCloseable {

    /** The per-sample loss of f_i(x) = (1/m) sum_rows loss(a_row . x, target). */
    enum Loss {
        /** (a.x - b)^2, the synthetic least squares (MSE, no 1/2, as the official code). */
        SQUARED,
        /** Binary cross-entropy of sigmoid(a.x) against a {0,1} label (LIBSVM logistic regression). */
        LOGISTIC
    }

    final int batch;
    final int n;
    final int m;
    final int d;
    final Loss loss;
    private final NDManager manager;
    /** A' per problem, (B, d, n*m): all margins x'A' in one bmm (row-vector times matrix is several times faster than A x here). */
    private final NDArray rowsTransposed;
    /** A scaled by the loss derivative's constant (2/m or 1/m), as (B*n, m, d): per-client r_i'A_i in one bmm. */
    private final NDArray clients;
    /** targets as (B, 1, n*m). */
    private final NDArray targets;

    /**
     * @param a       B blocks of (n*m) x d row-major data, client by client
     * @param targets B blocks of n*m targets
     */
    ClientBatch(double[] a, double[] targets, int batch, int n, int m, int d, Loss loss, NDManager parent) {
        if (a.length != (long) batch * n * m * d || targets.length != batch * n * m) {
            throw new IllegalArgumentException("data do not match B=" + batch + ", n=" + n + ", m=" + m + ", d=" + d);
        }
        this.batch = batch;
        this.n = n;
        this.m = m;
        this.d = d;
        this.loss = loss;
        int rowsPerProblem = n * m;
        double[] transposed = new double[a.length];
        double[] scaled = new double[a.length];
        double factor = (loss == Loss.SQUARED ? 2.0 : 1.0) / m;
        for (int k = 0; k < batch; k++) {
            int base = k * rowsPerProblem * d;
            for (int row = 0; row < rowsPerProblem; row++) {
                for (int j = 0; j < d; j++) {
                    double v = a[base + row * d + j];
                    transposed[base + j * rowsPerProblem + row] = v;
                    scaled[base + row * d + j] = factor * v;
                }
            }
        }
        this.manager = parent.newSubManager();
        this.rowsTransposed = manager.create(transposed, new Shape(batch, d, rowsPerProblem));
        this.clients = manager.create(scaled, new Shape(batch * (long) n, m, d));
        this.targets = manager.create(targets, new Shape(batch, 1, rowsPerProblem));
    }

    /** The least-squares problems side by side (all of one size). */
    static ClientBatch of(List<RareFeaturesProblem> problems, NDManager parent) {
        RareFeaturesProblem first = problems.get(0);
        int n = first.n();
        int m = first.m();
        int d = first.d();
        double[] a = new double[problems.size() * n * m * d];
        double[] b = new double[problems.size() * n * m];
        for (int k = 0; k < problems.size(); k++) {
            RareFeaturesProblem p = problems.get(k);
            if (p.n() != n || p.m() != m || p.d() != d) {
                throw new IllegalArgumentException("a batch needs problems of one size");
            }
            System.arraycopy(p.a(), 0, a, k * n * m * d, n * m * d);
            System.arraycopy(p.b(), 0, b, k * n * m, n * m);
        }
        return new ClientBatch(a, b, problems.size(), n, m, d, Loss.SQUARED, parent);
    }

    /** The starting points of the problems, flattened (B * d). */
    static double[] startingPoints(List<RareFeaturesProblem> problems) {
        int d = problems.get(0).d();
        double[] x = new double[problems.size() * d];
        for (int k = 0; k < problems.size(); k++) {
            System.arraycopy(problems.get(k).x0(), 0, x, k * d, d);
        }
        return x;
    }

    /**
     * grad f_i(x) of every client of every problem: x (B, d) -> (B*n, d). Squared loss:
     * (2/m) A_i'(A_i x - b_i); logistic: (1/m) A_i'(sigmoid(A_i x) - y_i).
     */
    NDArray clientGradients(NDArray x) {
        NDArray margins = x.reshape(batch, 1, d).batchMatMul(rowsTransposed);
        NDArray residuals = loss == Loss.SQUARED ? margins.sub(targets) : Activation.sigmoid(margins).sub(targets);
        return residuals.reshape(batch * (long) n, 1, m).batchMatMul(clients).reshape(batch * (long) n, d);
    }

    /** The average over clients: (B*n, d) -> (B, d). */
    NDArray clientMean(NDArray perClient) {
        return perClient.reshape(batch, n, d).mean(new int[] {1});
    }

    @Override
    public void close() {
        manager.close();
    }
}
