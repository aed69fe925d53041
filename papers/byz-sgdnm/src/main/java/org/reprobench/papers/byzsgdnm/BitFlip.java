package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;

/** Bit-flipping failure as the paper defines it (App. E.1): a Byzantine worker sends -10 times its true momentum. */
public final class BitFlip implements Attack {
    static final double FACTOR = -10;

    @Override
    public NDArray apply(NDArray momenta, int byzantine) {
        if (byzantine == 0) {
            return momenta;
        }
        NDArray flipped = momenta.get(":, 0:{}, :", byzantine).mul(FACTOR);
        return flipped.concat(Attack.honest(momenta, byzantine), 1);
    }

    @Override
    public String name() {
        return "bit-flip";
    }
}
