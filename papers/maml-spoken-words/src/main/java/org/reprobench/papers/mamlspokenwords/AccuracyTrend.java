package org.reprobench.papers.mamlspokenwords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.RunContext;

/**
 * Claim 3: for every method, final accuracy rises with the number of shots K (at the training N)
 * and falls with the final number of classes N (at the training K). Each step between neighbouring
 * cells is a gap between independent sets of episodes; the value is the smallest lower end of the
 * steps' 95 % intervals, taken in the claimed direction, over all methods and both grids.
 */
public final class AccuracyTrend implements Experiment {
    @Override
    public List<Outcome> run(RunContext ctx) throws Exception {
        Setting setting = Setting.of(ctx.profile());
        List<ContinualStudy.SeedResult> results = ContinualStudy.results(ctx);
        List<Outcome> out = new ArrayList<>();
        for (ContinualStudy.SeedResult r : results) {
            Outcome o = Outcome.of(0);
            double smallest = Double.POSITIVE_INFINITY;
            for (Method m : Method.values()) {
                double[] previous = null;
                for (int i = 0; i < setting.shotGrid().length; i++) {
                    int k = setting.shotGrid()[i];
                    double[] acc = r.cell(m, setting.train().withShots(k)).accuracy();
                    o.metric(String.format(Locale.ROOT, "%s K=%d", m.label(), k), Gap.mean(acc));
                    if (previous != null) {
                        Gap rise = Gap.independent(acc, previous);
                        o.note(String.format(Locale.ROOT, "%s, K=%d minus K=%d: %s", m.label(), k, setting.shotGrid()[i - 1], rise));
                        smallest = Math.min(smallest, rise.lower());
                    }
                    previous = acc;
                }
                previous = null;
                for (int i = 0; i < setting.classGrid().length; i++) {
                    int n = setting.classGrid()[i];
                    double[] acc = r.cell(m, setting.train().withClasses(n)).accuracy();
                    o.metric(String.format(Locale.ROOT, "%s N=%d", m.label(), n), Gap.mean(acc));
                    if (previous != null) {
                        Gap fall = Gap.independent(previous, acc);
                        o.note(String.format(Locale.ROOT, "%s, N=%d minus N=%d: %s", m.label(), setting.classGrid()[i - 1], n, fall));
                        smallest = Math.min(smallest, fall.lower());
                    }
                    previous = acc;
                }
            }
            out.add(o.withValue(smallest));
        }
        List<Method> all = List.of(Method.values());
        ctx.savePlot("trend-shots", Charts.accuracyAgainst("Final accuracy vs shots, all methods (N = " + setting.train().classes() + ")",
                "K (shots per class)", setting.shotGrid(), all,
                (m, k) -> Charts.meanOver(results, r -> r.cell(m, setting.train().withShots(k)).meanAccuracy())));
        ctx.savePlot("trend-classes", Charts.accuracyAgainst("Final accuracy vs final number of classes, all methods (K = " + setting.train().shots() + ")",
                "N (final number of classes)", setting.classGrid(), all,
                (m, n) -> Charts.meanOver(results, r -> r.cell(m, setting.train().withClasses(n)).meanAccuracy())));
        return out;
    }
}
