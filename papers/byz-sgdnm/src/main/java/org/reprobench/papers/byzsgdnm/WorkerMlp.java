package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * A one-hidden-layer ReLU network, inputs -> hidden -> classes, whose parameters are one flat
 * vector [W1 (in x hidden), b1, W2 (hidden x classes), b2]. It computes the mini-batch gradient
 * of every worker of every run with one batched forward and one batched backward pass.
 */
public final class WorkerMlp {
    private final int inputs;
    private final int hidden;
    private final int classes;

    public WorkerMlp(int inputs, int hidden, int classes) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
    }

    /** d, the number of parameters. */
    public int size() {
        return inputs * hidden + hidden + hidden * classes + classes;
    }

    public int classes() {
        return classes;
    }

    /**
     * PyTorch's default initialisation of a Linear layer, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for
     * weights and biases, drawn from a Java generator so that a seed gives the same start
     * everywhere.
     */
    public float[] initial(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] w = new float[size()];
        int i = 0;
        double a1 = 1 / Math.sqrt(inputs);
        for (int k = 0; k < inputs * hidden + hidden; k++) {
            w[i++] = (float) ((2 * r.nextDouble() - 1) * a1);
        }
        double a2 = 1 / Math.sqrt(hidden);
        for (int k = 0; k < hidden * classes + classes; k++) {
            w[i++] = (float) ((2 * r.nextDouble() - 1) * a2);
        }
        return w;
    }

    /**
     * Logits for parameters {@code theta (..., d)} and inputs {@code x (..., B, in)}; leading
     * dimensions broadcast.
     */
    public NDArray logits(NDArray theta, NDArray x) {
        Shape lead = theta.getShape().slice(0, theta.getShape().dimension() - 1);
        int o1 = inputs * hidden;
        int o2 = o1 + hidden;
        int o3 = o2 + hidden * classes;
        String prefix = ":, ".repeat(lead.dimension());
        NDArray w1 = theta.get(prefix + "0:" + o1).reshape(lead.addAll(new Shape(inputs, hidden)));
        NDArray b1 = theta.get(prefix + o1 + ":" + o2).expandDims(-2);
        NDArray w2 = theta.get(prefix + o2 + ":" + o3).reshape(lead.addAll(new Shape(hidden, classes)));
        NDArray b2 = theta.get(prefix + o3 + ":").expandDims(-2);
        NDArray h = x.matMul(w1).add(b1).maximum(0);
        return h.matMul(w2).add(b2);
    }

    /**
     * Per-worker gradients of the mean cross-entropy over each worker's batch, by the closed-form
     * back-propagation of this two-layer network, batched over runs and workers (checked against
     * DJL's autograd and finite differences in the tests). Autograd on a {@code (R, n, d)} copy of
     * the parameters gives the same numbers but is several times slower here: the backward of
     * each slice of the flat vector materialises a full-size zero tensor.
     *
     * @param theta {@code (R, d)} parameters of R runs
     * @param x {@code (n, B, in)} the n workers' batches (shared by all runs)
     * @param oneHot {@code (n, B, classes)} their labels
     * @param lossOut if not null, {@code lossOut[0]} receives the {@code (R, n)} losses
     * @return {@code (R, n, d)} gradients
     */
    public NDArray workerGradients(NDArray theta, NDArray x, NDArray oneHot, NDArray[] lossOut) {
        long r = theta.getShape().get(0);
        long n = x.getShape().get(0);
        long batch = x.getShape().get(1);
        int o1 = inputs * hidden;
        int o2 = o1 + hidden;
        int o3 = o2 + hidden * classes;
        // Views of the flat parameters, with a worker axis of size 1 that broadcasts.
        NDArray w1 = theta.get(":, 0:" + o1).reshape(r, 1, inputs, hidden);
        NDArray b1 = theta.get(":, " + o1 + ":" + o2).reshape(r, 1, 1, hidden);
        NDArray w2 = theta.get(":, " + o2 + ":" + o3).reshape(r, 1, hidden, classes);
        NDArray b2 = theta.get(":, " + o3 + ":").reshape(r, 1, 1, classes);
        NDArray z1 = x.matMul(w1).add(b1); // (R, n, B, hidden)
        NDArray active = z1.gt(0);
        NDArray h = z1.mul(active);
        NDArray logp = h.matMul(w2).add(b2).logSoftmax(-1); // (R, n, B, classes)
        if (lossOut != null) {
            lossOut[0] = logp.mul(oneHot).sum(new int[] {2, 3}).div(-batch); // (R, n)
        }
        NDArray dz2 = logp.exp().sub(oneHot).div(batch); // d(mean loss)/d logits
        NDArray gw2 = h.transpose(0, 1, 3, 2).matMul(dz2); // (R, n, hidden, classes)
        NDArray gb2 = dz2.sum(new int[] {2});
        NDArray dz1 = dz2.matMul(w2.transpose(0, 1, 3, 2)).mul(active); // (R, n, B, hidden)
        NDArray gw1 = x.transpose(0, 2, 1).matMul(dz1); // (R, n, in, hidden)
        NDArray gb1 = dz1.sum(new int[] {2});
        return NDArrays.concat(new NDList(gw1.reshape(r, n, o1), gb1, gw2.reshape(r, n, (long) hidden * classes), gb2), 2);
    }

    /** Top-1 accuracy of each run on {@code x (N, in)}, computed in chunks to bound memory. */
    public double[] accuracy(NDArray theta, NDArray x, int[] labels) {
        long runs = theta.getShape().get(0);
        long[] correct = new long[(int) runs];
        int chunk = 2000;
        NDManager m = theta.getManager();
        for (int start = 0; start < labels.length; start += chunk) {
            int end = Math.min(labels.length, start + chunk);
            try (NDManager sub = m.newSubManager()) {
                NDArray xs = x.get(start + ":" + end);
                xs.attach(sub);
                NDArray th = theta.duplicate();
                th.attach(sub);
                NDArray pred = logits(th, xs).argMax(-1); // (R, chunk)
                int[] y = new int[end - start];
                System.arraycopy(labels, start, y, 0, y.length);
                NDArray truth = sub.create(y).toType(pred.getDataType(), false).expandDims(0);
                long[] c = pred.eq(truth).sum(new int[] {1}).toLongArray();
                for (int r = 0; r < runs; r++) {
                    correct[r] += c[r];
                }
            }
        }
        double[] acc = new double[(int) runs];
        for (int r = 0; r < runs; r++) {
            acc[r] = (double) correct[r] / labels.length;
        }
        return acc;
    }
}
