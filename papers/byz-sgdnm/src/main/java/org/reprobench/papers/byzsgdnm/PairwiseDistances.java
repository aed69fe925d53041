package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;

/** Squared Euclidean distances between the n vectors of every run, from one batched Gram product. */
final class PairwiseDistances {
    private PairwiseDistances() {
    }

    /**
     * {@code (R, n, d)} to {@code (R, n, n)} squared distances ||a||^2 + ||b||^2 - 2 a.b, so that
     * nothing of size n^2 d is materialised; clamped at 0 against rounding. Computed in the input's
     * precision: in float32 the cancellation error is about 1e-7 ||a||^2, far below the distances
     * Krum and NNM compare here, and a float64 copy of every round's (R, n, d) block cost more
     * than the rest of the aggregation.
     */
    static NDArray squared(NDArray x) {
        NDArray gram = x.matMul(x.transpose(0, 2, 1)); // (R, n, n)
        NDArray sq = gram.diagonal(0, 1, 2); // (R, n)
        return sq.expandDims(2).add(sq.expandDims(1)).sub(gram.mul(2)).maximum(0);
    }
}
