package org.reprobench.papers.adversarialsde;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * Claims at-input-gradient-monotone-* and at-robust-accuracy-monotone-*: robustness of
 * adversarial training seen from the gradient flow. AT follows (to first order, claim
 * at-drift-expansion) the flow of L + eps E|grad_x l|_2, so along training it should keep the
 * input-gradient norm below that of SGD, more so for a larger training radius; robust accuracy
 * should follow.
 *
 * <p>Setting (ours; the paper's numerical set-up could not be read): two-moons data in two
 * regimes, overlapping classes (noise 0.2) and well separated ones (noise 0.1); a tanh network
 * 2-32-1, logistic loss, SGD with batch 32 and rate 0.1 for 2,000 steps; training radius eps in
 * {0 (plain SGD), 0.05, 0.1, 0.2} with the one-step l2 adversary. Per seed and regime, all radii
 * start from the same initialisation and see the same batches, so they differ only by the
 * adversary. All seeds x regimes x radii train side by side in one {@link MlpEnsemble}. At ten
 * checkpoints, on a held-out set: mean |grad_x l|_2, accuracy under a 10-step l2 PGD attack
 * (radius 0.1, random start) and clean accuracy. A claim's value per radius is the mean over the
 * checkpoints of the second half of training ("along training", less noisy than the last
 * checkpoint alone).
 */
public final class RobustnessAlongTraining {
    static final double[] TRAIN_EPS = {0.0, 0.05, 0.1, 0.2};
    static final double TEST_EPS = 0.1;
    static final int HIDDEN = 32;
    static final int BATCH = 32;
    static final double LEARNING_RATE = 0.1;

    /** Two data regimes: overlapping classes (errors set by the noise) and well separated classes (errors set by the margin). */
    enum Regime {
        OVERLAPPING(0.2), SEPARATED(0.1);

        final double noise;

        Regime(double noise) {
            this.noise = noise;
        }
    }

    record Settings(int steps, int every, int train, int test, int pgdSteps) {
        static Settings of(Profile p) {
            return switch (p) {
                case SMOKE -> new Settings(300, 100, 500, 300, 5);
                case CI -> new Settings(2000, 200, 2000, 1000, 10);
                case PAPER -> new Settings(10_000, 500, 10_000, 5000, 20);
            };
        }
    }

    /** Per regime and seed s, checkpoint c and radius e: [regime][s][c][e]; steps[c] is the step of checkpoint c. */
    record Result(int[] steps, double[][][][] gradNorm, double[][][][] robustAcc, double[][][][] cleanAcc) {
        double[] secondHalfMean(double[][][] metric, int s) {
            double[] out = new double[TRAIN_EPS.length];
            int from = steps.length / 2;
            for (int c = from; c < steps.length; c++) {
                for (int e = 0; e < out.length; e++) {
                    out[e] += metric[s][c][e] / (steps.length - from);
                }
            }
            return out;
        }

        /** Fraction of checkpoints at which the metric is strictly monotone in the radius. */
        double fractionMonotone(double[][][] metric, int s, boolean decreasing) {
            int ok = 0;
            for (double[] row : metric[s]) {
                boolean mono = true;
                for (int e = 1; e < row.length; e++) {
                    mono &= decreasing ? row[e] < row[e - 1] : row[e] > row[e - 1];
                }
                ok += mono ? 1 : 0;
            }
            return ok / (double) metric[s].length;
        }
    }

    private static final Map<String, Result> CACHE = new ConcurrentHashMap<>();

    private RobustnessAlongTraining() {
    }

    static Experiment gradientClaim(Regime regime) {
        return ctx -> {
            Result r = result(ctx);
            double[][][] metric = r.gradNorm()[regime.ordinal()];
            List<Outcome> out = new ArrayList<>();
            for (int s = 0; s < ctx.seeds().size(); s++) {
                Outcome o = Outcome.derived().sequence(r.secondHalfMean(metric, s))
                        .metric("fraction_of_checkpoints_monotone", r.fractionMonotone(metric, s, true));
                out.add(describe(o, r, regime, s));
            }
            plot(ctx, r, metric, regime, "mean |grad_x loss|_2 (test set)", "input-gradient");
            return out;
        };
    }

    static Experiment robustAccuracyClaim(Regime regime) {
        return ctx -> {
            Result r = result(ctx);
            double[][][] metric = r.robustAcc()[regime.ordinal()];
            List<Outcome> out = new ArrayList<>();
            for (int s = 0; s < ctx.seeds().size(); s++) {
                Outcome o = Outcome.derived().sequence(r.secondHalfMean(metric, s))
                        .metric("fraction_of_checkpoints_monotone", r.fractionMonotone(metric, s, false));
                out.add(describe(o, r, regime, s));
            }
            plot(ctx, r, metric, regime, "accuracy under l2 PGD, radius " + TEST_EPS, "robust-accuracy");
            return out;
        };
    }

    private static Outcome describe(Outcome o, Result r, Regime regime, int s) {
        int k = regime.ordinal();
        double[] g = r.secondHalfMean(r.gradNorm()[k], s);
        double[] ra = r.secondHalfMean(r.robustAcc()[k], s);
        double[] ca = r.secondHalfMean(r.cleanAcc()[k], s);
        for (int e = 0; e < TRAIN_EPS.length; e++) {
            o.metric(String.format(Locale.ROOT, "clean_acc_eps%03d", Math.round(TRAIN_EPS[e] * 100)), ca[e]);
            o.note(String.format(Locale.ROOT, "train eps %.2f: |grad_x l| %.4f, robust acc %.4f, clean acc %.4f (second-half means)",
                    TRAIN_EPS[e], g[e], ra[e], ca[e]));
        }
        return o;
    }

    static Result result(RunContext ctx) {
        return CACHE.computeIfAbsent(ctx.profile() + "/" + ctx.seeds(), k -> measure(ctx, Settings.of(ctx.profile())));
    }

    private static Result measure(RunContext ctx, Settings s) {
        List<Long> seeds = ctx.seeds();
        Regime[] regimes = Regime.values();
        int ne = TRAIN_EPS.length;
        int groups = seeds.size() * regimes.length; // one group = one data set, trained at every radius
        int models = groups * ne; // model index = group * ne + radius, group = seed * regimes + regime
        TwoMoons[] train = new TwoMoons[groups];
        SplittableRandom[] batchRng = new SplittableRandom[groups];
        double[][] init = new double[models][];
        double[] testX = new double[models * s.test() * 2];
        double[] testY = new double[models * s.test()];
        double[] eps = new double[models];
        for (int i = 0; i < seeds.size(); i++) {
            SplittableRandom rng = new SplittableRandom(seeds.get(i) * 104_729 + 3);
            double[] p0 = MlpEnsemble.initialParameters(HIDDEN, rng);
            for (Regime regime : regimes) {
                int group = i * regimes.length + regime.ordinal();
                train[group] = TwoMoons.sample(s.train(), regime.noise, rng);
                TwoMoons test = TwoMoons.sample(s.test(), regime.noise, rng);
                batchRng[group] = rng.split();
                for (int e = 0; e < ne; e++) {
                    int m = group * ne + e;
                    init[m] = p0.clone();
                    eps[m] = TRAIN_EPS[e];
                    System.arraycopy(test.points(), 0, testX, m * s.test() * 2, s.test() * 2);
                    System.arraycopy(test.labels(), 0, testY, m * s.test(), s.test());
                }
            }
        }
        ctx.useData("two moons (noise 0.2 and 0.1), generated per seed", false, null);
        Engine.getInstance().setRandomSeed((int) (seeds.get(0) * 1000 + 3)); // PGD random starts
        int checkpoints = s.steps() / s.every();
        int[] at = new int[checkpoints];
        double[][][][] grad = new double[regimes.length][seeds.size()][checkpoints][ne];
        double[][][][] robust = new double[regimes.length][seeds.size()][checkpoints][ne];
        double[][][][] clean = new double[regimes.length][seeds.size()][checkpoints][ne];
        Progress progress = ctx.progress(s.steps());
        try (NDManager m = ctx.manager().newSubManager();
             MlpEnsemble net = new MlpEnsemble(m, HIDDEN, init, DataType.FLOAT32)) {
            NDArray epsArray = m.create(eps, new Shape(models, 1, 1)).toType(DataType.FLOAT32, false);
            NDArray tx = m.create(testX, new Shape(models, s.test(), 2)).toType(DataType.FLOAT32, false);
            NDArray ty = m.create(testY, new Shape(models, s.test())).toType(DataType.FLOAT32, false);
            float[] bx = new float[models * BATCH * 2];
            float[] by = new float[models * BATCH];
            for (int step = 1; step <= s.steps(); step++) {
                fillBatch(train, batchRng, ne, bx, by);
                try (NDManager sub = m.newSubManager()) {
                    net.adversarialStep(sub.create(bx, new Shape(models, BATCH, 2)), sub.create(by, new Shape(models, BATCH)),
                            epsArray, LEARNING_RATE);
                }
                progress.step();
                if (step % s.every() == 0) {
                    int c = step / s.every() - 1;
                    at[c] = step;
                    unstack(net.meanInputGradientNorm(tx, ty), grad, c, ne, regimes.length);
                    unstack(net.robustAccuracy(tx, ty, TEST_EPS, s.pgdSteps()), robust, c, ne, regimes.length);
                    unstack(net.accuracy(tx, ty), clean, c, ne, regimes.length);
                }
            }
        }
        return new Result(at, grad, robust, clean);
    }

    /** The same minibatch (drawn with replacement) for every radius of a seed. */
    private static void fillBatch(TwoMoons[] train, SplittableRandom[] rng, int ne, float[] bx, float[] by) {
        for (int i = 0; i < train.length; i++) {
            for (int b = 0; b < BATCH; b++) {
                int j = rng[i].nextInt(train[i].size());
                for (int e = 0; e < ne; e++) {
                    int m = i * ne + e;
                    bx[(m * BATCH + b) * 2] = (float) train[i].points()[2 * j];
                    bx[(m * BATCH + b) * 2 + 1] = (float) train[i].points()[2 * j + 1];
                    by[m * BATCH + b] = (float) train[i].labels()[j];
                }
            }
        }
    }

    private static void unstack(double[] perModel, double[][][][] into, int c, int ne, int nr) {
        for (int m = 0; m < perModel.length; m++) {
            int group = m / ne;
            into[group % nr][group / nr][c][m % ne] = perModel[m];
        }
    }

    private static void plot(RunContext ctx, Result r, double[][][] metric, Regime regime, String yTitle, String name) {
        XYChart chart = Plots.lines("Along training, " + regime.name().toLowerCase(Locale.ROOT) + " moons (noise " + regime.noise
                + "), seed " + ctx.seeds().get(0) + ": " + yTitle, "step", yTitle);
        double[] x = new double[r.steps().length];
        for (int c = 0; c < x.length; c++) {
            x[c] = r.steps()[c];
        }
        for (int e = 0; e < TRAIN_EPS.length; e++) {
            double[] y = new double[x.length];
            for (int c = 0; c < x.length; c++) {
                y[c] = metric[0][c][e];
            }
            Plots.addLine(chart, e == 0 ? "SGD (eps = 0)" : String.format(Locale.ROOT, "AT eps = %.2f", TRAIN_EPS[e]), x, y);
        }
        ctx.savePlot(name + "-" + regime.name().toLowerCase(Locale.ROOT), chart);
    }
}
