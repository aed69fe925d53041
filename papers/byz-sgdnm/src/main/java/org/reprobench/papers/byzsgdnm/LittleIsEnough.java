package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * ALIE, "A little is enough" (Baruch et al. 2019): every Byzantine worker sends
 * mean - z * std of the honest momenta, per coordinate (std with n - f - 1 in the denominator, as
 * {@code torch.std}). The paper does not give z; we use Karimireddy et al.'s rule
 * z = Phi^-1((n - f - s) / (n - f)) with s = floor(n/2 + 1) - f, which gives 0.2533 for n = 8, f = 3.
 */
public final class LittleIsEnough implements Attack {
    private final double z;

    public LittleIsEnough(double z) {
        this.z = z;
    }

    /** The attack with z from {@link #zMax}. */
    public static LittleIsEnough forWorkers(NDManager manager, int workers, int byzantine) {
        return new LittleIsEnough(zMax(manager, workers, byzantine));
    }

    /** z = Phi^-1((n - f - s) / (n - f)), s = floor(n/2 + 1) - f; Phi^-1(p) = sqrt(2) erfinv(2p - 1). */
    public static double zMax(NDManager manager, int workers, int byzantine) {
        double s = Math.floor(workers / 2.0 + 1) - byzantine;
        double p = (workers - byzantine - s) / (workers - byzantine);
        try (NDArray q = manager.create(2 * p - 1).toType(DataType.FLOAT64, false); NDArray e = q.erfinv()) {
            return Math.sqrt(2) * e.getDouble();
        }
    }

    public double z() {
        return z;
    }

    @Override
    public NDArray apply(NDArray momenta, int byzantine) {
        if (byzantine == 0) {
            return momenta;
        }
        NDArray h = Attack.honest(momenta, byzantine);
        long nh = h.getShape().get(1);
        NDArray mu = h.mean(new int[] {1});
        NDArray std = h.sub(mu.expandDims(1)).pow(2).sum(new int[] {1}).div(nh - 1).sqrt();
        return Attack.withCrafted(momenta, byzantine, mu.sub(std.mul(z)));
    }

    @Override
    public String name() {
        return "ALIE";
    }
}
