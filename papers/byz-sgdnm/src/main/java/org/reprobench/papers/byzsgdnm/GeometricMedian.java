package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;

/**
 * Geometric median (GM, Chen et al. 2017) approximated as in RFA (Pillutla et al.) and
 * Karimireddy et al.'s code: {@code iterations} smoothed Weiszfeld steps from the zero vector,
 * z <- sum_k w_k x_k / sum_k w_k with w_k = 1 / max(||x_k - z||, nu).
 */
public final class GeometricMedian implements Aggregator {
    private final int iterations;
    private final double nu;

    public GeometricMedian(int iterations, double nu) {
        this.iterations = iterations;
        this.nu = nu;
    }

    @Override
    public NDArray aggregate(NDArray received) {
        NDArray x = Aggregator.sanitize(received); // (R, n, d)
        long r = x.getShape().get(0);
        long d = x.getShape().get(2);
        NDArray z = x.getManager().zeros(new ai.djl.ndarray.types.Shape(r, 1, d), x.getDataType());
        for (int t = 0; t < iterations; t++) {
            NDArray dist = x.sub(z).norm(new int[] {2}); // (R, n)
            NDArray w = dist.maximum(nu).pow(-1); // (R, n)
            z = w.expandDims(1).matMul(x).div(w.sum(new int[] {1}, true).expandDims(2)); // (R, 1, d)
        }
        return z.squeeze(1);
    }

    @Override
    public String name() {
        return "GM";
    }

    @Override
    public String toString() {
        return "GM(smoothed Weiszfeld, T=" + iterations + ", nu=" + nu + ")";
    }
}
