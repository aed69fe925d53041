package org.reprobench.papers.sftpg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.SplittableRandom;

/**
 * The toy sampler's eps-prediction network (official ConditionalModel): three ConditionalLinear
 * layers 2 -> 128 -> 128 -> 128 with softplus, then Linear 128 -> 2. About 37 k weights.
 */
public final class EpsNetwork extends SeedBatchedNetwork {
    public static final int HIDDEN = 128;
    private final ConditionalLinear l1;
    private final ConditionalLinear l2;
    private final ConditionalLinear l3;
    private final Linear l4;

    public EpsNetwork(NDManager m, int steps, SplittableRandom[] rngs) {
        super(rngs.length);
        l1 = new ConditionalLinear(m, "lin1", 2, HIDDEN, steps, rngs);
        l2 = new ConditionalLinear(m, "lin2", HIDDEN, HIDDEN, steps, rngs);
        l3 = new ConditionalLinear(m, "lin3", HIDDEN, HIDDEN, steps, rngs);
        l4 = new Linear(m, "lin4", HIDDEN, 2, rngs, false);
    }

    /** eps_theta(x, t); x is (seeds, batch, 2), the one-hot step (seeds, batch or 1, steps). */
    public NDArray forward(NDArray x, NDArray stepOneHot) {
        NDArray h = Activation.softPlus(l1.forward(x, stepOneHot));
        h = Activation.softPlus(l2.forward(h, stepOneHot));
        h = Activation.softPlus(l3.forward(h, stepOneHot));
        return l4.forward(h);
    }
}
