package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Nearest neighbour mixing (NNM, Allouah et al. 2023) in front of another aggregator: every
 * received vector is replaced by the mean of its n - f nearest received vectors (itself
 * included), then the inner rule aggregates the mixed vectors.
 */
public final class NearestNeighbourMixing implements Aggregator {
    private final int byzantine;
    private final Aggregator inner;

    public NearestNeighbourMixing(int byzantine, Aggregator inner) {
        this.byzantine = byzantine;
        this.inner = inner;
    }

    @Override
    public NDArray aggregate(NDArray received) {
        NDArray mixed = mix(Aggregator.sanitize(received));
        return inner.aggregate(mixed);
    }

    /** {@code (R, n, d)} to the mixed {@code (R, n, d)}: one batched product with a 0/1 neighbour matrix. */
    NDArray mix(NDArray x) {
        int n = (int) x.getShape().get(1);
        int keep = n - byzantine;
        NDArray dist = PairwiseDistances.squared(x);
        // Itself first whatever the rounding: its distance becomes -1.
        NDArray self = x.getManager().eye(n).toType(dist.getDataType(), false);
        NDArray nearest = dist.sub(self).argSort(2).get(":, :, 0:{}", keep); // (R, n, keep)
        NDArray weights = nearest.oneHot(n).sum(new int[] {2}).toType(x.getDataType(), false).div(keep); // (R, n, n)
        return weights.matMul(x);
    }

    @Override
    public String name() {
        return "NNM+" + inner.name();
    }
}
