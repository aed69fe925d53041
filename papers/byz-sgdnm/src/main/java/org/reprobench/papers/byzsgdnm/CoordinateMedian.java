package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;

/**
 * Coordinate-wise median (CM, Yin et al. 2018): each coordinate is the median of the n received
 * values; for even n the mean of the two middle ones (as in Karimireddy et al.'s code), not the
 * lower median that {@code torch.median} returns.
 */
public final class CoordinateMedian implements Aggregator {

    @Override
    public NDArray aggregate(NDArray received) {
        NDArray clean = Aggregator.sanitize(received);
        long n = clean.getShape().get(1);
        NDArray sorted = clean.sort(1);
        if (n % 2 == 1) {
            return sorted.get(":, {}, :", n / 2);
        }
        return sorted.get(":, {}, :", n / 2 - 1).add(sorted.get(":, {}, :", n / 2)).div(2);
    }

    @Override
    public String name() {
        return "CM";
    }
}
