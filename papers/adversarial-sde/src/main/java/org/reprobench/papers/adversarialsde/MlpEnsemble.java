package org.reprobench.papers.adversarialsde;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * M independent two-layer tanh networks f_m(x) = w2_m . tanh(W1_m x + b1_m) + b2_m on inputs in
 * R^2, trained with the logistic loss l = softplus(-y f), y in {-1, +1}. The parameters of all M
 * networks are stacked along a leading axis (W1: [M, 2, H], b1: [M, 1, H], w2: [M, H, 1],
 * b2: [M, 1, 1]) and inputs come as [M, B, 2], so one batched matmul serves every network:
 * seeds and training radii are trained side by side. The loss is smooth (tanh, softplus), as
 * the drift expansion of claim 2 needs.
 */
public final class MlpEnsemble implements AutoCloseable {
    private final NDManager own;
    private final int models;
    private final int hidden;
    private final NDArray w1;
    private final NDArray b1;
    private final NDArray w2;
    private final NDArray b2;
    // scalars kept as arrays of the parameters' type: an op with a Java number creates (and
    // casts) a fresh scalar every call, which costs more than the op itself at these sizes
    private final NDArray tiny;
    private NDArray lrArray;
    private double lrValue = Double.NaN;

    /**
     * @param init one flat array per network: W1 (2 x H, row-major), b1 (H), w2 (H), b2 (1)
     */
    public MlpEnsemble(NDManager parent, int hidden, double[][] init, DataType type) {
        this.own = parent.newSubManager();
        this.models = init.length;
        this.hidden = hidden;
        int n = 2 * hidden + hidden + hidden + 1;
        double[] a = new double[models * 2 * hidden];
        double[] c = new double[models * hidden];
        double[] d = new double[models * hidden];
        double[] e = new double[models];
        for (int m = 0; m < models; m++) {
            if (init[m].length != n) {
                throw new IllegalArgumentException("network " + m + " has " + init[m].length + " parameters, expected " + n);
            }
            System.arraycopy(init[m], 0, a, m * 2 * hidden, 2 * hidden);
            System.arraycopy(init[m], 2 * hidden, c, m * hidden, hidden);
            System.arraycopy(init[m], 3 * hidden, d, m * hidden, hidden);
            e[m] = init[m][4 * hidden];
        }
        w1 = own.create(a, new Shape(models, 2, hidden)).toType(type, false);
        b1 = own.create(c, new Shape(models, 1, hidden)).toType(type, false);
        w2 = own.create(d, new Shape(models, hidden, 1)).toType(type, false);
        b2 = own.create(e, new Shape(models, 1, 1)).toType(type, false);
        tiny = own.create(1e-12).toType(type, false);
        for (NDArray p : parameters()) {
            p.setRequiresGradient(true);
        }
        gradientRecordingOff();
    }

    private NDArray learningRate(double lr) {
        if (lr != lrValue) {
            if (lrArray != null) {
                lrArray.close();
            }
            lrArray = own.create(lr).toType(w1.getDataType(), false);
            lrValue = lr;
        }
        return lrArray;
    }

    /** A standard initialisation: W1 ~ N(0, 1), w2 ~ N(0, 1/H), biases 0. */
    public static double[] initialParameters(int hidden, SplittableRandom rng) {
        double[] p = new double[4 * hidden + 1];
        for (int i = 0; i < 2 * hidden; i++) {
            p[i] = TwoMoons.gaussian(rng);
        }
        for (int i = 0; i < hidden; i++) {
            p[3 * hidden + i] = TwoMoons.gaussian(rng) / Math.sqrt(hidden);
        }
        return p;
    }

    public int models() {
        return models;
    }

    public int hidden() {
        return hidden;
    }

    public List<NDArray> parameters() {
        return List.of(w1, b1, w2, b2);
    }

    /** f(x) for inputs [M, B, 2]: [M, B]. */
    public NDArray logits(NDArray x) {
        return x.matMul(w1).addi(b1).tanh().matMul(w2).addi(b2).squeeze(2);
    }

    /** Per-example logistic losses softplus(-y f) (PyTorch's softplus, overflow-free), [M, B]. */
    public NDArray losses(NDArray x, NDArray y) {
        return Activation.softPlus(logits(x).mul(y).neg());
    }

    /** Per-example input gradients dl_i/dx_i, [M, B, 2] (in x's manager; parameter gradients are left dirty). */
    public NDArray inputGradients(NDArray x, NDArray y) {
        NDArray leaf = x.duplicate();
        leaf.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(losses(leaf, y).sum());
        }
        return leaf.getGradient();
    }

    /** The l2 adversary of adversarial training: delta = eps g / |g| per example, eps broadcast from [M, 1, 1]. */
    public NDArray l2Perturbation(NDArray x, NDArray y, NDArray eps) {
        NDArray g = inputGradients(x, y);
        return g.div(g.norm(new int[] {2}, true).addi(tiny)).muli(eps);
    }

    /** One step of adversarial training: attack each example at the current parameters, then an SGD step on the attacked batch. */
    public void adversarialStep(NDArray x, NDArray y, NDArray eps, double learningRate) {
        try (NDManager sub = own.newSubManager()) {
            NDArray xs = x.duplicate();
            xs.attach(sub);
            NDArray xAdv = xs.add(l2Perturbation(xs, y, eps));
            sgdStep(xAdv, y, learningRate);
        }
    }

    /** One SGD step on the mean loss over each network's batch. */
    public void sgdStep(NDArray x, NDArray y, double learningRate) {
        backwardMeanLoss(x, y);
        gradientRecordingOff();
        try (NDManager sub = own.newSubManager()) {
            for (NDArray p : parameters()) {
                NDArray g = p.getGradient();
                g.attach(sub);
                p.subi(g.muli(learningRate(learningRate)));
            }
        }
    }

    /** Leaves the gradient of sum_m mean_b l_mb in the parameters (each network's own slice). */
    private void backwardMeanLoss(NDArray x, NDArray y) {
        zeroGradients();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(losses(x, y).mean(new int[] {1}).sum());
        }
    }

    /**
     * PyTorch's grad mode is per thread and on by default. DJL switches it off when the engine
     * loads, on that thread only; the harness runs each claim on a thread of its own, where an
     * in-place update of a parameter would otherwise be refused (and every op outside a gradient
     * collector recorded). A GradientCollector switches it on while open and restores it after.
     */
    static void gradientRecordingOff() {
        JniUtils.setGradMode(false);
    }

    /** Gradients accumulate over backward passes (the attack's included); clear them before a parameter update. */
    public void zeroGradients() {
        try (NDManager sub = own.newSubManager()) {
            for (NDArray p : parameters()) {
                if (p.hasGradient()) {
                    NDArray g = p.getGradient();
                    g.attach(sub);
                    g.subi(g);
                }
            }
        }
    }

    /** The gradient of the mean batch loss with respect to (W1, b1, w2, b2), copied into {@code into}. */
    public NDArray[] parameterGradients(NDArray x, NDArray y, NDManager into) {
        backwardMeanLoss(x, y);
        return copyGradients(into);
    }

    /**
     * The gradient with respect to the parameters of the input-gradient regulariser
     * mean_b N(dl_b/dx_b), N applied per example ([M, B, 2] to [M, B]). This is a second-order
     * gradient: a first backward pass with create_graph keeps dl/dx differentiable in the
     * parameters, a second pass differentiates N of it. The first pass also deposits
     * sum_b dl_b/dtheta in the parameters; it is measured separately and subtracted.
     */
    public NDArray[] regulariserGradients(NDArray x, NDArray y, UnaryOperator<NDArray> perExampleNorm, NDManager into) {
        NDArray[] lossPart = parameterGradients(x, y, into);
        int batch = (int) x.getShape().get(1);
        zeroGradients();
        try (NDManager sub = own.newSubManager()) {
            NDArray leaf = x.duplicate();
            leaf.attach(sub);
            leaf.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray total = losses(leaf, y).sum();
                JniUtils.backward((PtNDArray) total, (PtNDArray) total.onesLike(), true, true);
                NDArray inputGradient = leaf.getGradient();
                gc.backward(perExampleNorm.apply(inputGradient).mean(new int[] {1}).sum());
            }
        }
        NDArray[] out = copyGradients(into);
        for (int i = 0; i < out.length; i++) {
            out[i].subi(lossPart[i].mul(batch));
        }
        zeroGradients();
        return out;
    }

    private NDArray[] copyGradients(NDManager into) {
        List<NDArray> ps = parameters();
        NDArray[] out = new NDArray[ps.size()];
        for (int i = 0; i < out.length; i++) {
            NDArray g = ps.get(i).getGradient();
            g.attach(into);
            out[i] = g.duplicate();
        }
        return out;
    }

    /** Per network, the l2 norm of the difference of two parameter-gradient lists: [M]. */
    public static NDArray distance(NDArray[] a, NDArray[] b) {
        NDArray total = null;
        for (int i = 0; i < a.length; i++) {
            NDArray sq = a[i].sub(b[i]).square().sum(new int[] {1, 2});
            total = total == null ? sq : total.add(sq);
        }
        return total.sqrt();
    }

    /** Clean accuracy per network on [M, N, 2] inputs. */
    public double[] accuracy(NDArray x, NDArray y) {
        try (NDManager sub = own.newSubManager()) {
            NDArray xs = x.duplicate();
            xs.attach(sub);
            return correct(xs, y).toType(DataType.FLOAT64, false).mean(new int[] {1}).toDoubleArray();
        }
    }

    private NDArray correct(NDArray x, NDArray y) {
        return logits(x).mul(y).gt(0);
    }

    /** Mean over examples of |dl/dx|_2, per network: the local sensitivity of the loss to the input. */
    public double[] meanInputGradientNorm(NDArray x, NDArray y) {
        try (NDManager sub = own.newSubManager()) {
            NDArray xs = x.duplicate();
            xs.attach(sub);
            NDArray g = inputGradients(xs, y);
            return g.norm(new int[] {2}).mean(new int[] {1}).toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    /**
     * Accuracy per network under an l2 PGD attack of radius eps: a random start inside the ball,
     * then `steps` normalised-gradient ascent steps of size 2.5 eps / steps, each projected back
     * onto the ball (stronger than the one-step attack used for training).
     */
    public double[] robustAccuracy(NDArray x, NDArray y, double eps, int steps) {
        try (NDManager sub = own.newSubManager()) {
            NDArray xs = x.duplicate();
            xs.attach(sub);
            NDArray dir = sub.randomNormal(xs.getShape(), xs.getDataType());
            NDArray radius = sub.randomUniform(0, 1, new Shape(xs.getShape().get(0), xs.getShape().get(1), 1), xs.getDataType()).sqrt().muli(eps);
            NDArray delta = dir.div(dir.norm(new int[] {2}, true).addi(tiny)).muli(radius);
            double alpha = 2.5 * eps / steps;
            for (int k = 0; k < steps; k++) {
                NDArray g = inputGradients(xs.add(delta), y);
                delta = delta.add(g.div(g.norm(new int[] {2}, true).addi(tiny)).muli(alpha));
                // project onto the ball: scale by min(1, eps / |delta|)
                delta = delta.mul(delta.norm(new int[] {2}, true).addi(tiny).pow(-1).muli(eps).minimum(1));
            }
            return correct(xs.add(delta), y).toType(DataType.FLOAT64, false).mean(new int[] {1}).toDoubleArray();
        }
    }

    @Override
    public void close() {
        own.close();
    }
}
