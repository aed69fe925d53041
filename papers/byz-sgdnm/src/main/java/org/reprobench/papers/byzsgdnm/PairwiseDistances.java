package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Squared Euclidean distances between the n vectors of every run, from one batched Gram product. */
final class PairwiseDistances {
    private PairwiseDistances() {
    }

    /**
     * {@code (R, n, d)} to {@code (R, n, n)} squared distances, computed in float64 as
     * ||a||^2 + ||b||^2 - 2 a.b so that nothing of size n^2 d is materialised; clamped at 0
     * against rounding.
     */
    static NDArray squared(NDArray x) {
        NDArray x64 = x.toType(DataType.FLOAT64, false);
        NDArray gram = x64.matMul(x64.transpose(0, 2, 1)); // (R, n, n)
        NDArray sq = x64.mul(x64).sum(new int[] {2}); // (R, n)
        return sq.expandDims(2).add(sq.expandDims(1)).sub(gram.mul(2)).maximum(0);
    }
}
