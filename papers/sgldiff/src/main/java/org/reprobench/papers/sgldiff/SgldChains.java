package org.reprobench.papers.sgldiff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * SGLD and the unadjusted Langevin algorithm (ULA) on the 1-D two-subset toy Phi_{1,2} = (x -+ 1)^2 / 2
 * (posterior N(0, 1)), many chains and several step sizes per tensor (one row per step size).
 *
 * <p>SGLD with step h, x <- x - h (x - m_I) + sqrt(2h) xi with a fresh index I every step, is linear,
 * so its state splits exactly into a Gaussian part G (ULA with the full gradient, driven by xi) and an
 * independent index part D <- (1 - h) D + h (m_I - mbar). Var(G) - 1 is the discretisation error and
 * Var(D) the subsampling error; both are sampled here, the cross term (zero in law) is not.
 */
public final class SgldChains {
    /** Per step size: the sample variance of G, of D, and of the SGLD state G + D. */
    public record Variances(double[] ula, double[] indexPart, double[] sgld) {
    }

    private SgldChains() {
    }

    public static Variances run(NDManager parent, double[] stepSizes, int chains, int steps, Runnable onStep) {
        int rows = stepSizes.length;
        try (NDManager manager = parent.newSubManager()) {
            NDArray h = manager.create(stepSizes).reshape(rows, 1);
            NDArray keep = h.neg().add(1);
            NDArray noise = h.mul(2).sqrt();
            NDArray g = manager.zeros(new Shape(rows, chains), DataType.FLOAT64);
            NDArray d = manager.zeros(new Shape(rows, chains), DataType.FLOAT64);
            for (int s = 0; s < steps; s++) {
                try (NDManager step = manager.newSubManager()) {
                    for (NDArray a : new NDArray[] {h, keep, noise, g, d}) {
                        a.tempAttach(step);
                    }
                    NDArray xi = step.randomNormal(0f, 1f, new Shape(rows, chains), DataType.FLOAT32).toType(DataType.FLOAT64, false);
                    NDArray sign = step.randomInteger(0, 2, new Shape(rows, chains), DataType.INT64)
                            .toType(DataType.FLOAT64, false).mul(2).sub(1);
                    NDArray nextG = g.mul(keep).add(xi.mul(noise));
                    NDArray nextD = d.mul(keep).add(sign.mul(h));
                    nextG.attach(manager);
                    nextD.attach(manager);
                    g.close();
                    d.close();
                    g = nextG;
                    d = nextD;
                }
                if (onStep != null) {
                    onStep.run();
                }
            }
            return new Variances(variances(g), variances(d), variances(g.add(d)));
        }
    }

    /** Sample variance of each row. */
    static double[] variances(NDArray rows) {
        NDArray centred = rows.sub(rows.mean(new int[] {1}, true));
        return centred.square().mean(new int[] {1}).toDoubleArray();
    }
}
