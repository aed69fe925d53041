package org.reprobench.papers.sftpg;

import ai.djl.ndarray.NDArray;

/** Reductions that keep the leading seed axis (DJL's PyTorch mean takes one axis at a time). */
final class PerSeed {
    private PerSeed() {
    }

    /** Mean over every axis but the first: (seeds, ...) -> (seeds). */
    static NDArray mean(NDArray x) {
        return x.reshape(x.getShape().get(0), -1).mean(new int[] {1});
    }
}
