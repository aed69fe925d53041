package org.reprobench.papers.mamlspokenwords;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The word classifier as a pure function of its {@link Weights}, for L learners at once. The
 * official code's 2-D CNN: blocks of Conv(3x3, stride 2, padding 1) -> ReLU -> BatchNorm, where
 * batch norm always uses the statistics of the batch at hand (track_running_stats=False, so also
 * at test time), then a projection to an embedding and one head per class, each ReLU -> Linear(E, 1);
 * the logits are the first {@code n} heads. Here the L learners' channels are stacked and every
 * convolution is one grouped convolution (groups = L), every linear layer one batched product.
 * Optionally (the stand-in runs; see the card) a max over time replaces the flatten.
 *
 * <p>Being a plain function of its inputs, it can be differentiated twice (second-order MAML).
 */
public final class WordCnn {
    static final double NORM_EPS = 1e-5;
    private static final Shape STRIDE = new Shape(2, 2);
    private static final Shape PAD = new Shape(1, 1);
    private static final Shape DILATION = new Shape(1, 1);

    private WordCnn() {
    }

    /**
     * Embeddings [L, B, E] of inputs [B, L, H, W]: example b of learner l is x[b, l]. Each
     * learner normalises with the statistics of its own B examples.
     */
    public static NDArray embed(Weights w, NDArray x) {
        CnnShape s = w.shape();
        int learners = w.learners();
        long batch = x.getShape().get(0);
        NDArray h = x;
        int in = 1;
        for (int b = 0; b < s.blocks(); b++) {
            NDArray kernel = w.convWeight(b).reshape(learners * (long) s.channels(), in, 3, 3);
            NDArray bias = w.convBias(b).reshape(learners * (long) s.channels());
            h = Conv2d.conv2d(h, kernel, bias, STRIDE, PAD, DILATION, learners).singletonOrThrow();
            h = Activation.relu(h);
            h = batchNorm(h, w.normScale(b).reshape(-1), w.normShift(b).reshape(-1));
            in = s.channels();
        }
        // [B, L*C, H', T'] -> (max over time) -> [B, L, F] -> [L, B, F]
        NDArray pooled = (s.poolTime() ? h.max(new int[] {3}) : h).reshape(batch, learners, s.pooledFeatures()).transpose(1, 0, 2);
        return pooled.matMul(w.projectionWeight()).add(w.projectionBias().expandDims(1));
    }

    /**
     * Normalises each channel with its batch mean and biased variance, then scales and shifts:
     * PyTorch's native batch norm in training mode (one fused call, twice differentiable). The
     * running statistics it updates are scratch arrays, never read.
     */
    static NDArray batchNorm(NDArray h, NDArray scale, NDArray shift) {
        NDManager m = h.getManager();
        Shape channels = new Shape(h.getShape().get(1));
        NDArray runningMean = m.zeros(channels, h.getDataType());
        NDArray runningVar = m.ones(channels, h.getDataType());
        return h.getNDArrayInternal().batchNorm(h, runningMean, runningVar, scale, shift, 1, 0.1f, (float) NORM_EPS, true)
                .singletonOrThrow();
    }

    /** Logits [L, B, n] of embeddings [L, B, E] from the first n heads. */
    public static NDArray logits(Weights w, NDArray embedding, int n) {
        NDArray wh = w.headWeight();
        NDArray bh = w.headBias();
        if (n < w.shape().heads()) {
            wh = wh.get(new NDIndex(":, :, :{}", n));
            bh = bh.get(new NDIndex(":, :{}", n));
        }
        return Activation.relu(embedding).matMul(wh).add(bh.expandDims(1));
    }

    /**
     * Mean cross-entropy per learner [L] of logits [L, B, n] against one-hot labels [1, B, n]
     * (shared by all learners: in every task, example b has the same label).
     */
    public static NDArray crossEntropy(NDArray logits, NDArray oneHotLabels) {
        return logits.logSoftmax(2).mul(oneHotLabels).sum(new int[] {2}).mean(new int[] {1}).neg();
    }
}
