package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;

/**
 * The GFS sharpness of scalar networks in closed form. Gradient flow changes every w_i^2 at the same
 * rate, d(w_i^2)/dt = -2 (pi - y) pi, so the imbalances w_i^2 - w_j^2 are conserved. From a point with
 * pi(w) > 0 the flow therefore ends at s_i^2 = w_i^2 + c (signs kept), with c fixed by prod s_i = y.
 * At that minimiser the residual is 0, the Hessian is grad pi grad pi^T and its top eigenvalue is
 * phi(w) = |grad pi(s)|^2 = y^2 sum_i 1 / s_i^2.
 *
 * <p>c is found for all rows at once by Newton's method on u = log(smallest s_i^2): with the
 * imbalances a_i = w_i^2 - min_j w_j^2 >= 0, the condition is f(u) = sum_i log(a_i + e^u) - 2 log y = 0.
 * f is convex and increasing in u with slope between 1 and D, and defined for every u, so Newton from
 * the right of the root descends to it without overshooting and needs no safeguard (c itself has a
 * pole at -min w_i^2, where Newton in c crawls).
 */
final class ScalarGfs {
    /**
     * Padding columns get this imbalance: their e^u / (a + e^u) and 1/(a + e^u) are negligible and
     * their log(a + e^u) stays finite, so the mask can zero it.
     */
    private static final double PAD = 1e200;
    private static final int MAX_ITERATIONS = 100;

    /** u = log(smallest s_i^2), c = e^u - min w_i^2 and phi, per row ([N] each). */
    record Solution(NDArray u, NDArray c, NDArray sharpness) {
    }

    private ScalarGfs() {
    }

    /**
     * Solves every row. Rows must have pi(w) > 0 (callers replace rows outside that domain by a
     * harmless placeholder). {@code warmU} (may be null) is the previous step's u: Newton then needs a
     * few iterations only.
     */
    static Solution solve(ScalarNetworks nets, NDArray w, NDArray warmU) {
        NDArray mask = nets.mask;
        NDArray w2 = w.square().mul(mask).add(mask.neg().add(1).mul(PAD));
        NDArray minW2 = w2.min(new int[] {1});
        NDArray a = w2.sub(minW2.expandDims(1));
        double logY2 = 2 * Math.log(nets.y);
        // the smallest s_i^2 is at most the geometric mean y^(2/D): start there (right of the root)
        NDArray upper = nets.depth.pow(-1).mul(logY2);
        NDArray u = warmU == null ? upper : NDArrays.minimum(warmU, upper);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            NDArray eu = u.exp().expandDims(1);
            NDArray x = a.add(eu);
            NDArray f = x.log().mul(mask).sum(new int[] {1}).sub(logY2);
            NDArray slope = eu.div(x).sum(new int[] {1});
            NDArray next = u.sub(f.div(slope));
            double move = next.sub(u).abs().max().getDouble();
            u = next;
            // |du| < 1e-15 is a relative change of 1e-15 in s_min^2: phi is then exact to rounding
            if (!(move > 1e-15)) {
                break;
            }
        }
        NDArray s2 = a.add(u.exp().expandDims(1));
        NDArray sharpness = s2.pow(-1).mul(mask).sum(new int[] {1}).mul(nets.y * nets.y);
        return new Solution(u, u.exp().sub(minW2), sharpness);
    }

    /** The gradient-flow limit S(w): s_i = sign(w_i) sqrt(w_i^2 + c), padding kept at 1. */
    static NDArray flowLimit(ScalarNetworks nets, NDArray w, NDArray c) {
        NDArray s = w.square().add(c.expandDims(1)).sqrt().mul(w.sign());
        return NDArrays.where(nets.mask.gt(0), s, w.onesLike());
    }

    /** The smallest GFS sharpness over all w: the balanced minimiser s_i^2 = y^(2/D) gives D y^(2 - 2/D). */
    static double minimalSharpness(int depth, double y) {
        return depth * Math.pow(y, 2 - 2.0 / depth);
    }

    static NDArray asDouble(NDArray b) {
        return b.toType(DataType.FLOAT64, false);
    }
}
