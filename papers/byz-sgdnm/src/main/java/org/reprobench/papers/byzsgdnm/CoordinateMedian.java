package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Coordinate-wise median (CM, Yin et al. 2018): each coordinate is the median of the n received
 * values; for even n the mean of the two middle ones (as in Karimireddy et al.'s code), not the
 * lower median that {@code torch.median} returns. Computed with a sorting network of element-wise
 * minima and maxima over the n vectors, each operation covering all runs and coordinates.
 */
public final class CoordinateMedian implements Aggregator {

    @Override
    public NDArray aggregate(NDArray received) {
        NDArray clean = Aggregator.sanitize(received);
        int n = (int) clean.getShape().get(1);
        int lo = (n - 1) / 2;
        int hi = n / 2;
        NDArray[] x = new NDArray[n];
        for (int k = 0; k < n; k++) {
            x[k] = clean.get(":, {}, :", k);
        }
        List<int[]> network = SortingNetwork.comparatorsFor(n, lo, hi);
        for (int[] c : network) {
            NDArray a = x[c[0]];
            NDArray b = x[c[1]];
            x[c[0]] = a.minimum(b);
            x[c[1]] = a.maximum(b);
        }
        return lo == hi ? x[lo] : x[lo].add(x[hi]).div(2);
    }

    @Override
    public String name() {
        return "CM";
    }
}
