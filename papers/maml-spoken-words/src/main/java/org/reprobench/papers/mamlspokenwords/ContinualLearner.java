package org.reprobench.papers.mamlspokenwords;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;

/**
 * The inner loop of one {@link Method} for T tasks at once: plain SGD steps through the class
 * groups of each task (and MAMLCon's template step), then the loss and accuracy on the queries of
 * all classes. Two ways to get the meta-gradient with respect to the starting weights:
 * <ul>
 *   <li>first order, as the official code runs it (learn2learn's {@code first_order=True}): every
 *       step's weights are a fresh leaf, and the meta-gradient is the query gradient at the
 *       adapted weights;</li>
 *   <li>second order (full MAML): the whole loop stays on one graph; each step's gradient comes
 *       from a backward pass with {@code create_graph} through a zero "probe" leaf added to the
 *       fast weights, so the update itself is differentiable.</li>
 * </ul>
 */
public final class ContinualLearner {

    /** Steps and step size of the inner loop: initial steps on the first group, steps on each later group. */
    public record Config(int initialSteps, int steps, double learningRate) {
        public Config {
            if (initialSteps < 1 || steps < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("inner loop needs positive steps and step size: " + this);
            }
        }
    }

    /** One stretch of the inner loop: inputs [B,T,H,W], one-hot labels [1,B,heads], number of SGD steps. */
    record Stage(NDArray x, NDArray labels, int heads, int steps) {
    }

    /**
     * What the queries showed, per task: loss, accuracy over all classes and, per class group,
     * the accuracy on that group's classes at the end ([task][group]).
     */
    public record QueryScores(double[] loss, double[] accuracy, double[][] groupAccuracy) {
    }

    private final Method method;
    private final Config config;

    public ContinualLearner(Method method, Config config) {
        this.method = method;
        this.config = config;
    }

    public Method method() {
        return method;
    }

    /** The stages of this method on these episodes, in order. */
    List<Stage> stages(EpisodeTensors ep) {
        TaskPlan plan = ep.batch().plan();
        List<int[]> groups = plan.groups();
        List<Stage> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            int heads = method.headsOnly() ? plan.classes() : groups.get(g)[1];
            int steps = g == 0 && !method.headsOnly() ? config.initialSteps() : config.steps();
            out.add(new Stage(ep.support(g), ep.supportLabels(g, heads), heads, steps));
        }
        if (method.templateStep()) {
            out.add(new Stage(ep.templates(), ep.templateLabels(plan.classes()), plan.classes(), 1));
        }
        return out;
    }

    private boolean adapts(Weights w, int i) {
        return !method.headsOnly() || w.isHead(i);
    }

    // ----- first order -----

    /**
     * Runs the inner loop from {@code start} ([T,...], left untouched) without recording a graph
     * across steps; returns the adapted weights, attached to {@code keep}.
     */
    public Weights adapt(Weights start, EpisodeTensors ep, NDManager keep) {
        NDArray lr = keep.create(config.learningRate()).toType(ep.queries().getDataType(), false);
        Weights fast = start;
        for (Stage stage : stages(ep)) {
            NDArray features = method.headsOnly() ? frozenFeatures(fast, stage.x(), keep) : null;
            for (int s = 0; s < stage.steps(); s++) {
                Weights next = sgdStep(fast, stage, features, lr, keep);
                if (fast != start) {
                    release(fast, next);
                }
                fast = next;
            }
            if (features != null) {
                features.close();
            }
        }
        return fast;
    }

    /** OML's inner loop sees the encoder's output only, computed once per group without gradient. */
    private static NDArray frozenFeatures(Weights w, NDArray x, NDManager keep) {
        try (NDManager scope = keep.newSubManager()) {
            x.tempAttach(scope);
            NDArray f = WordCnn.embed(w, x);
            f.attach(keep);
            return f;
        }
    }

    private Weights sgdStep(Weights fast, Stage stage, NDArray features, NDArray lr, NDManager keep) {
        try (NDManager scope = keep.newSubManager()) {
            stage.x().tempAttach(scope);
            if (features != null) {
                features.tempAttach(scope);
            }
            NDArray[] leaves = fast.arrays();
            for (int i = 0; i < leaves.length; i++) {
                if (adapts(fast, i)) {
                    leaves[i] = leafCopy(leaves[i], scope);
                }
            }
            Weights w = new Weights(fast.shape(), leaves);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray embedding = features != null ? features : WordCnn.embed(w, stage.x());
                gc.backward(WordCnn.crossEntropy(WordCnn.logits(w, embedding, stage.heads()), stage.labels()).sum());
            }
            NDArray[] next = fast.arrays();
            for (int i = 0; i < next.length; i++) {
                if (adapts(fast, i)) {
                    next[i] = leaves[i].sub(leaves[i].getGradient().mul(lr));
                    next[i].attach(keep);
                }
            }
            return new Weights(fast.shape(), next);
        }
    }

    private static NDArray leafCopy(NDArray a, NDManager scope) {
        NDArray c = a.duplicate();
        c.attach(scope);
        c.setRequiresGradient(true);
        return c;
    }

    private static void release(Weights old, Weights replacement) {
        for (int i = 0; i < old.size(); i++) {
            if (old.get(i) != replacement.get(i)) {
                old.get(i).close();
            }
        }
    }

    /** Scores the adapted weights on the queries of all classes, without gradient. */
    public QueryScores score(Weights adapted, EpisodeTensors ep, NDManager keep) {
        try (NDManager scope = keep.newSubManager()) {
            ep.queries().tempAttach(scope);
            NDArray logits = WordCnn.logits(adapted, WordCnn.embed(adapted, ep.queries()), ep.batch().plan().classes());
            return scores(logits, ep);
        }
    }

    /**
     * The first-order meta-gradient: the gradient of each task's query loss at its adapted
     * weights, [T,...] per array (attached to {@code keep}), and the query scores.
     */
    public FirstOrderResult queryGradient(Weights adapted, EpisodeTensors ep, NDManager keep) {
        try (NDManager scope = keep.newSubManager()) {
            ep.queries().tempAttach(scope);
            NDArray[] leaves = adapted.arrays();
            for (int i = 0; i < leaves.length; i++) {
                leaves[i] = leafCopy(leaves[i], scope);
            }
            Weights w = new Weights(adapted.shape(), leaves);
            NDArray logits;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                logits = WordCnn.logits(w, WordCnn.embed(w, ep.queries()), ep.batch().plan().classes());
                gc.backward(WordCnn.crossEntropy(logits, ep.queryLabels(ep.batch().plan().classes())).sum());
            }
            NDArray[] grads = new NDArray[leaves.length];
            for (int i = 0; i < grads.length; i++) {
                grads[i] = leaves[i].getGradient().duplicate();
                grads[i].attach(keep);
            }
            return new FirstOrderResult(grads, scores(logits.stopGradient(), ep));
        }
    }

    /** Per-task query gradients and scores. */
    public record FirstOrderResult(NDArray[] gradients, QueryScores scores) {
    }

    private static QueryScores scores(NDArray logits, EpisodeTensors ep) {
        TaskPlan plan = ep.batch().plan();
        int[] labels = ep.queryLabelArray();
        int tasks = ep.batch().tasks();
        int b = labels.length;
        NDArray oneHot = ep.queryLabels(plan.classes());
        oneHot.tempAttach(logits.getManager());
        double[] loss = WordCnn.crossEntropy(logits, oneHot).toType(DataType.FLOAT64, false).toDoubleArray();
        long[] predicted = logits.argMax(2).toLongArray(); // [T, B]
        List<int[]> groups = plan.groups();
        int[] groupOf = new int[plan.classes()];
        int[] perGroup = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (int c = groups.get(g)[0]; c < groups.get(g)[1]; c++) {
                groupOf[c] = g;
            }
        }
        for (int label : labels) {
            perGroup[groupOf[label]]++;
        }
        double[] acc = new double[tasks];
        double[][] groupAcc = new double[tasks][groups.size()];
        for (int t = 0; t < tasks; t++) {
            int correct = 0;
            for (int j = 0; j < b; j++) {
                if (predicted[t * b + j] == labels[j]) {
                    correct++;
                    groupAcc[t][groupOf[labels[j]]]++;
                }
            }
            acc[t] = (double) correct / b;
            for (int g = 0; g < groups.size(); g++) {
                groupAcc[t][g] /= perGroup[g];
            }
        }
        return new QueryScores(loss, acc, groupAcc);
    }

    // ----- second order -----

    /**
     * The full (second-order) MAML meta-gradient of the mean query loss over each learner's
     * {@code tasksPerLearner} consecutive tasks, with respect to {@code theta} ([S,...], tasks
     * s*tasksPerLearner.. belong to learner s), attached to {@code keep}.
     *
     * <p>The whole inner loop is one graph inside one GradientCollector. A step's gradient is read
     * from a zero leaf added to the fast weights after {@code backward(create_graph=true)}; those
     * backward passes also deposit gradients in theta, which are read before the final backward
     * and subtracted after it.
     *
     * <p>Costs: DJL offers {@code backward} but not {@code autograd.grad(inputs=...)}, so every inner
     * backward runs back to theta (time quadratic in the inner steps), and PyTorch's
     * {@code create_graph} leaves a reference cycle between each leaf and its gradient that DJL
     * cannot break (no way to reset {@code .grad}): the graph of every call stays in native memory.
     * Fine for the tests' tiny networks; at the ci size a few calls exhaust the machine (measured:
     * 23 GB after a few benchmark iterations), so the claims use first order, as the official code.
     */
    public NDArray[] secondOrderMetaGradient(Weights theta, int tasksPerLearner, EpisodeTensors ep, NDManager keep) {
        try (NDManager scope = keep.newSubManager()) {
            ep.queries().tempAttach(scope);
            List<Stage> stages = stages(ep);
            for (Stage s : stages) {
                s.x().tempAttach(scope);
            }
            NDArray lr = scope.create(config.learningRate()).toType(ep.queries().getDataType(), false);
            NDArray[] roots = theta.arrays();
            for (int i = 0; i < roots.length; i++) {
                roots[i] = leafCopy(roots[i], scope);
            }
            Weights root = new Weights(theta.shape(), roots);
            NDArray[] out = new NDArray[roots.length];
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Weights fast = root.repeatEach(tasksPerLearner);
                for (Stage stage : stages) {
                    NDArray features = method.headsOnly() ? WordCnn.embed(fast, stage.x()).stopGradient() : null;
                    for (int s = 0; s < stage.steps(); s++) {
                        fast = differentiableStep(fast, stage, features, lr, scope);
                    }
                }
                NDArray[] before = new NDArray[roots.length];
                for (int i = 0; i < roots.length; i++) {
                    before[i] = roots[i].getGradient().duplicate();
                }
                int classes = ep.batch().plan().classes();
                NDArray queryLoss = WordCnn.crossEntropy(WordCnn.logits(fast, WordCnn.embed(fast, ep.queries()), classes),
                        ep.queryLabels(classes)).sum().div(tasksPerLearner);
                JniUtils.backward((PtNDArray) queryLoss, (PtNDArray) queryLoss.onesLike(), false, false);
                for (int i = 0; i < roots.length; i++) {
                    out[i] = roots[i].getGradient().sub(before[i]);
                    out[i].attach(keep);
                }
            }
            return out;
        }
    }

    private Weights differentiableStep(Weights fast, Stage stage, NDArray features, NDArray lr, NDManager scope) {
        NDArray[] shifted = fast.arrays();
        NDArray[] probes = new NDArray[shifted.length];
        for (int i = 0; i < shifted.length; i++) {
            if (adapts(fast, i)) {
                probes[i] = scope.zeros(shifted[i].getShape(), shifted[i].getDataType());
                probes[i].setRequiresGradient(true);
                shifted[i] = shifted[i].add(probes[i]);
            }
        }
        Weights w = new Weights(fast.shape(), shifted);
        NDArray embedding = features != null ? features : WordCnn.embed(w, stage.x());
        NDArray loss = WordCnn.crossEntropy(WordCnn.logits(w, embedding, stage.heads()), stage.labels()).sum();
        JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), true, true);
        NDArray[] next = fast.arrays();
        for (int i = 0; i < next.length; i++) {
            if (probes[i] != null) {
                next[i] = next[i].sub(probes[i].getGradient().mul(lr));
            }
        }
        return new Weights(fast.shape(), next);
    }
}
