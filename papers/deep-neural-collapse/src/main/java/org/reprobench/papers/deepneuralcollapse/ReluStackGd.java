package org.reprobench.papers.deepneuralcollapse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.List;

/**
 * Full-batch gradient descent on B independent bias-free ReLU stacks at once, on DJL/PyTorch.
 *
 * <p>Activations: a_0 = input (B x d_0 x N), a_{l+1} = phi_l(W_l a_l) with phi_l = ReLU or identity;
 * the last layer is linear. Loss of network b:
 * {@code (1/2N)||a_M - Y||^2 + sum_l (lambdaW_l[b]/2)||W_l||^2 + (lambdaA[b]/2)||a_p||^2}, where a_p
 * is one penalised activation (the free features H_1 of the DUFM, or the backbone output of a
 * trained network). In the DUFM the input itself is trainable (p = 0).
 *
 * <p>The backward pass is written out (no autograd tape): per layer two batched matmuls, the ReLU
 * mask from the sign of the stored activation, and the update as a shrink (weight decay) plus the
 * fit gradient, which is pre-scaled by lr/N so that it needs no separate multiply.
 */
public final class ReluStackGd implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] weights;
    private final boolean[] reluAfter;
    private final NDArray[] shrink;
    private final NDArray input;
    private final boolean trainInput;
    private final int penalised;
    private final NDArray penaltyRate;
    private final NDArray inputShrink;
    private final NDArray target;
    private final double[][] lambdaW;
    private final double[] lambdaA;
    private final double lr;
    private final int batch;
    private final int samples;

    /**
     * @param manager    owner of all state (closed with this object)
     * @param input      B x d_0 x N
     * @param trainInput whether the input is a free variable (DUFM features)
     * @param weights    W_l, each B x d_{l+1} x d_l (taken over)
     * @param reluAfter  whether a ReLU follows W_l (false for the last layer)
     * @param lambdaW    lambda of W_l for each network: [layer][b]
     * @param penalised  index p of the penalised activation a_p, or -1 for none
     * @param lambdaA    its lambda for each network
     * @param target     K x N one-hot labels, shared by all networks
     * @param lr         step size
     */
    public ReluStackGd(NDManager manager, NDArray input, boolean trainInput, List<NDArray> weights, boolean[] reluAfter,
                       double[][] lambdaW, int penalised, double[] lambdaA, NDArray target, double lr) {
        this.manager = manager;
        this.input = input;
        this.trainInput = trainInput;
        this.weights = weights.toArray(new NDArray[0]);
        this.reluAfter = reluAfter.clone();
        this.batch = (int) input.getShape().get(0);
        this.samples = (int) input.getShape().get(2);
        this.lr = lr;
        this.lambdaW = lambdaW;
        this.lambdaA = lambdaA;
        this.penalised = penalised;
        DataType type = input.getDataType();
        this.shrink = new NDArray[this.weights.length];
        for (int l = 0; l < this.weights.length; l++) {
            double[] s = new double[batch];
            for (int b = 0; b < batch; b++) {
                s[b] = 1 - lr * lambdaW[l][b];
            }
            shrink[l] = manager.create(s, new Shape(batch, 1, 1)).toType(type, false);
        }
        if (penalised >= 0) {
            double[] r = new double[batch];
            double[] keep = new double[batch];
            for (int b = 0; b < batch; b++) {
                r[b] = lr * lambdaA[b];
                keep[b] = 1 - r[b];
            }
            penaltyRate = manager.create(r, new Shape(batch, 1, 1)).toType(type, false);
            inputShrink = manager.create(keep, new Shape(batch, 1, 1)).toType(type, false);
        } else {
            penaltyRate = null;
            inputShrink = null;
        }
        this.target = target.reshape(new Shape(1).addAll(target.getShape())).toType(type, false);
    }

    /** One gradient step on every network. */
    public void step() {
        int layers = weights.length;
        try (NDManager sub = manager.newSubManager()) {
            NDArray[] a = forward(sub);
            // gradient of the fit term w.r.t. the output, already times lr
            NDArray g = a[layers].sub(target).muli(lr / samples);
            for (int l = layers - 1; l >= 0; l--) {
                NDArray gradW = g.batchMatMul(in(sub, a[l].transpose(0, 2, 1)));
                boolean needBelow = l > 0 || trainInput;
                // results belong to their first operand's manager: keep the temporaries in `sub`
                NDArray below = needBelow ? in(sub, weights[l].transpose(0, 2, 1)).batchMatMul(g) : null;
                weights[l].muli(shrink[l]).subi(gradW);
                if (!needBelow) {
                    break;
                }
                if (l == 0) {
                    // free features: their penalty is a shrink, like the weights' decay
                    (penalised == 0 ? input.muli(inputShrink) : input).subi(below);
                    break;
                }
                if (l == penalised) {
                    below.addi(in(sub, a[l].mul(penaltyRate)));
                }
                g = reluAfter[l - 1] ? below.muli(a[l].sign()) : below;
            }
        }
    }

    private static NDArray in(NDManager m, NDArray x) {
        x.attach(m);
        return x;
    }

    /** Runs {@code count} steps. */
    public void steps(int count) {
        for (int i = 0; i < count; i++) {
            step();
        }
    }

    /** Activations a_0..a_M, attached to {@code m}. */
    private NDArray[] forward(NDManager m) {
        int layers = weights.length;
        NDArray[] a = new NDArray[layers + 1];
        a[0] = input;
        for (int l = 0; l < layers; l++) {
            NDArray z = weights[l].batchMatMul(a[l]);
            z.attach(m);
            // Activation.relu is torch.relu; NDArray.maximum(0) would build a scalar tensor per call (10x slower here)
            a[l + 1] = reluAfter[l] ? Activation.relu(z) : z;
        }
        return a;
    }

    /** A copy of every activation and weight as plain arrays, for the metrics (checkpoints only). */
    public Snapshot snapshot() {
        int layers = weights.length;
        try (NDManager sub = manager.newSubManager()) {
            NDArray[] a = forward(sub);
            double[][] acts = new double[layers + 1][];
            long[][] actShapes = new long[layers + 1][];
            for (int l = 0; l <= layers; l++) {
                acts[l] = a[l].toType(DataType.FLOAT64, false).toDoubleArray();
                actShapes[l] = a[l].getShape().getShape();
            }
            double[][] ws = new double[layers][];
            long[][] wShapes = new long[layers][];
            for (int l = 0; l < layers; l++) {
                ws[l] = weights[l].toType(DataType.FLOAT64, false).toDoubleArray();
                wShapes[l] = weights[l].getShape().getShape();
            }
            double[] y = target.toType(DataType.FLOAT64, false).toDoubleArray();
            return new Snapshot(batch, samples, acts, actShapes, ws, wShapes, y, lambdaW, penalised, lambdaA);
        }
    }

    public int batch() {
        return batch;
    }

    @Override
    public void close() {
        manager.close();
    }

    /**
     * Plain-array copy of the state: activation l of network b is the d_l x N block
     * {@code act(l, b)}; weight l of network b is the d_{l+1} x d_l block {@code weight(l, b)}.
     */
    public record Snapshot(int batch, int samples, double[][] acts, long[][] actShapes, double[][] weights,
                           long[][] weightShapes, double[] target, double[][] lambdaW, int penalised, double[] lambdaA) {

        public int layers() {
            return weights.length;
        }

        public double[][] act(int l, int b) {
            return block(acts[l], actShapes[l], b);
        }

        public double[][] weight(int l, int b) {
            return block(weights[l], weightShapes[l], b);
        }

        private static double[][] block(double[] flat, long[] shape, int b) {
            int rows = (int) shape[1];
            int cols = (int) shape[2];
            double[][] m = new double[rows][cols];
            int off = b * rows * cols;
            for (int i = 0; i < rows; i++) {
                System.arraycopy(flat, off + i * cols, m[i], 0, cols);
            }
            return m;
        }

        /** The objective of network b (fit + every penalty). */
        public double loss(int b) {
            return fit(b) + penalties(b, 0);
        }

        /** (1/2N)||a_M - Y||^2 of network b. */
        public double fit(int b) {
            double[][] out = act(layers(), b);
            int k = out.length;
            double s = 0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < samples; j++) {
                    double r = out[i][j] - target[i * samples + j];
                    s += r * r;
                }
            }
            return s / (2 * samples);
        }

        /** Penalties of the weights from layer {@code from} on, plus the activation penalty if p >= from. */
        public double penalties(int b, int from) {
            double s = 0;
            for (int l = from; l < layers(); l++) {
                s += lambdaW[l][b] / 2 * Matrices.squaredNorm(weight(l, b));
            }
            if (penalised >= from) {
                s += lambdaA[b] / 2 * Matrices.squaredNorm(act(penalised, b));
            }
            return s;
        }
    }
}
