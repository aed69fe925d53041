package org.reprobench.papers.mamlspokenwords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
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
                smallest = Math.min(smallest, smallestStep(o, m, "K", setting.shotGrid(),
                        k -> r.cell(m, setting.train().withShots(k)).accuracy(), true));
                smallest = Math.min(smallest, smallestStep(o, m, "N", setting.classGrid(),
                        n -> r.cell(m, setting.train().withClasses(n)).accuracy(), false));
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

    /**
     * Records each grid cell's mean accuracy for method m, notes every step between neighbouring
     * cells, and returns the smallest lower end of the steps' intervals in the claimed direction
     * (later minus earlier when accuracy should rise along the grid, earlier minus later when it
     * should fall).
     */
    private static double smallestStep(Outcome o, Method m, String axis, int[] grid, IntFunction<double[]> accuracyAt,
                                       boolean rising) {
        double smallest = Double.POSITIVE_INFINITY;
        double[] previous = null;
        for (int i = 0; i < grid.length; i++) {
            double[] acc = accuracyAt.apply(grid[i]);
            o.metric(String.format(Locale.ROOT, "%s %s=%d", m.label(), axis, grid[i]), Gap.mean(acc));
            if (previous != null) {
                Gap step = rising ? Gap.independent(acc, previous) : Gap.independent(previous, acc);
                int first = rising ? grid[i] : grid[i - 1];
                int second = rising ? grid[i - 1] : grid[i];
                o.note(String.format(Locale.ROOT, "%s, %s=%d minus %s=%d: %s", m.label(), axis, first, axis, second, step));
                smallest = Math.min(smallest, step.lower());
            }
            previous = acc;
        }
        return smallest;
    }
}
