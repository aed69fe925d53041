package org.reprobench.papers.sftpg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.SplittableRandom;

/**
 * The toy baseline v(x_t, t) (official value): ConditionalLinear 2 -> 256 -> 256 -> 1 with ReLU.
 * Its step input is the rollout index (0 for x_T), not the diffusion index.
 */
public final class ValueNetwork extends SeedBatchedNetwork {
    public static final int HIDDEN = 256;
    private final ConditionalLinear l1;
    private final ConditionalLinear l2;
    private final ConditionalLinear l4;

    public ValueNetwork(NDManager m, int steps, SplittableRandom[] rngs) {
        super(rngs.length);
        l1 = new ConditionalLinear(m, "lin1", 2, HIDDEN, steps, rngs);
        l2 = new ConditionalLinear(m, "lin2", HIDDEN, HIDDEN, steps, rngs);
        l4 = new ConditionalLinear(m, "lin4", HIDDEN, 1, steps, rngs);
    }

    public NDArray forward(NDArray x, NDArray stepOneHot) {
        NDArray h = Activation.relu(l1.forward(x, stepOneHot));
        h = Activation.relu(l2.forward(h, stepOneHot));
        return l4.forward(h, stepOneHot);
    }
}
