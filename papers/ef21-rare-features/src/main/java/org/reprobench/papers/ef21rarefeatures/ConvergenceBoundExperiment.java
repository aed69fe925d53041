package org.reprobench.papers.ef21rarefeatures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.RunContext;
import org.reprobench.papers.ef21rarefeatures.SyntheticRuns.Method;

/**
 * Claim 4: along every EF21 run, the average squared gradient norm stays below the guarantee
 * computed from the run's own constants,
 * (1/T) sum_{t<T} ||grad f(x^t)||^2 <= 2 (f(x^0) - f*) / (gamma T) + w G^0 / (theta T),
 * with G^0 = (1/n) sum_i ||g_i^0 - grad f_i(x^0)||^2, w = c/n for the rare-features step (its
 * Lyapunov function weighs the shift error by c/n) and w = 1 for the standard step (EF21, Thm 1).
 * Checked at T = rounds/10, 2 rounds/10, ..., rounds, for the three step sizes and the three c/n
 * values; the value is the largest lhs/rhs, at most 1 when the bound holds.
 */
final class ConvergenceBoundExperiment {
    static final int CHECKPOINTS = 10;

    private ConvergenceBoundExperiment() {
    }

    static Experiment create(SyntheticRuns.Cache cache) {
        return ctx -> {
            List<SyntheticRuns.Result> results = new ArrayList<>();
            for (double cDivN : ProfileSettings.C_OVER_N) {
                results.add(cache.get(ctx, cDivN));
            }
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < ctx.seeds().size(); i++) {
                double worst = 0;
                Outcome o = Outcome.of(0);
                for (SyntheticRuns.Result r : results) {
                    SyntheticRuns.SeedRun run = r.seeds().get(i);
                    for (Method m : Method.values()) {
                        double ratio = worstRatio(run, m);
                        worst = Math.max(worst, ratio);
                        o.metric(String.format(Locale.ROOT, "ratio_%s_c%s", m.name().toLowerCase(Locale.ROOT), r.cOverNNominal()), ratio);
                    }
                }
                out.add(o.withValue(worst).note("largest (average ||grad f||^2) / (guarantee) over 3 c/n x 3 step sizes x "
                        + CHECKPOINTS + " horizons T"));
            }
            plot(ctx, results.get(0).seeds().get(0), results.get(0).cOverNNominal());
            return out;
        };
    }

    /** The guarantee's right-hand side at horizon T. */
    static double bound(SyntheticRuns.SeedRun run, Method m, int horizon) {
        SmoothnessConstants s = run.constants();
        StepSizes st = m.steps(s);
        double gamma = m.gamma(s);
        return 2 * (run.f0() - run.fStar()) / (gamma * horizon)
                + m.shiftErrorWeight(s) * run.initialShiftError().get(m) / (st.theta() * horizon);
    }

    /** max over the checkpoints T of (1/T) sum_{t<T} ||grad f(x^t)||^2 / bound(T). */
    static double worstRatio(SyntheticRuns.SeedRun run, Method m) {
        double[] norms = run.ef21GradNormSq().get(m);
        int rounds = norms.length - 1;
        double worst = 0;
        double sum = 0;
        int next = 1;
        for (int t = 0; t < rounds; t++) {
            sum += norms[t];
            int horizon = t + 1;
            if (horizon == (long) next * rounds / CHECKPOINTS) {
                worst = Math.max(worst, (sum / horizon) / bound(run, m, horizon));
                next++;
            }
        }
        return worst;
    }

    private static void plot(RunContext ctx, SyntheticRuns.SeedRun run, double cDivN) {
        XYChart chart = Plots.lines(String.format(Locale.ROOT, "EF21 guarantee vs measured, c/n = %s (seed %d)", cDivN, run.seed()),
                "rounds T", "(1/T) sum ||grad f(x^t)||^2");
        chart.getStyler().setYAxisLogarithmic(true);
        for (Method m : new Method[] {Method.RARE_THEORY_ALPHA, Method.STANDARD_CODE_ALPHA}) {
            double[] norms = run.ef21GradNormSq().get(m);
            int rounds = norms.length - 1;
            int stride = Math.max(1, rounds / 300);
            List<double[]> pts = new ArrayList<>();
            double sum = 0;
            for (int t = 0; t < rounds; t++) {
                sum += norms[t];
                if ((t + 1) % stride == 0) {
                    pts.add(new double[] {t + 1, sum / (t + 1), bound(run, m, t + 1)});
                }
            }
            double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
            Plots.addLine(chart, m.label + ": measured", x, pts.stream().mapToDouble(p -> p[1]).toArray());
            Plots.addLine(chart, m.label + ": guarantee", x, pts.stream().mapToDouble(p -> p[2]).toArray());
        }
        ctx.savePlot(String.format(Locale.ROOT, "bound-c%s", cDivN), chart);
    }
}
