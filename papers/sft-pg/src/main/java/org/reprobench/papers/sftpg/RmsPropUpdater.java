package org.reprobench.papers.sftpg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * torch.optim.RMSprop (alpha 0.99, eps 1e-8, no momentum), used by the official toy pretraining
 * together with clip_grad_norm_(1.0). DJL's PyTorch engine has no native RMSprop, so this is the
 * update written out in NDArray operations: s = alpha s + (1 - alpha) g^2, p -= lr g / (sqrt(s) + eps).
 * Gradient clipping is per seed: each seed's copy of the network is clipped by its own total norm.
 */
public final class RmsPropUpdater {
    private static final float ALPHA = 0.99f;
    private static final float EPS = 1e-8f;
    private final SeedBatchedNetwork net;
    private final float learningRate;
    private final float maxNorm;
    private final List<NDArray> squareAverages = new ArrayList<>();

    public RmsPropUpdater(SeedBatchedNetwork net, float learningRate, float maxNorm) {
        this.net = net;
        this.learningRate = learningRate;
        this.maxNorm = maxNorm;
        for (NDArray p : net.parameterList()) {
            NDArray s = p.zerosLike();
            s.setRequiresGradient(false);
            squareAverages.add(s);
        }
    }

    /** Clips, updates and zeroes the gradients; temporaries go to {@code scratch}. */
    public void step(NDManager scratch) {
        List<NDArray> params = net.parameterList();
        List<NDArray> grads = new ArrayList<>();
        for (NDArray p : params) {
            NDArray g = p.getGradient();
            g.attach(scratch);
            grads.add(g);
        }
        if (maxNorm > 0) {
            clipPerSeed(grads, maxNorm, net.seeds());
        }
        for (int i = 0; i < params.size(); i++) {
            NDArray g = grads.get(i);
            NDArray s = squareAverages.get(i);
            s.muli(ALPHA).addi(g.square().muli(1 - ALPHA));
            NDArray denom = s.sqrt();
            denom.attach(scratch);
            params.get(i).subi(g.div(denom.addi(EPS)).muli(learningRate));
            g.subi(g);
        }
    }

    /** torch.nn.utils.clip_grad_norm_ applied to each seed's slice: g *= min(1, max / (||g|| + 1e-6)). */
    static void clipPerSeed(List<NDArray> grads, float maxNorm, int seeds) {
        NDArray total = null;
        for (NDArray g : grads) {
            NDArray sq = g.square().sum(new int[] {1, 2});
            total = total == null ? sq : total.add(sq);
        }
        NDArray coef = total.sqrt().add(1e-6f).pow(-1).mul(maxNorm).minimum(1f).reshape(seeds, 1, 1);
        for (NDArray g : grads) {
            g.muli(coef);
        }
    }
}
