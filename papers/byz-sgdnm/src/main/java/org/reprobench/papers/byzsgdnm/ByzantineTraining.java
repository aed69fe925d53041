package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.function.Function;
import org.reprobench.datasets.SeededSampler;

/**
 * Simulated parameter-server training with Byzantine workers (Algorithm 1 and its baseline),
 * several runs in lockstep. All runs of one call share the setting (workers, attack, aggregator,
 * batch size, epochs) and the data order (common random numbers, which makes the comparisons
 * between methods and learning rates paired); they differ in method and initial learning rate.
 *
 * <p>Every round is a fixed sequence of tensor operations over {@code (R runs, n workers, d)}: one
 * forward and one backward for all per-worker gradients, the EMA momentum, the attack, the
 * aggregation and the update.
 */
public final class ByzantineTraining {

    /** ByzSGDm: w -= lr * Agg(u). ByzSGDnm: w -= lr * Agg(u) / ||Agg(u)||. */
    public enum Method {
        SGDM("ByzSGDm"), SGDNM("ByzSGDnm");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One run: a method with its initial learning rate eta0. */
    public record Run(Method method, double lr0) {
    }

    /**
     * @param workers m
     * @param byzantine f, the first f workers; their shards are lost (C counts honest work only)
     * @param batch B, per worker
     * @param epochs passes of every worker over its own shard; the cosine schedule steps per epoch
     * @param beta momentum, EMA form u = beta u + (1 - beta) g
     */
    public record Setting(int workers, int byzantine, Attack attack, int batch, int epochs, double beta) {
    }

    /**
     * @param finalAccuracy top-1 test accuracy per run after the last round (0..1)
     * @param epochAccuracy per run, test accuracy on the evaluation subset after each epoch
     * @param epochLoss per run, mean training loss of the honest workers during each epoch
     * @param diverged per run, whether the parameters became NaN or infinite
     * @param iterations T
     */
    public record Result(double[] finalAccuracy, double[][] epochAccuracy, double[][] epochLoss, boolean[] diverged,
                         int iterations) {
    }

    /** Training and test data already standardised, row-major {@code (N, inputs)}. */
    public record Data(float[] trainX, int[] trainY, float[] testX, int[] testY, int inputs, int classes) {
        int trainSize() {
            return trainY.length;
        }
    }

    private ByzantineTraining() {
    }

    /** T for a setting: every worker makes floor(shard / B) rounds per epoch. */
    public static int iterations(Setting s, int trainSize) {
        return s.epochs() * stepsPerEpoch(s, trainSize);
    }

    static int stepsPerEpoch(Setting s, int trainSize) {
        return (trainSize / s.workers()) / s.batch();
    }

    /**
     * Trains the runs in lockstep.
     *
     * @param aggregator makes the aggregator; it gets a manager for its state (centred clipping)
     * @param tick called once per round (progress and time limit)
     * @param evalSize test images used for the per-epoch curve (the final accuracy uses all)
     */
    public static Result train(NDManager parent, Data data, WorkerMlp model, Setting s,
                               Function<NDManager, Aggregator> aggregator, List<Run> runs, long seed,
                               Runnable tick, int evalSize) {
        int n = s.workers();
        int f = s.byzantine();
        int r = runs.size();
        int shard = data.trainSize() / n;
        int perEpoch = stepsPerEpoch(s, data.trainSize());
        if (perEpoch < 1) {
            throw new IllegalArgumentException("batch " + s.batch() + " exceeds the shard of " + shard + " examples");
        }
        double[][] epochAcc = new double[r][s.epochs()];
        double[][] epochLoss = new double[r][s.epochs()];
        try (NDManager run = parent.newSubManager()) {
            NDArray trainX = run.create(data.trainX(), new Shape(data.trainSize(), data.inputs()));
            NDArray trainOneHot = run.create(data.trainY()).oneHot(data.classes());
            NDArray testX = run.create(data.testX(), new Shape(data.testY().length, data.inputs()));
            int[] evalY = java.util.Arrays.copyOf(data.testY(), Math.min(evalSize, data.testY().length));
            NDArray evalX = testX.get("0:" + evalY.length);
            float[] init = model.initial(seed);
            NDArray theta = run.create(init).expandDims(0).repeat(0, r); // (R, d), same start for all runs
            NDArray momentum = null;
            Aggregator agg = aggregator.apply(run);
            float[] lr0 = new float[r];
            float[] normalized = new float[r];
            for (int k = 0; k < r; k++) {
                lr0[k] = (float) runs.get(k).lr0();
                normalized[k] = runs.get(k).method() == Method.SGDNM ? 1f : 0f;
            }
            NDArray nmMask = run.create(normalized).expandDims(1); // (R, 1)
            NDArray sgdmMask = nmMask.neg().add(1);
            NDArray lossSum = run.zeros(new Shape(r));
            int t = 0;
            for (int epoch = 0; epoch < s.epochs(); epoch++) {
                double cosine = 0.5 * (1 + Math.cos(Math.PI * epoch / s.epochs()));
                float[] lr = new float[r];
                for (int k = 0; k < r; k++) {
                    lr[k] = (float) (lr0[k] * cosine);
                }
                int[][] order = shuffledShards(n, shard, seed, epoch);
                lossSum.muli(0);
                for (int step = 0; step < perEpoch; step++, t++) {
                    tick.run();
                    try (NDManager round = run.newSubManager()) {
                        for (NDArray a : new NDArray[] {theta, momentum, trainX, trainOneHot}) {
                            if (a != null) {
                                a.tempAttach(round);
                            }
                        }
                        long[] idx = new long[n * s.batch()];
                        for (int w = 0; w < n; w++) {
                            for (int b = 0; b < s.batch(); b++) {
                                idx[w * s.batch() + b] = order[w][step * s.batch() + b];
                            }
                        }
                        NDArray pick = round.create(idx);
                        NDArray x = trainX.get(pick).reshape(n, s.batch(), data.inputs());
                        NDArray y = trainOneHot.get(pick).reshape(n, s.batch(), data.classes());
                        NDArray[] loss = new NDArray[1];
                        NDArray g = model.workerGradients(theta, x, y, loss); // (R, n, d)
                        lossSum.addi(loss[0].get(":, " + f + ":").mean(new int[] {1}));
                        if (momentum == null) {
                            momentum = g.duplicate(); // u_0 = g_0
                            momentum.attach(run);
                            momentum.tempAttach(round);
                        } else {
                            updateMomentum(momentum, g, s.beta());
                        }
                        NDArray received = s.attack().apply(momentum, f);
                        NDArray a = agg.aggregate(received); // (R, d)
                        applyUpdate(theta, a, round.create(lr).expandDims(1), nmMask, sgdmMask);
                    }
                }
                float[] ls = lossSum.toFloatArray();
                double[] acc = model.accuracy(theta, evalX, evalY);
                for (int k = 0; k < r; k++) {
                    epochLoss[k][epoch] = ls[k] / perEpoch;
                    epochAcc[k][epoch] = acc[k];
                }
            }
            double[] finalAcc = model.accuracy(theta, testX, data.testY());
            boolean[] diverged = new boolean[r];
            float[] bad = theta.isNaN().logicalOr(theta.isInfinite()).toType(DataType.FLOAT32, false)
                    .sum(new int[] {1}).toFloatArray();
            for (int k = 0; k < r; k++) {
                diverged[k] = bad[k] > 0;
            }
            return new Result(finalAcc, epochAcc, epochLoss, diverged, t);
        }
    }

    /** The EMA momentum of Algorithm 1, in place: u <- beta u + (1 - beta) g. */
    static void updateMomentum(NDArray momentum, NDArray gradient, double beta) {
        momentum.muli(beta).addi(gradient.mul(1 - beta));
    }

    /**
     * The server's update, in place, per run: theta -= lr * a / ||a|| for ByzSGDnm rows
     * ({@code nmMask} 1) and theta -= lr * a for ByzSGDm rows ({@code sgdmMask} 1). A zero aggregate
     * (possible with CM on identical inputs) gives a zero step instead of 0/0.
     *
     * @param lr {@code (R, 1)} learning rates of this epoch
     */
    static void applyUpdate(NDArray theta, NDArray aggregate, NDArray lr, NDArray nmMask, NDArray sgdmMask) {
        NDArray norm = aggregate.norm(new int[] {1}, true).maximum(1e-30);
        NDArray scale = norm.pow(-1).mul(nmMask).add(sgdmMask);
        theta.subi(aggregate.mul(scale).mul(lr));
    }

    /** Worker w's shard is examples [w * shard, (w + 1) * shard), reshuffled every epoch. */
    static int[][] shuffledShards(int workers, int shard, long seed, int epoch) {
        int[][] order = new int[workers][shard];
        for (int w = 0; w < workers; w++) {
            order[w] = SeededSampler.permutation(shard, seed * 1_000_003L + epoch * 7919L + w);
            for (int i = 0; i < shard; i++) {
                order[w][i] += w * shard;
            }
        }
        return order;
    }
}
