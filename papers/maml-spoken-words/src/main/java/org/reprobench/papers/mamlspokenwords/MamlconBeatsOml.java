package org.reprobench.papers.mamlspokenwords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.RunContext;

/**
 * Claim 1 (abstract: "Our method consistently outperforms OML in experiments where the number of
 * shots and the final number of classes are varied"): in every (K, N) cell of the grid, MAMLCon's
 * final accuracy on the meta-test words exceeds OML's. Per cell, the gap MAMLCon - OML over the
 * seed's paired episodes; the value is the smallest lower end of the gaps' 95 % intervals.
 */
public final class MamlconBeatsOml implements Experiment {
    @Override
    public List<Outcome> run(RunContext ctx) throws Exception {
        Setting setting = Setting.of(ctx.profile());
        List<ContinualStudy.SeedResult> results = ContinualStudy.results(ctx);
        List<Outcome> out = new ArrayList<>();
        for (ContinualStudy.SeedResult r : results) {
            Outcome o = Outcome.of(0);
            double smallest = Double.POSITIVE_INFINITY;
            for (TaskPlan cell : setting.cells()) {
                ContinualStudy.Cell ours = r.cell(Method.MAMLCON, cell);
                ContinualStudy.Cell oml = r.cell(Method.OML, cell);
                String at = String.format(Locale.ROOT, "K=%d N=%d", cell.shots(), cell.classes());
                o.metric("MAMLCon " + at, ours.meanAccuracy());
                o.metric("OML " + at, oml.meanAccuracy());
                Gap gap = Gap.paired(ours.accuracy(), oml.accuracy());
                o.metric("MAMLCon - OML " + at, gap.mean());
                o.note("MAMLCon - OML at " + at + ": " + gap);
                smallest = Math.min(smallest, gap.lower());
            }
            out.add(o.withValue(smallest));
        }
        ctx.savePlot("accuracy-vs-shots", Charts.accuracyAgainst("Final accuracy vs shots (N = " + setting.train().classes() + ")",
                "K (shots per class)", setting.shotGrid(), List.of(Method.MAMLCON, Method.OML),
                (m, k) -> Charts.meanOver(results, r -> r.cell(m, setting.train().withShots(k)).meanAccuracy())));
        ctx.savePlot("accuracy-vs-classes", Charts.accuracyAgainst("Final accuracy vs final number of classes (K = " + setting.train().shots() + ")",
                "N (final number of classes)", setting.classGrid(), List.of(Method.MAMLCON, Method.OML),
                (m, n) -> Charts.meanOver(results, r -> r.cell(m, setting.train().withClasses(n)).meanAccuracy())));
        return out;
    }
}
