package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;

/** The plain mean: what SGD without a robust aggregator does; the reference that breaks. */
public final class MeanAggregator implements Aggregator {

    @Override
    public NDArray aggregate(NDArray received) {
        return received.mean(new int[] {1});
    }

    @Override
    public String name() {
        return "mean";
    }
}
