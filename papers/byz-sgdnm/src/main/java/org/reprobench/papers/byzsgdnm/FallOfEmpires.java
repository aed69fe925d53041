package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;

/**
 * FoE, "Fall of empires" (Xie et al. 2020), the inner-product manipulation: every Byzantine worker
 * sends -epsilon times the mean of the honest momenta. The paper does not give epsilon; we use
 * Karimireddy et al.'s 0.1.
 */
public final class FallOfEmpires implements Attack {
    private final double epsilon;

    public FallOfEmpires(double epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    public NDArray apply(NDArray momenta, int byzantine) {
        if (byzantine == 0) {
            return momenta;
        }
        NDArray mu = Attack.honest(momenta, byzantine).mean(new int[] {1});
        return Attack.withCrafted(momenta, byzantine, mu.mul(-epsilon));
    }

    @Override
    public String name() {
        return "FoE";
    }
}
