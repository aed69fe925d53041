package org.reprobench.papers.quantumtunnelingwalk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;

/** The landscapes the SGD chains run on, as batched NDArray expressions (see {@link LangevinChains}). */
public final class ChainLandscapes {
    private ChainLandscapes() {
    }

    /** The paper's 1-D three-well landscape; box [0, L], target x >= L - 2a. State [m, 1]. */
    public record PaperWells(DoubleWellLandscape land) implements LangevinChains.Dynamics {
        @Override
        public NDArray gradient(NDArray x, NDArray params) {
            double period = land.period();
            NDArray j = x.div(period).floor().clip(0, land.wells() - 1);
            NDArray u = x.sub(j.mul(period));
            NDArray inWell = j.eq(land.wells() - 1).logicalOr(u.lt(2 * land.a()));
            NDArray wellGrad = u.sub(land.a()).mul(land.k());
            NDArray y = u.sub(period - land.b());
            double s2 = land.sigma() * land.sigma();
            NDArray barrierGrad = y.mul(-2 * land.amplitude() / s2).mul(y.square().div(-s2).exp());
            return NDArrays.where(inWell, wellGrad, barrierGrad);
        }

        @Override
        public NDArray inDomain(NDArray proposal, NDArray params) {
            NDArray p = proposal.reshape(-1);
            return p.gte(0).logicalAnd(p.lte(land.length()));
        }

        @Override
        public NDArray inTarget(NDArray x, NDArray params) {
            return x.reshape(-1).gte(land.targetStart());
        }
    }

    /**
     * A symmetric quartic double well f = dH ((x/w)^2 - 1)^2, one (dH, w) per chain in params [m, 2];
     * box [-2w, 2w], start at the left minimum -w, target x >= w (the other minimum).
     */
    public record QuarticWells() implements LangevinChains.Dynamics {
        @Override
        public NDArray gradient(NDArray x, NDArray params) {
            NDArray dh = params.get(new NDIndex(":, 0:1"));
            NDArray w = params.get(new NDIndex(":, 1:2"));
            NDArray r = x.div(w);
            return r.mul(r.square().sub(1)).mul(dh).mul(4).div(w);
        }

        @Override
        public NDArray inDomain(NDArray proposal, NDArray params) {
            NDArray w = params.get(new NDIndex(":, 1:2"));
            return proposal.abs().lte(w.mul(2)).reshape(-1);
        }

        @Override
        public NDArray inTarget(NDArray x, NDArray params) {
            NDArray w = params.get(new NDIndex(":, 1:2"));
            return x.gte(w).reshape(-1);
        }
    }

    /**
     * The code's 2-D SGD landscape: harmonic disks of radius a around (0,0) and (2b,0), zero gradient
     * elsewhere (the plateau and the channel are flat); proposals outside the disk of radius 4 sqrt(2) a
     * are rejected; target the disk around (2b, 0). State [m, 2].
     */
    public record PlaneWells(double a, double omega, double b) implements LangevinChains.Dynamics {
        @Override
        public NDArray gradient(NDArray x, NDArray params) {
            NDArray shifted = x.sub(x.getManager().create(new double[] {2 * b, 0}).reshape(1, 2));
            NDArray inLeft = x.square().sum(new int[] {1}, true).lte(a * a);
            NDArray inRight = shifted.square().sum(new int[] {1}, true).lte(a * a);
            NDArray zero = x.zerosLike();
            NDArray g = NDArrays.where(inLeft.broadcast(x.getShape()), x.mul(omega * omega), zero);
            return NDArrays.where(inRight.broadcast(x.getShape()), shifted.mul(omega * omega), g);
        }

        @Override
        public NDArray inDomain(NDArray proposal, NDArray params) {
            return proposal.square().sum(new int[] {1}).lt(32 * a * a);
        }

        @Override
        public NDArray inTarget(NDArray x, NDArray params) {
            NDArray shifted = x.sub(x.getManager().create(new double[] {2 * b, 0}).reshape(1, 2));
            return shifted.square().sum(new int[] {1}).lte(a * a);
        }
    }

    /**
     * The code's Test 3 in R^d: gradient omega^2 x inside the ball |x| <= a, zero outside; proposals
     * with |x'| > 4 sqrt(2) a rejected; escape when |x_1| > a/2. Chains of smaller d are padded with
     * zero coordinates that never move (their noise is masked), so all d share one batch.
     */
    public record BallEscape(double a, double omega) implements LangevinChains.Dynamics {
        @Override
        public NDArray gradient(NDArray x, NDArray params) {
            NDArray inside = x.square().sum(new int[] {1}, true).lte(a * a);
            return NDArrays.where(inside.broadcast(x.getShape()), x.mul(omega * omega), x.zerosLike());
        }

        @Override
        public NDArray inDomain(NDArray proposal, NDArray params) {
            return proposal.square().sum(new int[] {1}).lte(32 * a * a);
        }

        @Override
        public NDArray inTarget(NDArray x, NDArray params) {
            return x.get(new NDIndex(":, 0")).abs().gt(a / 2);
        }
    }
}
