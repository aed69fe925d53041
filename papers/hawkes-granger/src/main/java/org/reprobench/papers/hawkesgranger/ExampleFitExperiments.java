package org.reprobench.papers.hawkesgranger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;

/**
 * The claims about the README example's two-phase fit ({@link ExampleFit}): which rows the
 * gradient screen picks, how close the recovered A is to the official code's, and whether the
 * inhibitory entries come out negative.
 */
final class ExampleFitExperiments {
    /** Relative size of the rounding-level perturbations of the phase-1 point (sensitivity check). */
    static final double PERTURBATION = 1e-13;

    private ExampleFitExperiments() {
    }

    private static ExampleFit.Result fit(RunContext ctx) throws Exception {
        ctx.useData(ExampleData.LABEL, false, ExampleData.SHA256);
        return ExampleFit.get(ctx.manager(), ctx::checkDeadline);
    }

    /** Value: how many rows differ between our screen and the official one ({2, 3, 4}). */
    static Experiment screen() {
        return Experiment.perSeed((ctx, seed) -> {
            ExampleFit.Result r = fit(ctx);
            int[] ours = r.estimate().selectedRows();
            long symmetricDifference = Arrays.stream(ours).filter(i -> Arrays.stream(ExampleReference.SCREENED_ROWS).noneMatch(j -> j == i)).count()
                    + Arrays.stream(ExampleReference.SCREENED_ROWS).filter(i -> Arrays.stream(ours).noneMatch(j -> j == i)).count();
            Outcome o = Outcome.of(symmetricDifference).metric("rows_selected", ours.length);
            double[] norms = r.estimate().rowGradientNorms();
            for (int i = 0; i < norms.length; i++) {
                o.metric("row" + i + "_squared_gradient_norm", norms[i]);
            }
            double total = Arrays.stream(norms).sum();
            double selectedShare = Arrays.stream(ours).mapToDouble(i -> norms[i]).sum() / total;
            return o.metric("selected_share", selectedShare)
                    .note("rows in screen order " + Arrays.toString(ours) + " (official " + Arrays.toString(ExampleReference.SCREENED_ROWS) + ")")
                    .note("squared row norms of the last phase-1 gradient " + Arrays.stream(norms)
                            .mapToObj(v -> String.format(Locale.ROOT, "%.4g", v)).collect(Collectors.joining(", ", "[", "]")));
        });
    }

    /** Value: max_ij |A_hat - A_official| after both phases. */
    static Experiment recoveredA() {
        return Experiment.perSeed((ctx, seed) -> {
            ExampleFit.Result r = fit(ctx);
            TwoPhaseFit.Estimate e = r.estimate();
            double dev = GraphMetrics.maxAbs(e.a(), ExampleReference.OFFICIAL_RERUN_A);
            Outcome o = Outcome.of(dev)
                    .metric("max_dev_from_readme_figure", GraphMetrics.maxAbs(e.a(), ExampleReference.README_FIGURE_A))
                    .metric("l1_error_a", GraphMetrics.l1(e.a(), ExampleData.TRUE_A))
                    .metric("l1_error_a_phase1", GraphMetrics.l1(e.phase1A(), ExampleData.TRUE_A))
                    .metric("l1_error_a_official", GraphMetrics.l1(ExampleReference.OFFICIAL_RERUN_A, ExampleData.TRUE_A))
                    .metric("l1_error_mu", GraphMetrics.l1(e.mu(), ExampleData.TRUE_MU))
                    .metric("phase1_seconds", r.phaseOneSeconds())
                    .metric("phase2_seconds", r.phaseTwoSeconds());
            o.note("A_hat " + format(e.a()));
            if (ctx.profile() != Profile.SMOKE) {
                sensitivity(ctx, r, o);
            }
            savePlots(ctx, r);
            return o;
        });
    }

    /**
     * Phase 2 is chaotic near points where some linear intensity crosses zero (1/lambda blows up):
     * rerun it from the phase-1 point perturbed at rounding level and report the spread.
     */
    private static void sensitivity(RunContext ctx, ExampleFit.Result r, Outcome o) throws Exception {
        int reruns = ctx.profile() == Profile.PAPER ? 16 : 4;
        EventSequences data = ExampleData.load();
        ExcitationFeatures features = ExcitationFeatures.of(data, ExampleData.BETA, ExampleData.GRADIENT_MEMORY);
        Random random = new Random(20220909L);
        double worst = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < reruns; k++) {
            double[] mu = r.phaseOne().mu()[0].clone();
            double[][] a = TwoPhaseFit.deepCopy(r.phaseOne().a()[0]);
            for (int i = 0; i < mu.length; i++) {
                mu[i] *= 1 + PERTURBATION * random.nextGaussian();
                for (int j = 0; j < mu.length; j++) {
                    a[i][j] *= 1 + PERTURBATION * random.nextGaussian();
                }
            }
            TwoPhaseFit.Estimate e = TwoPhaseFit.phaseTwo(ctx.manager(), features, mu, a, r.phaseOne().rowGradientNorms()[0],
                    TwoPhaseFit.Settings.official(), ctx::checkDeadline);
            double dev = GraphMetrics.maxAbs(e.a(), ExampleReference.OFFICIAL_RERUN_A);
            worst = Math.max(worst, dev);
            best = Math.min(best, dev);
        }
        o.metric("perturbed_reruns", reruns).metric("perturbed_max_dev_worst", worst).metric("perturbed_max_dev_best", best);
    }

    /** Value: the largest recovered value among the truly inhibitory entries (negative when all are found). */
    static Experiment inhibitorySigns() {
        return Experiment.perSeed((ctx, seed) -> {
            ExampleFit.Result r = fit(ctx);
            TwoPhaseFit.Estimate e = r.estimate();
            double largest = Double.NEGATIVE_INFINITY;
            double largestPhase1 = Double.NEGATIVE_INFINITY;
            Outcome o = Outcome.derived();
            for (int i = 0; i < ExampleData.TYPES; i++) {
                for (int j = 0; j < ExampleData.TYPES; j++) {
                    if (ExampleData.TRUE_A[i][j] < 0) {
                        largest = Math.max(largest, e.a()[i][j]);
                        largestPhase1 = Math.max(largestPhase1, e.phase1A()[i][j]);
                        o.metric("a" + i + j, e.a()[i][j]).metric("a" + i + j + "_phase1", e.phase1A()[i][j])
                                .metric("a" + i + j + "_true", ExampleData.TRUE_A[i][j]);
                    }
                }
            }
            return o.withValue(largest).metric("largest_phase1", largestPhase1);
        });
    }

    private static void savePlots(RunContext ctx, ExampleFit.Result r) {
        TwoPhaseFit.PhaseOne p1 = r.phaseOne();
        double[] x = Arrays.stream(p1.monitorIterations()).asDoubleStream().toArray();
        double[] y = p1.monitorLogLik()[0];
        XYChart trace = Plots.lines("Phase 1 on the README example: surrogate log-likelihood (memory 16)", "iteration", "log-likelihood");
        Plots.addLine(trace, "ours", Arrays.copyOfRange(x, 1, x.length), Arrays.copyOfRange(y, 1, y.length));
        ctx.savePlot("example-phase1-loglik", trace);

        XYChart scatter = Plots.scatter("README example: recovered A, ours vs official re-run", "official A_hat[i][j]", "our A_hat[i][j]");
        double[] ref = Arrays.stream(ExampleReference.OFFICIAL_RERUN_A).flatMapToDouble(Arrays::stream).toArray();
        double[] ours = Arrays.stream(r.estimate().a()).flatMapToDouble(Arrays::stream).toArray();
        double[] truth = Arrays.stream(ExampleData.TRUE_A).flatMapToDouble(Arrays::stream).toArray();
        double[] phase1 = Arrays.stream(r.estimate().phase1A()).flatMapToDouble(Arrays::stream).toArray();
        scatter.addSeries("after phase 2", ref, ours);
        scatter.addSeries("after phase 1 only", ref, phase1);
        scatter.addSeries("truth", ref, truth);
        ctx.savePlot("example-recovered-a", scatter);
    }

    static String format(double[][] a) {
        return Arrays.stream(a).map(row -> Arrays.stream(row).mapToObj(v -> String.format(Locale.ROOT, "%.5f", v))
                .collect(Collectors.joining(", ", "[", "]"))).collect(Collectors.joining(", ", "[", "]"));
    }
}
