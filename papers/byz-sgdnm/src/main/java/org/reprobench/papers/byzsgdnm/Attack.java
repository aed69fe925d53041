package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;

/**
 * What the Byzantine workers send. The first f of the n workers are Byzantine; the attacker is
 * omniscient (it sees every honest worker's momentum of the round), as in the paper's baseline
 * code. Vectorised over runs: {@code (R, n, d)} true momenta in, {@code (R, n, d)} received out.
 */
public interface Attack {

    /**
     * @param momenta the momenta every worker computed honestly, Byzantine rows included
     * @param byzantine f; rows 0..f-1 are replaced
     */
    NDArray apply(NDArray momenta, int byzantine);

    String name();

    /** No attack: every worker is honest. */
    Attack NONE = new Attack() {
        @Override
        public NDArray apply(NDArray momenta, int byzantine) {
            return momenta;
        }

        @Override
        public String name() {
            return "none";
        }
    };

    /** The honest rows f..n-1. */
    static NDArray honest(NDArray momenta, int byzantine) {
        return momenta.get(":, {}:, :", byzantine);
    }

    /** Rows 0..f-1 replaced by one crafted vector per run ({@code (R, d)}). */
    static NDArray withCrafted(NDArray momenta, int byzantine, NDArray crafted) {
        long r = momenta.getShape().get(0);
        long d = momenta.getShape().get(2);
        NDArray byz = crafted.expandDims(1).broadcast(r, byzantine, d);
        return byz.concat(honest(momenta, byzantine), 1);
    }
}
