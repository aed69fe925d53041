package org.reprobench.papers.deepneuralcollapse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * Claim 3 of the issue, the regularisation regimes. With every lambda equal, the closed form gives
 * a threshold lambda*(L, n) above which the all-zero solution is the global optimum. GD from the same
 * initialisations is run at lambda = factor x lambda* for each factor of the profile, and every end
 * state is classified:
 * <ul>
 *   <li>DNC: both classes fitted, loss within 0.1% of the DNC value;</li>
 *   <li>ONE_CLASS: one class mapped to zero (a rank-one, degenerate critical point whose value is the
 *       average of the DNC value and 1/2);</li>
 *   <li>ZERO: both classes mapped to zero;</li>
 *   <li>OTHER: anything else (not converged, another critical point).</li>
 * </ul>
 */
final class RegularisationThreshold {

    enum EndState { DNC, ONE_CLASS, ZERO, OTHER }

    /** End states of one seed: [depth index][factor index][init]. */
    record SeedResult(long seed, EndState[][][] states, double[][][] losses) {
    }

    private final Map<String, SeedResult> cache = new ConcurrentHashMap<>();

    /** The lambda at which the DNC value equals 1/2, for L layers and n per class (all lambdas equal). */
    static double threshold(int depth, int perClass) {
        return ProfileSettings.LAMBDA * ClosedFormOptimum.uniform(depth, perClass, ProfileSettings.LAMBDA).thresholdScale();
    }

    static EndState classify(LayerReport end, ClosedFormOptimum opt) {
        boolean a = end.classAlive(0);
        boolean b = end.classAlive(1);
        double loss = end.loss();
        if (!a && !b) {
            return EndState.ZERO;
        }
        double dnc = opt.dncValue();
        if (a && b) {
            return !Double.isNaN(dnc) && Math.abs(loss - dnc) <= ProfileSettings.SUCCESS_GAP * dnc ? EndState.DNC : EndState.OTHER;
        }
        double partial = opt.partialValue(1, 2);
        return !Double.isNaN(partial) && Math.abs(loss - partial) <= ProfileSettings.SUCCESS_GAP * partial
                ? EndState.ONE_CLASS : EndState.OTHER;
    }

    Map<Long, SeedResult> results(RunContext ctx) {
        ProfileSettings p = ProfileSettings.of(ctx.profile());
        List<Long> missing = ctx.seeds().stream().filter(s -> !cache.containsKey(ctx.profile().id() + "|" + s)).toList();
        if (!missing.isEmpty()) {
            int depths = p.thresholdDepths().length;
            int factors = p.thresholdFactors().length;
            int inits = p.thresholdInits();
            EndState[][][][] states = new EndState[missing.size()][depths][factors][inits];
            double[][][][] losses = new double[missing.size()][depths][factors][inits];
            Progress progress = ctx.progress(depths);
            for (int di = 0; di < depths; di++) {
                int depth = p.thresholdDepths()[di];
                double star = threshold(depth, p.thresholdPerClass());
                List<Dufm.Member> members = new ArrayList<>();
                for (long seed : missing) {
                    for (double f : p.thresholdFactors()) {
                        for (int r = 0; r < inits; r++) {
                            // the same initialisations at every lambda, so the factors are compared fairly
                            members.add(new Dufm.Member(Dufm.mix(seed, 1000L * depth + r), f * star));
                        }
                    }
                }
                ReluStackGd.Snapshot end;
                try (ReluStackGd gd = Dufm.build(ctx.manager(), members, depth, p.thresholdWidth(), p.thresholdPerClass(),
                        ProfileSettings.CLASSES, ProfileSettings.LR)) {
                    for (int done = 0; done < p.thresholdSteps(); done += 500) {
                        gd.steps(Math.min(500, p.thresholdSteps() - done));
                        ctx.checkDeadline();
                    }
                    end = gd.snapshot();
                }
                int b = 0;
                for (int si = 0; si < missing.size(); si++) {
                    for (int fi = 0; fi < factors; fi++) {
                        ClosedFormOptimum opt = ClosedFormOptimum.uniform(depth, p.thresholdPerClass(),
                                p.thresholdFactors()[fi] * star);
                        for (int r = 0; r < inits; r++, b++) {
                            LayerReport rep = LayerReport.of(end, b, 0, ProfileSettings.CLASSES);
                            states[si][di][fi][r] = classify(rep, opt);
                            losses[si][di][fi][r] = rep.loss();
                        }
                    }
                }
                progress.step();
            }
            for (int si = 0; si < missing.size(); si++) {
                cache.put(ctx.profile().id() + "|" + missing.get(si),
                        new SeedResult(missing.get(si), states[si], losses[si]));
            }
        }
        Map<Long, SeedResult> out = new LinkedHashMap<>();
        ctx.seeds().forEach(s -> out.put(s, cache.get(ctx.profile().id() + "|" + s)));
        return out;
    }

    /** Above the threshold: the share of runs (all depths, all inits) that end at the zero solution. */
    static Experiment zeroAbove(RegularisationThreshold t) {
        return ctx -> t.claim(ctx, ProfileSettings.ABOVE, EndState.ZERO);
    }

    /** Below the threshold: the share of runs that reach the DNC optimum. */
    static Experiment dncBelow(RegularisationThreshold t) {
        return ctx -> t.claim(ctx, ProfileSettings.BELOW, EndState.DNC);
    }

    private List<Outcome> claim(RunContext ctx, double factor, EndState expected) {
        ProfileSettings p = ProfileSettings.of(ctx.profile());
        Map<Long, SeedResult> res = results(ctx);
        int fi = indexOf(p.thresholdFactors(), factor);
        List<Outcome> outcomes = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            SeedResult r = res.get(seed);
            Outcome o = Outcome.of(0);
            int hit = 0;
            int total = 0;
            for (int di = 0; di < p.thresholdDepths().length; di++) {
                int depth = p.thresholdDepths()[di];
                o.metric("lambda_star_L" + depth, threshold(depth, p.thresholdPerClass()));
                for (int f = 0; f < p.thresholdFactors().length; f++) {
                    for (EndState s : EndState.values()) {
                        o.metric(String.format(java.util.Locale.ROOT, "L%d_x%.2f_%s", depth, p.thresholdFactors()[f],
                                s.name().toLowerCase(java.util.Locale.ROOT)), share(r.states()[di][f], s));
                    }
                }
                for (EndState s : r.states()[di][fi]) {
                    hit += s == expected ? 1 : 0;
                    total++;
                }
            }
            outcomes.add(o.withValue((double) hit / total));
        }
        ctx.savePlot("end-states-vs-lambda", chart(p, res));
        return outcomes;
    }

    private static double share(EndState[] states, EndState s) {
        int c = 0;
        for (EndState x : states) {
            c += x == s ? 1 : 0;
        }
        return (double) c / states.length;
    }

    private static int indexOf(double[] xs, double x) {
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == x) {
                return i;
            }
        }
        throw new IllegalStateException("factor " + x + " is not run at this profile");
    }

    private static XYChart chart(ProfileSettings p, Map<Long, SeedResult> res) {
        XYChart chart = Plots.lines("End states of GD vs lambda / lambda* (all seeds and inits)", "lambda / lambda*",
                "share of runs");
        for (int di = 0; di < p.thresholdDepths().length; di++) {
            for (EndState s : new EndState[] {EndState.DNC, EndState.ONE_CLASS, EndState.ZERO}) {
                double[] y = new double[p.thresholdFactors().length];
                for (int f = 0; f < y.length; f++) {
                    double sum = 0;
                    for (SeedResult r : res.values()) {
                        sum += share(r.states()[di][f], s);
                    }
                    y[f] = sum / res.size();
                }
                Plots.addLine(chart, "L = " + p.thresholdDepths()[di] + ": " + s.name().toLowerCase(java.util.Locale.ROOT),
                        p.thresholdFactors(), y);
            }
        }
        return chart;
    }
}
