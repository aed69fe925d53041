package org.reprobench.papers.deepneuralcollapse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchart.XYChart;
import org.reprobench.api.ClaimSkipped;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;
import org.reprobench.datasets.DataUnavailable;
import org.reprobench.datasets.ImageSet;
import org.reprobench.datasets.StandIns;

/**
 * Claim 4 of the issue (the paper's empirical part ii), on stand-in images: a bias-free ReLU
 * backbone (196 -> 64 -> 32, the last layer linear) whose output plays the role of the free
 * features H_1, followed by a DUFM-like head of L = 3 layers (32 -> 32 -> 32 -> 2, ReLU after the
 * first two), trained by full-batch GD on two Fashion-MNIST classes with the DUFM's penalties on the
 * head (lambda on every W_l, lambda_H1 on the backbone output) and a small weight decay on the
 * backbone. The head's collapse metrics are then read as in the DUFM. Because the backbone output
 * is one particular H_1, the head objective can never go below the DUFM optimum f*: its relative
 * excess measures how close the trained features come to the unconstrained optimum.
 */
final class TrainedNetwork {
    static final int CLASS_A = 0;   // T-shirt/top
    static final int CLASS_B = 1;   // Trouser
    static final int HIDDEN = 64;
    /** float32: the judged quantities (NC1 ordering, a 10% excess) sit far above float32 resolution. */
    static final DataType TYPE = DataType.FLOAT32;
    static final int FEATURES = 32;
    static final int HEAD_DEPTH = 3;
    static final double BACKBONE_DECAY = 5e-4;
    static final double LR = 0.1;
    private static final int BACKBONE_LAYERS = 2;

    /** Checkpoints of one seed: NC1 of H_1..H_3 and of the backbone's hidden layer, accuracy, excess over f*. */
    record SeedResult(long seed, int[] steps, double[][] nc1, double[] nc1Hidden, double[] accuracy, double[] excess,
                      LayerReport end, double headObjective, double optimum) {
    }

    private final Map<String, SeedResult> cache = new ConcurrentHashMap<>();
    private static volatile ImageSet train;

    private static ImageSet images() throws DataUnavailable {
        if (train == null) {
            synchronized (TrainedNetwork.class) {
                if (train == null) {
                    train = StandIns.fashionMnist(true);
                }
            }
        }
        return train;
    }

    Map<Long, SeedResult> results(RunContext ctx) throws ClaimSkipped {
        ImageSet set;
        try {
            set = images();
        } catch (DataUnavailable e) {
            throw new ClaimSkipped(e.getMessage());
        }
        ctx.useData(set.label() + ", classes " + CLASS_A + " vs " + CLASS_B, true, set.sha256());
        ProfileSettings p = ProfileSettings.of(ctx.profile());
        List<Long> missing = ctx.seeds().stream().filter(s -> !cache.containsKey(ctx.profile().id() + "|" + s)).toList();
        if (!missing.isEmpty()) {
            List<SeedResult> fresh = train(ctx, set, missing, p);
            fresh.forEach(r -> cache.put(ctx.profile().id() + "|" + r.seed(), r));
        }
        Map<Long, SeedResult> out = new LinkedHashMap<>();
        ctx.seeds().forEach(s -> out.put(s, cache.get(ctx.profile().id() + "|" + s)));
        return out;
    }

    /** The DUFM optimum the head is compared with: L = 3, n per class, lambda on W_1..W_3 and H_1. */
    static ClosedFormOptimum dufmOptimum(int perClass) {
        return ClosedFormOptimum.uniform(HEAD_DEPTH, perClass, ProfileSettings.LAMBDA);
    }

    private static List<SeedResult> train(RunContext ctx, ImageSet set, List<Long> seeds, ProfileSettings p) {
        int n = p.imagesPerClass();
        int samples = 2 * n;
        int pixels = (set.height() / 2) * (set.width() / 2);
        int batch = seeds.size();
        double[] x = new double[batch * pixels * samples];
        int[] dims = {pixels, HIDDEN, FEATURES, FEATURES, FEATURES, ProfileSettings.CLASSES};
        int layers = dims.length - 1;
        double[][] w = new double[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = new double[batch * dims[l + 1] * dims[l]];
        }
        for (int b = 0; b < batch; b++) {
            Random rng = new Random(Dufm.mix(seeds.get(b), 424242));
            double[][] cols = pickImages(set, n, rng);
            for (int i = 0; i < pixels; i++) {
                for (int j = 0; j < samples; j++) {
                    x[b * pixels * samples + i * samples + j] = cols[j][i];
                }
            }
            for (int l = 0; l < layers; l++) {
                int size = dims[l + 1] * dims[l];
                double scale = 1 / Math.sqrt(dims[l]);
                for (int i = 0; i < size; i++) {
                    w[l][b * size + i] = rng.nextGaussian() * scale;
                }
            }
        }
        double[][] lambdaW = new double[layers][batch];
        double[] lambdaA = new double[batch];
        for (int l = 0; l < layers; l++) {
            java.util.Arrays.fill(lambdaW[l], l < BACKBONE_LAYERS ? BACKBONE_DECAY : ProfileSettings.LAMBDA);
        }
        java.util.Arrays.fill(lambdaA, ProfileSettings.LAMBDA);
        boolean[] relu = {true, false, true, true, false};
        int checkpoints = p.trainSteps() / p.trainCheckpointEvery() + 1;
        int[] steps = new int[checkpoints];
        double[][][] nc1 = new double[batch][checkpoints][];
        double[][] nc1Hidden = new double[batch][checkpoints];
        double[][] acc = new double[batch][checkpoints];
        double[][] excess = new double[batch][checkpoints];
        LayerReport[] end = new LayerReport[batch];
        double[] head = new double[batch];
        double fStar = dufmOptimum(n).value();
        Progress progress = ctx.progress(checkpoints - 1);
        NDManager m = ctx.manager().newSubManager();
        List<NDArray> weights = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            weights.add(m.create(w[l], new Shape(batch, dims[l + 1], dims[l])).toType(TYPE, false));
        }
        NDArray input = m.create(x, new Shape(batch, pixels, samples)).toType(TYPE, false);
        NDArray target = m.create(Dufm.oneHot(ProfileSettings.CLASSES, n), new Shape(ProfileSettings.CLASSES, samples))
                .toType(TYPE, false);
        try (ReluStackGd gd = new ReluStackGd(m, input, false, weights, relu, lambdaW, BACKBONE_LAYERS, lambdaA, target, LR)) {
            for (int c = 0; c < checkpoints; c++) {
                if (c > 0) {
                    gd.steps(p.trainCheckpointEvery());
                    progress.step();
                }
                steps[c] = c * p.trainCheckpointEvery();
                ReluStackGd.Snapshot s = gd.snapshot();
                for (int b = 0; b < batch; b++) {
                    LayerReport r = LayerReport.of(s, b, BACKBONE_LAYERS, ProfileSettings.CLASSES);
                    nc1[b][c] = r.nc1();
                    nc1Hidden[b][c] = CollapseMetrics.nc1TraceRatio(s.act(1, b), ProfileSettings.CLASSES);
                    acc[b][c] = accuracy(s.act(layers, b), n);
                    head[b] = s.fit(b) + s.penalties(b, BACKBONE_LAYERS);
                    excess[b][c] = (head[b] - fStar) / fStar;
                    end[b] = r;
                }
            }
        }
        List<SeedResult> out = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            double[][] byLayer = new double[HEAD_DEPTH][checkpoints];
            for (int c = 0; c < checkpoints; c++) {
                for (int l = 0; l < HEAD_DEPTH; l++) {
                    byLayer[l][c] = nc1[b][c][l];
                }
            }
            out.add(new SeedResult(seeds.get(b), steps, byLayer, nc1Hidden[b], acc[b], excess[b], end[b], head[b], fStar));
        }
        return out;
    }

    /**
     * n random training images of each of the two classes, 2x2-average-pooled to 14x14 and centred
     * by the subset's mean image; columns grouped by class.
     */
    static double[][] pickImages(ImageSet set, int n, Random rng) {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if (set.labels()[i] == CLASS_A) {
                a.add(i);
            } else if (set.labels()[i] == CLASS_B) {
                b.add(i);
            }
        }
        java.util.Collections.shuffle(a, rng);
        java.util.Collections.shuffle(b, rng);
        int h = set.height() / 2;
        int wd = set.width() / 2;
        double[][] cols = new double[2 * n][h * wd];
        for (int j = 0; j < 2 * n; j++) {
            float[] img = set.images()[j < n ? a.get(j) : b.get(j - n)];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < wd; c++) {
                    int p = 2 * r * set.width() + 2 * c;
                    cols[j][r * wd + c] = (img[p] + img[p + 1] + img[p + set.width()] + img[p + set.width() + 1]) / 4.0;
                }
            }
        }
        for (int i = 0; i < h * wd; i++) {
            double mean = 0;
            for (double[] col : cols) {
                mean += col[i];
            }
            mean /= cols.length;
            for (double[] col : cols) {
                col[i] -= mean;
            }
        }
        return cols;
    }

    private static double accuracy(double[][] out, int n) {
        int right = 0;
        for (int j = 0; j < out[0].length; j++) {
            int cls = j < n ? 0 : 1;
            int guess = out[0][j] >= out[1][j] ? 0 : 1;
            right += guess == cls ? 1 : 0;
        }
        return (double) right / out[0].length;
    }

    /** NC1 falls with depth through the head: metrics nc1_H3 < nc1_H2 < nc1_H1 at the end (ordering). */
    static Experiment nc1FallsWithDepth(TrainedNetwork t) {
        return ctx -> {
            Map<Long, SeedResult> res = t.results(ctx);
            List<Outcome> outcomes = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                SeedResult r = res.get(seed);
                int last = r.steps().length - 1;
                Outcome o = Outcome.derived();
                for (int l = HEAD_DEPTH - 1; l >= 0; l--) {
                    o.metric("nc1_H" + (l + 1), r.nc1()[l][last]);
                }
                o.metric("nc1_backbone_hidden", r.nc1Hidden()[last]);
                o.metric("train_accuracy", r.accuracy()[last]);
                for (int l = 1; l < HEAD_DEPTH; l++) {
                    o.metric("nc2_H" + (l + 1), r.end().nc2()[l]);
                    o.metric("nc3_W" + (l + 1), r.end().nc3()[l]);
                }
                outcomes.add(o);
            }
            ctx.savePlot("trained-nc1-per-layer", nc1Chart(res.get(ctx.seeds().get(0))));
            return outcomes;
        };
    }

    /** The head objective's relative excess over the DUFM optimum (never below 0 in theory). */
    static Experiment headNearOptimum(TrainedNetwork t) {
        return ctx -> {
            Map<Long, SeedResult> res = t.results(ctx);
            List<Outcome> outcomes = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                SeedResult r = res.get(seed);
                int last = r.steps().length - 1;
                outcomes.add(Outcome.of(r.excess()[last])
                        .metric("head_objective", r.headObjective())
                        .metric("dufm_optimum", r.optimum())
                        .metric("train_accuracy", r.accuracy()[last]));
            }
            SeedResult first = res.get(ctx.seeds().get(0));
            XYChart chart = Plots.lines("Head objective: relative excess over the DUFM optimum", "GD step", "(head - f*)/f* (log)");
            chart.getStyler().setYAxisLogarithmic(true);
            double[] x = new double[first.steps().length];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = first.steps()[i];
                y[i] = Math.max(first.excess()[i], 1e-12);
            }
            Plots.addLine(chart, "seed " + first.seed(), x, y);
            ctx.savePlot("trained-head-excess", chart);
            return outcomes;
        };
    }

    private static XYChart nc1Chart(SeedResult r) {
        XYChart chart = Plots.lines("Trained network: NC1 (tr Sw / tr Sb) per layer, seed " + r.seed(), "GD step", "NC1 (log)");
        chart.getStyler().setYAxisLogarithmic(true);
        double[] x = new double[r.steps().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.steps()[i];
        }
        Plots.addLine(chart, "backbone hidden (" + HIDDEN + ")", x, floor(r.nc1Hidden()));
        for (int l = 0; l < HEAD_DEPTH; l++) {
            Plots.addLine(chart, "H_" + (l + 1) + (l == 0 ? " (backbone output)" : ""), x, floor(r.nc1()[l]));
        }
        return chart;
    }

    private static double[] floor(double[] y) {
        double[] f = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            f[i] = Math.max(y[i], 1e-30);
        }
        return f;
    }
}
