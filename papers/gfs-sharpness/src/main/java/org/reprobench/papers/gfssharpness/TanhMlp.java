package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * The small network of the "beyond scalar networks" claim: a fully connected tanh network
 * in -> h -> h -> 1 with the squared loss |f(X) - y|^2 / (2n), the shape of Cohen et al.'s edge of
 * stability experiments at toy size. K networks are K rows of one flat parameter tensor [K, P], laid
 * out as W1 (in x h), b1, W2 (h x h), b2, w3 (h), b3; one broadcast matmul per layer serves all rows.
 */
final class TanhMlp implements FlatModel {
    final NDArray x;
    final NDArray y;
    final int n;
    final int in;
    final int hidden;
    final int parameters;

    TanhMlp(StandInImages data, int hidden, NDManager manager) {
        this.n = data.examples();
        this.in = data.features();
        this.hidden = hidden;
        this.parameters = in * hidden + hidden + hidden * hidden + hidden + hidden + 1;
        double[] flat = new double[n * in];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.x()[i], 0, flat, i * in, in);
        }
        this.x = manager.create(flat, new Shape(n, in));
        this.y = manager.create(data.y());
    }

    /** LeCun-normal weights (variance 1 / fan-in) and zero biases, from {@code new Random(seed)} only. */
    double[] initialParameters(long seed) {
        Random rnd = new Random(seed);
        double[] p = new double[parameters];
        int o = 0;
        for (int i = 0; i < in * hidden; i++) {
            p[o++] = rnd.nextGaussian() / Math.sqrt(in);
        }
        o += hidden;
        for (int i = 0; i < hidden * hidden; i++) {
            p[o++] = rnd.nextGaussian() / Math.sqrt(hidden);
        }
        o += hidden;
        for (int i = 0; i < hidden; i++) {
            p[o++] = rnd.nextGaussian() / Math.sqrt(hidden);
        }
        return p;
    }

    /** One row block of flat parameters [K, P] seen as the network's batched weights and biases. */
    private record Layers(long k, NDArray w1, NDArray b1, NDArray w2, NDArray b2, NDArray w3, NDArray b3) {
    }

    private Layers layers(NDArray theta) {
        long k = theta.getShape().get(0);
        int o = 0;
        NDArray w1 = slice(theta, o, in * hidden).reshape(k, in, hidden);
        o += in * hidden;
        NDArray b1 = slice(theta, o, hidden).reshape(k, 1, hidden);
        o += hidden;
        NDArray w2 = slice(theta, o, hidden * hidden).reshape(k, hidden, hidden);
        o += hidden * hidden;
        NDArray b2 = slice(theta, o, hidden).reshape(k, 1, hidden);
        o += hidden;
        NDArray w3 = slice(theta, o, hidden).reshape(k, hidden, 1);
        o += hidden;
        NDArray b3 = slice(theta, o, 1).reshape(k, 1, 1);
        return new Layers(k, w1, b1, w2, b2, w3, b3);
    }

    /** Network outputs per row: [K, n]. */
    NDArray outputs(NDArray theta) {
        Layers l = layers(theta);
        NDArray h1 = x.matMul(l.w1()).add(l.b1()).tanh();
        NDArray h2 = h1.matMul(l.w2()).add(l.b2()).tanh();
        return h2.matMul(l.w3()).add(l.b3()).reshape(l.k(), n);
    }

    /**
     * dL/dtheta per row by hand-written backpropagation ([K, P]): the same numbers as autograd (a test
     * checks it) at a fraction of the per-call overhead, which matters in the thousands of gradient
     * evaluations of a gradient-flow integration. Autograd is still used for Hessian-vector products.
     */
    NDArray analyticGradient(NDArray theta) {
        Layers l = layers(theta);
        long k = l.k();
        NDArray a1 = x.matMul(l.w1()).add(l.b1()).tanh();
        NDArray a2 = a1.matMul(l.w2()).add(l.b2()).tanh();
        NDArray delta3 = a2.matMul(l.w3()).add(l.b3()).sub(y.reshape(1, n, 1)).div(n); // dL/df: [K, n, 1]
        NDArray gW3 = a2.transpose(0, 2, 1).matMul(delta3);
        NDArray gB3 = delta3.sum(new int[] {1});
        NDArray delta2 = delta3.matMul(l.w3().transpose(0, 2, 1)).mul(a2.square().neg().add(1));
        NDArray gW2 = a1.transpose(0, 2, 1).matMul(delta2);
        NDArray gB2 = delta2.sum(new int[] {1});
        NDArray delta1 = delta2.matMul(l.w2().transpose(0, 2, 1)).mul(a1.square().neg().add(1));
        NDArray gW1 = x.transpose().matMul(delta1);
        NDArray gB1 = delta1.sum(new int[] {1});
        return gW1.reshape(k, -1).concat(gB1.reshape(k, -1), 1).concat(gW2.reshape(k, -1), 1)
                .concat(gB2.reshape(k, -1), 1).concat(gW3.reshape(k, -1), 1).concat(gB3.reshape(k, -1), 1);
    }

    @Override
    public NDArray loss(NDArray theta) {
        return outputs(theta).sub(y).square().sum(new int[] {1}).div(2.0 * n);
    }

    private static NDArray slice(NDArray theta, int from, int length) {
        return theta.get(new NDIndex(":, " + from + ":" + (from + length)));
    }
}
