package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Krum (KR, Blanchard et al. 2017): returns the received vector whose summed squared distance to
 * its n - f - 2 nearest other vectors is smallest. Plain Krum (one vector), as Karimireddy et al.'s
 * experiments use (m = 1); their code sums the squared distances squared again, we follow the
 * original definition.
 */
public final class Krum implements Aggregator {
    private final int byzantine;

    /** @param byzantine f, the number of Byzantine workers Krum is told to tolerate (needs n >= 2f + 3) */
    public Krum(int byzantine) {
        this.byzantine = byzantine;
    }

    @Override
    public NDArray aggregate(NDArray received) {
        NDArray x = Aggregator.sanitize(received);
        int n = (int) x.getShape().get(1);
        int neighbours = n - byzantine - 2;
        if (neighbours < 1) {
            throw new IllegalArgumentException("Krum needs n >= 2f + 3; got n = " + n + ", f = " + byzantine);
        }
        NDArray dist = PairwiseDistances.squared(x);
        // A vector is not its own neighbour: push the diagonal to the end of every sorted row.
        NDArray self = x.getManager().eye(n).toType(dist.getDataType(), false).mul(1e30);
        NDArray scores = dist.add(self).sort(2).get(":, :, 0:{}", neighbours).sum(new int[] {2}); // (R, n)
        NDArray chosen = scores.argMin(1).oneHot(n).toType(x.getDataType(), false); // (R, n)
        return chosen.expandDims(1).matMul(x).squeeze(1);
    }

    @Override
    public String name() {
        return "KR";
    }
}
