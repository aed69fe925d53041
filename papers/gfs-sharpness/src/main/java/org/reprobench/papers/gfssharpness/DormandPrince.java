package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDScope;
import java.util.function.UnaryOperator;

/**
 * Gradient flow (or any ODE y' = F(y)) integrated by the adaptive Dormand-Prince 5(4) pair, many
 * independent problems at once: the state is [N, P], one problem per row, each with its own step size,
 * accepted or rejected on its own error estimate, and frozen once its stopping test holds. A frozen or
 * rejected row does not move, so a row's result does not depend on the other rows.
 */
final class DormandPrince {

    /** Where every row ended, and the work it took (the largest over rows). */
    record Result(NDArray y, NDArray finished, int attempts, int maxAccepted) {
    }

    private static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
    };
    /** Fifth-order weights minus the embedded fourth-order ones: the local error estimate. */
    private static final double[] E = {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40};

    private DormandPrince() {
    }

    /**
     * Integrates every row from {@code y0} until {@code stop} holds for it (a [N] boolean) or
     * {@code maxAttempts} steps were tried.
     *
     * @param field  y -> F(y), [N, P] to [N, P]
     * @param h0     first step size per row ([N])
     * @param rtol   relative tolerance per component
     * @param atol   absolute tolerance per component
     * @param onStep called after every attempted step (progress, deadline)
     */
    static Result integrate(UnaryOperator<NDArray> field, NDArray y0, NDArray h0, double rtol, double atol,
                            UnaryOperator<NDArray> stop, int maxAttempts, Runnable onStep) {
        NDArray y = y0.duplicate();
        NDArray h = h0.duplicate();
        NDArray k1 = field.apply(y);
        NDArray done = stop.apply(y);
        NDArray accepted = h.zerosLike();
        int attempts = 0;
        while (attempts < maxAttempts && !done.all().getBoolean()) {
            attempts++;
            NDArray[] next;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray hc = h.expandDims(1);
                NDArray[] k = new NDArray[7];
                k[0] = k1;
                NDArray yNew = null;
                for (int s = 1; s < 7; s++) {
                    NDArray incr = null;
                    for (int j = 0; j < s; j++) {
                        if (A[s][j] != 0) {
                            NDArray term = k[j].mul(A[s][j]);
                            incr = incr == null ? term : incr.add(term);
                        }
                    }
                    NDArray ys = y.add(incr.mul(hc));
                    if (s == 6) {
                        yNew = ys;
                    }
                    k[s] = field.apply(ys);
                }
                NDArray err = null;
                for (int j = 0; j < 7; j++) {
                    if (E[j] != 0) {
                        NDArray term = k[j].mul(E[j]);
                        err = err == null ? term : err.add(term);
                    }
                }
                NDArray scale = NDArrays.maximum(y.abs(), yNew.abs()).mul(rtol).add(atol);
                NDArray errNorm = err.mul(hc).div(scale).square().mean(new int[] {1}).sqrt();
                NDArray accept = errNorm.lte(1).logicalAnd(done.logicalNot());
                NDArray acceptCol = accept.expandDims(1).broadcast(y.getShape());
                NDArray factor = NDArrays.minimum(NDArrays.maximum(errNorm.pow(-0.2).mul(0.9), h.zerosLike().add(0.2)),
                        h.zerosLike().add(5.0));
                // errNorm = 0 gives an infinite factor, which the minimum caps at 5
                NDArray yNext = NDArrays.where(acceptCol, yNew, y);
                NDArray k1Next = NDArrays.where(acceptCol, k[6], k1);
                NDArray hNext = NDArrays.where(done, h, h.mul(factor));
                NDArray doneNext = done.logicalOr(stop.apply(yNext));
                NDArray acceptedNext = accepted.add(ScalarGfs.asDouble(accept));
                next = new NDArray[] {yNext, k1Next, hNext, doneNext, acceptedNext};
                NDScope.unregister(next);
            }
            for (NDArray old : new NDArray[] {y, k1, h, done, accepted}) {
                old.close();
            }
            y = next[0];
            k1 = next[1];
            h = next[2];
            done = next[3];
            accepted = next[4];
            onStep.run();
        }
        int maxAccepted = (int) accepted.max().getDouble();
        return new Result(y, done, attempts, maxAccepted);
    }
}
