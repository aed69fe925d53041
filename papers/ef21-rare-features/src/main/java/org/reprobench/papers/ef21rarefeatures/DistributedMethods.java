package org.reprobench.papers.ef21rarefeatures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.IntConsumer;

/**
 * EF21 with Top1 and distributed GD on a {@link ClientBatch}: every round is a handful of tensor
 * ops over all problems and clients at once; per-problem step sizes let one batch run several
 * methods side by side.
 */
final class DistributedMethods {
    private DistributedMethods() {
    }

    /** Step sizes per problem, possibly adapted every round (the official code's LIBSVM rule). */
    interface StepRule {
        /**
         * @param round          the round about to step
         * @param concentration  per problem, C = ||sum_i e_i||^2 / sum_i ||e_i||^2 of the previous round's
         *                       EF errors e_i = g_i - grad f_i (NaN in round 0); only computed when {@link #adaptive()}
         */
        double[] gammas(int round, double[] concentration);

        default boolean adaptive() {
            return false;
        }

        static StepRule fixed(double[] gammas) {
            return (round, concentration) -> gammas;
        }
    }

    /**
     * What one batched run measured, per problem k.
     *
     * @param gradNormSq        gradNormSq[k][t] = ||grad f(x^t)||^2 for t = 0..rounds
     * @param initialShiftError G^0 = (1/n) sum_i ||g_i^0 - grad f_i(x^0)||^2 (EF21 only, else 0)
     */
    record Run(double[][] gradNormSq, double[] initialShiftError) {
    }

    /**
     * EF21 with Top1 (lowest index on ties): in round t+1 every client sends
     * c_i = Top1(grad f_i(x^t) - g_i^t) and sets g_i^{t+1} = g_i^t + c_i; the server steps
     * x^{t+1} = x^t - gamma g^{t+1} with g = mean_i g_i. Starting from g_i = 0 makes the first message
     * Top1(grad f_i(x^0)), i.e. EF21's usual start g_i^0 = C(grad f_i(x^0)); after t rounds each
     * client has sent t Top1 messages and the iterate is x^t.
     */
    static Run ef21Top1(ClientBatch batch, double[] start, StepRule rule, int rounds, NDManager parent, IntConsumer onRound) {
        int bn = batch.batch * batch.n;
        try (NDManager state = parent.newSubManager()) {
            NDArray x = state.create(start, new Shape(batch.batch, batch.d));
            NDArray shifts = state.zeros(new Shape(bn, batch.d), DataType.FLOAT64);
            double[][] norms = new double[batch.batch][rounds + 1];
            double[] initialError = new double[batch.batch];
            double[] concentration = new double[batch.batch];
            java.util.Arrays.fill(concentration, Double.NaN);
            NDArray steps = state.create(rule.gammas(0, concentration), new Shape(batch.batch, 1));
            for (int t = 0; t <= rounds; t++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray grads = batch.clientGradients(x);
                    record(norms, t, batch.clientMean(grads));
                    if (t == rounds) {
                        break;
                    }
                    NDArray diff = grads.sub(shifts);
                    shifts.addi(top1(diff));
                    if (t == 0) {
                        initialError = shifts.sub(grads).square().sum(new int[] {1}).reshape(batch.batch, batch.n)
                                .mean(new int[] {1}).toDoubleArray();
                    }
                    NDArray stepNow = rule.adaptive() && t > 0
                            ? state.create(rule.gammas(t, concentration), new Shape(batch.batch, 1)) // closed with the scope
                            : steps;
                    x.subi(batch.clientMean(shifts).muli(stepNow));
                    if (rule.adaptive()) {
                        NDArray errors = shifts.sub(grads).reshape(batch.batch, batch.n, batch.d);
                        double[] num = errors.sum(new int[] {1}).square().sum(new int[] {1}).toDoubleArray();
                        double[] den = errors.square().sum(new int[] {1, 2}).toDoubleArray();
                        for (int k = 0; k < batch.batch; k++) {
                            concentration[k] = den[k] > 0 ? num[k] / den[k] : batch.n;
                        }
                    }
                }
                onRound.accept(t);
            }
            return new Run(norms, initialError);
        }
    }

    /** Distributed GD: every client sends grad f_i(x^t); x^{t+1} = x^t - gamma grad f(x^t). */
    static Run gradientDescent(ClientBatch batch, double[] start, double[] gammas, int rounds, NDManager parent, IntConsumer onRound) {
        try (NDManager state = parent.newSubManager()) {
            NDArray x = state.create(start, new Shape(batch.batch, batch.d));
            NDArray steps = state.create(gammas, new Shape(batch.batch, 1));
            double[][] norms = new double[batch.batch][rounds + 1];
            for (int t = 0; t <= rounds; t++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray grad = batch.clientMean(batch.clientGradients(x));
                    record(norms, t, grad);
                    if (t == rounds) {
                        break;
                    }
                    x.subi(grad.muli(steps));
                }
                onRound.accept(t);
            }
            return new Run(norms, new double[batch.batch]);
        }
    }

    /** Row-wise Top1: keeps the largest-magnitude entry of each row (the lowest index on ties), zeros the rest. */
    static NDArray top1(NDArray rows) {
        return rows.abs().argMax(1).oneHot((int) rows.getShape().get(1), DataType.FLOAT64).muli(rows);
    }

    private static void record(double[][] norms, int t, NDArray fullGradient) {
        double[] norm = fullGradient.norm(new int[] {1}).toDoubleArray(); // one op instead of square + sum
        for (int k = 0; k < norm.length; k++) {
            norms[k][t] = norm[k] * norm[k];
        }
    }
}
