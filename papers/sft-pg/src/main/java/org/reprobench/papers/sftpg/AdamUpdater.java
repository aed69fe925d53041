package org.reprobench.papers.sftpg;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.Map;

/**
 * Adam for one network, using DJL's Adam (a single native update per parameter on the PyTorch
 * engine, which also zeroes the gradient). Betas 0.9 / 0.999 as in torch.optim.Adam; DJL folds
 * the bias correction into the step size, which moves epsilon's effective size by at most
 * sqrt(1 - beta2^t), a difference far below anything measured here.
 */
public final class AdamUpdater {
    private final SeedBatchedNetwork net;
    private final Adam adam;

    public AdamUpdater(SeedBatchedNetwork net, float learningRate) {
        this.net = net;
        this.adam = Adam.builder().optLearningRateTracker(Tracker.fixed(learningRate)).optBeta1(0.9f).optBeta2(0.999f)
                .optEpsilon(1e-8f).build();
    }

    /** One step on the gradients accumulated since the last step (which it then zeroes). */
    public void step() {
        for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
            try (NDArray grad = e.getValue().getGradient()) {
                adam.update(e.getKey(), e.getValue(), grad);
            }
        }
    }
}
