package org.reprobench.papers.deepneuralcollapse;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * GD on the binary DUFM at every depth of the profile, one network per seed (all seeds of a depth
 * in one batch), with the collapse metrics of every layer at each checkpoint. Five claims read the
 * same runs, so they are kept in a small cache keyed by (profile, seed); it holds plain arrays
 * only, as each claim's NDManager is closed after the claim.
 */
final class DepthSweep {

    /** One network's run: checkpoints, their reports, and the closed-form optimum it is compared with. */
    record Trace(int depth, long seed, int[] steps, List<LayerReport> reports, ClosedFormOptimum optimum,
                 Geometry geometry) {

        LayerReport last() {
            return reports.get(reports.size() - 1);
        }

        double[] lossGaps() {
            double[] g = new double[reports.size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = (reports.get(i).loss() - optimum.value()) / optimum.value();
            }
            return g;
        }
    }

    private final Map<String, List<Trace>> cache = new ConcurrentHashMap<>();

    /** The traces of each seed (one per depth, in the profile's depth order). */
    Map<Long, List<Trace>> traces(RunContext ctx) {
        ProfileSettings p = ProfileSettings.of(ctx.profile());
        List<Long> missing = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            if (!cache.containsKey(key(ctx, seed))) {
                missing.add(seed);
            }
        }
        if (!missing.isEmpty()) {
            Progress progress = ctx.progress((long) p.depths().length * p.sweepSteps() / p.checkpointEvery());
            Map<Long, List<Trace>> fresh = new LinkedHashMap<>();
            missing.forEach(s -> fresh.put(s, new ArrayList<>()));
            for (int depth : p.depths()) {
                List<Trace> runs = run(ctx.manager(), missing, depth, p, progress);
                for (int i = 0; i < missing.size(); i++) {
                    fresh.get(missing.get(i)).add(runs.get(i));
                }
            }
            fresh.forEach((s, t) -> cache.put(key(ctx, s), t));
        }
        Map<Long, List<Trace>> out = new LinkedHashMap<>();
        for (long seed : ctx.seeds()) {
            out.put(seed, cache.get(key(ctx, seed)));
        }
        return out;
    }

    private static String key(RunContext ctx, long seed) {
        return ctx.profile().id() + "|" + seed;
    }

    /** One batch: every seed at one depth. */
    static List<Trace> run(NDManager manager, List<Long> seeds, int depth, ProfileSettings p, Progress progress) {
        List<Dufm.Member> members = new ArrayList<>();
        for (long seed : seeds) {
            members.add(new Dufm.Member(Dufm.mix(seed, depth), ProfileSettings.LAMBDA));
        }
        ClosedFormOptimum optimum = ClosedFormOptimum.uniform(depth, p.sweepPerClass(), ProfileSettings.LAMBDA);
        int checkpoints = p.sweepSteps() / p.checkpointEvery() + 1;
        int[] steps = new int[checkpoints];
        List<List<LayerReport>> reports = new ArrayList<>();
        seeds.forEach(s -> reports.add(new ArrayList<>()));
        ReluStackGd.Snapshot last = null;
        try (ReluStackGd gd = Dufm.build(manager, members, depth, p.sweepWidth(), p.sweepPerClass(),
                ProfileSettings.CLASSES, ProfileSettings.LR)) {
            for (int c = 0; c < checkpoints; c++) {
                if (c > 0) {
                    gd.steps(p.checkpointEvery());
                    progress.step();
                }
                steps[c] = c * p.checkpointEvery();
                last = gd.snapshot();
                for (int b = 0; b < seeds.size(); b++) {
                    reports.get(b).add(LayerReport.of(last, b, 0, ProfileSettings.CLASSES));
                }
            }
        }
        List<Trace> traces = new ArrayList<>();
        for (int b = 0; b < seeds.size(); b++) {
            traces.add(new Trace(depth, seeds.get(b), steps, reports.get(b), optimum, Geometry.of(last, b, optimum)));
        }
        return traces;
    }

    /**
     * The final per-layer quantities next to their closed forms; {@code worstRelativeError} is the
     * largest relative deviation among the class-mean norms r_l, the output scale q (and the
     * off-diagonal output means, relative to q), ||W_l||_F^2 = 2 t_l^2 and the rank of W_l (l >= 2),
     * ||H_1||^2 and ||W_1||^2. {@code singularSpread}: the largest deviation of the top two singular
     * values of W_l from t_l.
     */
    record Geometry(double[][] meanNorms, double[] predictedNorms, double[] outputDiagonal, double outputOffDiagonal,
                    double predictedScale, double[][] gains, double[] predictedGains, double singularSpread, double featureNorm2,
                    double predictedFeatureNorm2, double firstWeightNorm2, double predictedFirstWeightNorm2,
                    double firstLayerCosine, double worstRelativeError) {

        static Geometry of(ReluStackGd.Snapshot s, int b, ClosedFormOptimum opt) {
            int depth = s.layers();
            int k = ProfileSettings.CLASSES;
            double worst = 0;
            double[] predNorms = opt.meanNorms();
            double[][] norms = new double[depth - 1][];
            for (int l = 2; l <= depth; l++) {
                norms[l - 2] = CollapseMetrics.meanNorms(s.act(l - 1, b), k);
                for (double r : norms[l - 2]) {
                    worst = Math.max(worst, Math.abs(r / predNorms[l - 2] - 1));
                }
            }
            double[][] out = Matrices.classMeans(s.act(depth, b), k);
            double[] diag = new double[k];
            double off = 0;
            for (int a = 0; a < k; a++) {
                diag[a] = out[a][a];
                worst = Math.max(worst, Math.abs(diag[a] / opt.outputScale() - 1));
                for (int c = 0; c < k; c++) {
                    if (a != c) {
                        off = Math.max(off, Math.abs(out[a][c]));
                    }
                }
            }
            worst = Math.max(worst, off / opt.outputScale());
            double[] predGains = opt.layerGains();
            double[][] gains = new double[depth - 1][];
            double spread = 0;
            for (int l = 2; l <= depth; l++) {
                double[] sv = Matrices.singularValues(s.weight(l - 1, b));
                gains[l - 2] = sv;
                // ||W_l||_F^2 = 2 t^2; the split between the two singular values converges as slowly as
                // the orthogonality of the means (NC2), so it is reported (spread), not judged here
                double frob = Matrices.squaredNorm(s.weight(l - 1, b));
                worst = Math.max(worst, Math.abs(frob / (2 * predGains[l - 2] * predGains[l - 2]) - 1));
                spread = Math.max(spread, Math.max(Math.abs(sv[0] / predGains[l - 2] - 1), Math.abs(sv[1] / predGains[l - 2] - 1)));
                if (sv.length > 2) {
                    worst = Math.max(worst, sv[2] / sv[0]); // rank 2
                }
            }
            double h2 = Matrices.squaredNorm(s.act(0, b));
            double w2 = Matrices.squaredNorm(s.weight(0, b));
            worst = Math.max(worst, Math.abs(h2 / opt.firstFeaturesSquaredNorm() - 1));
            worst = Math.max(worst, Math.abs(w2 / opt.firstWeightsSquaredNorm() - 1));
            double cos = CollapseMetrics.meanCosine(s.act(0, b), k);
            return new Geometry(norms, predNorms, diag, off, opt.outputScale(), gains, predGains, spread, h2,
                    opt.firstFeaturesSquaredNorm(), w2, opt.firstWeightsSquaredNorm(), cos, worst);
        }
    }
}
