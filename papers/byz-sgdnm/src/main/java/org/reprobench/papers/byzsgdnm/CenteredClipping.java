package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Centred clipping (CC, Karimireddy et al. 2021): v <- v + (1/n) sum_k clip_tau(x_k - v), with
 * clip_tau(y) = y min(1, tau / ||y||), one inner iteration per round. It keeps state: the centre v
 * is the previous round's aggregate (zero before the first round), held in {@code stateManager}.
 */
public final class CenteredClipping implements Aggregator {
    private final double tau;
    private final NDManager stateManager;
    private NDArray center;

    public CenteredClipping(double tau, NDManager stateManager) {
        this.tau = tau;
        this.stateManager = stateManager;
    }

    @Override
    public NDArray aggregate(NDArray received) {
        NDArray x = Aggregator.sanitize(received); // (R, n, d)
        NDArray v = center != null ? center : x.getManager().zeros(new ai.djl.ndarray.types.Shape(
                x.getShape().get(0), x.getShape().get(2)), x.getDataType());
        NDArray diff = x.sub(v.expandDims(1));
        // min(1, tau / ||y||) is 1 when ||y|| = 0 (tau / 0 = inf), so no guard is needed.
        NDArray scale = diff.norm(new int[] {2}, true).pow(-1).mul(tau).minimum(1);
        NDArray next = v.add(diff.mul(scale).mean(new int[] {1}));
        NDArray keep = next.duplicate();
        keep.attach(stateManager);
        if (center != null) {
            center.close();
        }
        center = keep;
        return next;
    }

    @Override
    public String name() {
        return "CC";
    }
}
