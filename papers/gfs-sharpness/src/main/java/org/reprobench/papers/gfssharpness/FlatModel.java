package org.reprobench.papers.gfssharpness;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * A model whose parameters are one flat row per network: [K, P] in, the K training losses out. K
 * independent networks (seeds, checkpoints) are then one autograd graph, and since the summed loss
 * separates over rows, one backward pass gives every network its own gradient and one double backward
 * every network its own Hessian-vector product.
 *
 * <p>Memory: an op's result belongs to the manager of its first operand, so a forward pass that starts
 * from the long-lived data would leave its intermediates there. Every method below therefore runs in
 * an {@link NDScope}, which closes everything created inside except the returned arrays.
 */
interface FlatModel {

    /** The training loss of every row: [K]. */
    NDArray loss(NDArray theta);

    /** dL/dtheta per row by autograd: [K, P]. */
    default NDArray gradient(NDArray theta) {
        Autograd.recordingOff();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray leaf = theta.duplicate();
            leaf.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss(leaf).sum());
            }
            NDArray g = leaf.getGradient().duplicate();
            NDScope.unregister(g);
            return g;
        }
    }

    /**
     * The Hessian-vector product H(theta) v per row by double backward: a first backward pass with
     * create_graph keeps the gradient g(theta) differentiable, a second one differentiates
     * sum_k <g_k, v_k>. The second pass adds H v onto the leaf's gradient, so g is copied first and
     * subtracted after.
     *
     * <p>Known leak: backward with create_graph makes a reference cycle leaf -> grad -> graph -> leaf that
     * only setting the leaf's grad to None breaks, and DJL 0.36 offers no way to do that (its zeroGrad
     * zeroes in place). Each call therefore leaves the leaf, its gradient and the graph's node objects
     * in native memory, about 90 KB per row for the small network; the experiments keep the number
     * of calls bounded (a few thousand row-calls per run).
     */
    default NDArray hessianVectorProduct(NDArray theta, NDArray v) {
        Autograd.recordingOff();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray leaf = theta.duplicate();
            leaf.setRequiresGradient(true);
            NDArray gValue;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray total = loss(leaf).sum();
                JniUtils.backward((PtNDArray) total, (PtNDArray) total.onesLike(), true, true);
                NDArray g = leaf.getGradient();
                gValue = g.duplicate();
                gc.backward(g.mul(v).sum());
            }
            // outside the collector nothing is recorded: a plain difference of values
            NDArray hv = leaf.getGradient().sub(gValue);
            NDScope.unregister(hv);
            return hv;
        }
    }

    /**
     * The largest Hessian eigenvalue per row by power iteration on Hessian-vector products, from
     * {@code warm} ([K, P], e.g. the eigenvector at a nearby point) or, when null, a fixed generic start.
     * Near a minimum the Hessian is close to positive semi-definite, so the eigenvalue largest in
     * magnitude is the largest. The iteration count is fixed so that a row's value does not depend on
     * the other rows.
     */
    default PowerIteration topEigenvalue(NDArray theta, int iterations, NDArray warm) {
        long k = theta.getShape().get(0);
        long p = theta.getShape().get(1);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray v;
            if (warm == null) {
                double[] start = new double[(int) p];
                java.util.SplittableRandom r = new java.util.SplittableRandom(20230522L);
                for (int i = 0; i < p; i++) {
                    start[i] = r.nextDouble() - 0.5;
                }
                v = theta.getManager().create(start, new Shape(1, p)).repeat(0, k);
            } else {
                v = warm;
            }
            v = v.div(v.norm(new int[] {1}, true));
            NDArray lambda = null;
            NDArray previous = null;
            for (int it = 0; it < iterations; it++) {
                NDArray hv = hessianVectorProduct(theta, v);
                previous = lambda;
                lambda = hv.mul(v).sum(new int[] {1});
                v = hv.div(hv.norm(new int[] {1}, true));
            }
            NDArray change = previous == null ? lambda.zerosLike() : lambda.sub(previous).abs().div(lambda.abs());
            NDScope.unregister(lambda, change, v);
            return new PowerIteration(lambda, change, v);
        }
    }

    /** Power iteration's estimate, its relative change in the last iteration (a convergence gauge), the unit vector. */
    record PowerIteration(NDArray value, NDArray lastRelativeChange, NDArray vector) {
    }
}
