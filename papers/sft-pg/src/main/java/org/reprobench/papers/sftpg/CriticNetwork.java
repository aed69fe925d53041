package org.reprobench.papers.sftpg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.SplittableRandom;

/**
 * The toy critic f (official fstar_tanh, which despite its name has no tanh): MLP 2 -> 256 -> 256
 * -> 1 with ReLU and torch's default init. No Lipschitz constraint, as in the released code.
 */
public final class CriticNetwork extends SeedBatchedNetwork {
    public static final int HIDDEN = 256;
    private final Linear l1;
    private final Linear l2;
    private final Linear l4;

    public CriticNetwork(NDManager m, SplittableRandom[] rngs) {
        super(rngs.length);
        l1 = new Linear(m, "lin1", 2, HIDDEN, rngs, false);
        l2 = new Linear(m, "lin2", HIDDEN, HIDDEN, rngs, false);
        l4 = new Linear(m, "lin4", HIDDEN, 1, rngs, false);
    }

    /** f(x): (seeds, batch, 2) -> (seeds, batch, 1). */
    public NDArray forward(NDArray x) {
        NDArray h = Activation.relu(l1.forward(x));
        h = Activation.relu(l2.forward(h));
        return l4.forward(h);
    }
}
