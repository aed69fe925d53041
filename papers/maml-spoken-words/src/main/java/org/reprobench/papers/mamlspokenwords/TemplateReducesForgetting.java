package org.reprobench.papers.mamlspokenwords;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.RunContext;

/**
 * Claim 2 (the abstract's motivation: the template step counters catastrophic forgetting): after all
 * class groups have been learnt, accuracy on the first group's classes is higher for MAMLCon than
 * for MAML meta-trained and run without the template step, and than for OML (training cell K, N,
 * paired episodes). The value is the smaller lower end of the two gaps' 95 % intervals. Also
 * reported, not judged: MAMLCon's own weights run without the template step, which isolates the
 * step from what meta-training learnt.
 */
public final class TemplateReducesForgetting implements Experiment {
    @Override
    public List<Outcome> run(RunContext ctx) throws Exception {
        Setting setting = Setting.of(ctx.profile());
        TaskPlan cell = setting.train();
        List<ContinualStudy.SeedResult> results = ContinualStudy.results(ctx);
        List<Outcome> out = new ArrayList<>();
        for (ContinualStudy.SeedResult r : results) {
            double[] ours = r.cell(Method.MAMLCON, cell).groupAccuracy(0);
            double[] maml = r.cell(Method.MAML, cell).groupAccuracy(0);
            double[] oml = r.cell(Method.OML, cell).groupAccuracy(0);
            double[] ablation = r.mamlconWithoutTemplate(cell).groupAccuracy(0);
            Gap vsMaml = Gap.paired(ours, maml);
            Gap vsOml = Gap.paired(ours, oml);
            Outcome o = Outcome.of(Math.min(vsMaml.lower(), vsOml.lower()))
                    .metric("MAMLCon first-group accuracy", ContinualStudy.mean(ours))
                    .metric("MAML (no template) first-group accuracy", ContinualStudy.mean(maml))
                    .metric("OML first-group accuracy", ContinualStudy.mean(oml))
                    .metric("MAMLCon weights without template step, first-group accuracy", ContinualStudy.mean(ablation))
                    .note("MAMLCon - MAML on the first group: " + vsMaml)
                    .note("MAMLCon - OML on the first group: " + vsOml)
                    .note("MAMLCon with - without its template step (same weights): " + Gap.paired(ours, ablation));
            out.add(o);
        }
        int groups = cell.groups().size();
        XYChart chart = Plots.lines("Accuracy per class group after all " + groups + " groups (K = " + cell.shots() + ", N = " + cell.classes() + ")",
                "class group (in the order learnt)", "final accuracy on the group's classes");
        double[] x = new double[groups];
        for (int g = 0; g < groups; g++) {
            x[g] = g + 1;
        }
        for (Method m : Method.values()) {
            addGroupLine(chart, m.label(), x, results, r -> r.cell(m, cell));
        }
        addGroupLine(chart, "MAMLCon weights, no template step", x, results, r -> r.mamlconWithoutTemplate(cell));
        ctx.savePlot("accuracy-per-group", chart);
        return out;
    }

    private static void addGroupLine(XYChart chart, String name, double[] x, List<ContinualStudy.SeedResult> results,
                                     java.util.function.Function<ContinualStudy.SeedResult, ContinualStudy.Cell> cell) {
        double[] y = new double[x.length];
        for (int g = 0; g < x.length; g++) {
            int group = g;
            y[g] = Charts.meanOver(results, r -> cell.apply(r).meanGroupAccuracy(group));
        }
        XYSeries s = Plots.addLine(chart, name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        chart.getStyler().setMarkerSize(7);
    }
}
