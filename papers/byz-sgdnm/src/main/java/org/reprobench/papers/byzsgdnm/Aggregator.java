package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * A server-side aggregation rule, vectorised over independent runs: it receives a block
 * {@code (R, n, d)} (R runs, n workers each, vectors of length d) and returns {@code (R, d)}, one
 * aggregate per run, with the same handful of tensor operations for all runs and workers.
 */
public interface Aggregator {

    /** Aggregates {@code (R, n, d)} into {@code (R, d)}. */
    NDArray aggregate(NDArray received);

    /** Short name used in tables (CM, GM, KR, CC, mean; NNM+ prefix for pre-mixing). */
    String name();

    /**
     * Replaces every received vector that holds a NaN or an infinity by the zero vector. A
     * Byzantine worker could have sent zeros anyway, so robustness is unaffected; without this
     * step a single NaN poisons distances (Krum, GM, CC) and the result. Detected through the row
     * sums (a NaN or infinity makes the sum non-finite), so the common all-finite case costs one
     * reduction; a row of finite values whose sum overflows float is zeroed too.
     */
    static NDArray sanitize(NDArray received) {
        NDArray sums = received.sum(new int[] {2}, true); // (R, n, 1)
        NDArray badRow = sums.isNaN().logicalOr(sums.isInfinite());
        if (!badRow.any().getBoolean()) {
            return received;
        }
        return NDArrays.where(badRow.broadcast(received.getShape()), received.zerosLike(), received);
    }
}
