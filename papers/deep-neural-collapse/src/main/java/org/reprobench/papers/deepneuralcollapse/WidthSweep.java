package org.reprobench.papers.deepneuralcollapse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * Claim 3 of the issue, width: for each width of the profile, GD from several initialisations per
 * seed on the same binary DUFM, and the share that reaches the DNC optimum (the end states are
 * classified as in {@link RegularisationThreshold}).
 */
final class WidthSweep {

    /** Per width: [DNC share, one-class share, zero share, other share]. */
    record SeedResult(long seed, int[] widths, double[][] shares) {
        double success(int width) {
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] == width) {
                    return shares[i][0];
                }
            }
            throw new IllegalStateException("width " + width + " is not run at this profile");
        }
    }

    private final Map<String, SeedResult> cache = new ConcurrentHashMap<>();

    Map<Long, SeedResult> results(RunContext ctx) {
        ProfileSettings p = ProfileSettings.of(ctx.profile());
        List<Long> missing = ctx.seeds().stream().filter(s -> !cache.containsKey(ctx.profile().id() + "|" + s)).toList();
        if (!missing.isEmpty()) {
            int[] widths = p.widths();
            double[][][] shares = new double[missing.size()][widths.length][4];
            ClosedFormOptimum opt = ClosedFormOptimum.uniform(p.widthDepth(), p.widthPerClass(), ProfileSettings.LAMBDA);
            Progress progress = ctx.progress(widths.length);
            for (int wi = 0; wi < widths.length; wi++) {
                List<Dufm.Member> members = new ArrayList<>();
                for (long seed : missing) {
                    for (int r = 0; r < p.widthInits(); r++) {
                        members.add(new Dufm.Member(Dufm.mix(seed, 100_000L + 100L * widths[wi] + r), ProfileSettings.LAMBDA));
                    }
                }
                ReluStackGd.Snapshot end;
                try (ReluStackGd gd = Dufm.build(ctx.manager(), members, p.widthDepth(), widths[wi], p.widthPerClass(),
                        ProfileSettings.CLASSES, ProfileSettings.LR)) {
                    for (int done = 0; done < p.widthSteps(); done += 500) {
                        gd.steps(Math.min(500, p.widthSteps() - done));
                        ctx.checkDeadline();
                    }
                    end = gd.snapshot();
                }
                int b = 0;
                for (int si = 0; si < missing.size(); si++) {
                    for (int r = 0; r < p.widthInits(); r++, b++) {
                        RegularisationThreshold.EndState s = RegularisationThreshold.classify(
                                LayerReport.of(end, b, 0, ProfileSettings.CLASSES), opt);
                        shares[si][wi][s.ordinal()] += 1.0 / p.widthInits();
                    }
                }
                progress.step();
            }
            for (int si = 0; si < missing.size(); si++) {
                cache.put(ctx.profile().id() + "|" + missing.get(si), new SeedResult(missing.get(si), widths, shares[si]));
            }
        }
        Map<Long, SeedResult> out = new LinkedHashMap<>();
        ctx.seeds().forEach(s -> out.put(s, cache.get(ctx.profile().id() + "|" + s)));
        return out;
    }

    /** Value: the success rate at the narrow width (the claim: most initialisations fail there). */
    static Experiment narrowMostlyFails(WidthSweep w) {
        return ctx -> w.claim(ctx, true);
    }

    /** Ordering of the success rates, narrow below wide. */
    static Experiment wideBeatsNarrow(WidthSweep w) {
        return ctx -> w.claim(ctx, false);
    }

    private List<Outcome> claim(RunContext ctx, boolean narrowValue) {
        Map<Long, SeedResult> res = results(ctx);
        List<Outcome> outcomes = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            SeedResult r = res.get(seed);
            Outcome o = narrowValue ? Outcome.of(r.success(ProfileSettings.NARROW)) : Outcome.derived();
            for (int i = 0; i < r.widths().length; i++) {
                o.metric("success_w" + r.widths()[i], r.shares()[i][0]);
                o.metric("one_class_w" + r.widths()[i], r.shares()[i][1]);
                o.metric("other_w" + r.widths()[i], r.shares()[i][3]);
            }
            outcomes.add(o);
        }
        ctx.savePlot("success-vs-width", chart(res));
        return outcomes;
    }

    private static XYChart chart(Map<Long, SeedResult> res) {
        SeedResult any = res.values().iterator().next();
        XYChart chart = Plots.lines("Share of initialisations reaching the DNC optimum, by width", "width", "share");
        double[] x = new double[any.widths().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = any.widths()[i];
        }
        String[] names = {"DNC optimum", "one class at zero", "zero", "other"};
        for (int k = 0; k < 4; k++) {
            double[] y = new double[x.length];
            for (SeedResult r : res.values()) {
                for (int i = 0; i < x.length; i++) {
                    y[i] += r.shares()[i][k] / res.size();
                }
            }
            Plots.addLine(chart, names[k].toLowerCase(Locale.ROOT), x, y);
        }
        return chart;
    }
}
