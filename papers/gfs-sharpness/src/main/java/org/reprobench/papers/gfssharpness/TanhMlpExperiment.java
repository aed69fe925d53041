package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * Claim network-gfs-monotone: full-batch GD on a small tanh network (stand-in images) at a step size
 * beyond the edge of stability of its initial GFS (q = phi(theta0) eta/2 = 1.5), with the GFS sharpness
 * estimated at checkpoints: gradient flow from each checkpoint (adaptive Dormand-Prince) until the loss
 * is below a threshold, then the top Hessian eigenvalue by power iteration with double-backward
 * Hessian-vector products. Seeds are rows of one tensor (GD), and so are seeds x checkpoints (flow,
 * power iteration); rows never mix, so a seed's numbers do not depend on the other seeds run.
 */
final class TanhMlpExperiment {
    static final double RTOL = 1e-8;
    static final double ATOL = 1e-10;
    static final int MAX_FLOW_STEPS = 200_000;
    static final int WARM_ITERATIONS = 10;

    private TanhMlpExperiment() {
    }

    static Experiment create(Function<Profile, Settings.Network> settings) {
        return ctx -> {
            Settings.Network s = settings.apply(ctx.profile());
            StandInImages data = StandInImages.load(s.perClass());
            ctx.useData(data.label(), data.standIn(), data.sha256());
            List<Long> seeds = ctx.seeds();
            int n = seeds.size();
            try (NDManager m = ctx.manager().newSubManager()) {
                TanhMlp net = new TanhMlp(data, s.hidden(), m);
                int p = net.parameters;
                // one network per seed, each row from its own seed only
                double[] init = new double[n * p];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(net.initialParameters(seeds.get(i)), 0, init, i * p, p);
                }
                NDArray theta0 = m.create(init, new Shape(n, p));
                double[] hvpError = new double[n];
                for (int i = 0; i < n; i++) {
                    try (NDArray row = theta0.get(i + ":" + (i + 1))) {
                        hvpError[i] = hvpAgainstFiniteDifferences(net, row, seeds.get(i));
                    }
                }

                // the GFS sharpness at the start fixes each seed's step size: 2/eta = phi(theta0) / q
                Gfs start = gfs(net, theta0, s, ctx);
                double[] eta = new double[n];
                for (int i = 0; i < n; i++) {
                    eta[i] = 2 * s.q() / start.sharpness()[i];
                }

                // full-batch GD, all seeds as rows, keeping checkpoints
                int checkpoints = s.steps() / s.every();
                double[][] losses = new double[n][s.steps() + 1];
                double[] flat = new double[checkpoints * n * p];
                NDArray etaT = m.create(eta).expandDims(1);
                NDArray theta = theta0.duplicate();
                Progress progress = ctx.progress(s.steps());
                for (int t = 0; t <= s.steps(); t++) {
                    if (t > 0 && t % s.every() == 0) {
                        // rows ordered checkpoint-major: row (k-1) n + i is seed i at checkpoint k
                        System.arraycopy(theta.toDoubleArray(), 0, flat, (t / s.every() - 1) * n * p, n * p);
                    }
                    NDArray next;
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        double[] l = net.loss(theta).toDoubleArray();
                        for (int i = 0; i < n; i++) {
                            losses[i][t] = l[i];
                        }
                        next = theta.sub(net.analyticGradient(theta).mul(etaT));
                        NDScope.unregister(next);
                    }
                    theta.close();
                    theta = next;
                    if (t > 0) {
                        progress.step();
                    }
                }
                NDArray stacked = m.create(flat, new Shape((long) checkpoints * n, p));
                Gfs along = gfs(net, stacked, s, ctx);
                double[] iterateSharpness = net.topEigenvalue(stacked, s.powerIterations(), null).value().toDoubleArray();

                List<Outcome> out = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    double[] ratio = new double[checkpoints + 1];
                    double[] steps = new double[checkpoints + 1];
                    double[] iterate = new double[checkpoints];
                    ratio[0] = start.sharpness()[i] * eta[i] / 2;
                    for (int k = 1; k <= checkpoints; k++) {
                        ratio[k] = along.sharpness()[(k - 1) * n + i] * eta[i] / 2;
                        iterate[k - 1] = iterateSharpness[(k - 1) * n + i] * eta[i] / 2;
                        steps[k] = k * s.every();
                    }
                    double largestRise = Double.NEGATIVE_INFINITY;
                    for (int k = 1; k < ratio.length; k++) {
                        largestRise = Math.max(largestRise, ratio[k] - ratio[k - 1]);
                    }
                    int lossRises = 0;
                    for (int t = 1; t < losses[i].length; t++) {
                        lossRises += losses[i][t] > losses[i][t - 1] * (1 + ScalarSweep.LOSS_RISE) ? 1 : 0;
                    }
                    double largestIterate = 0;
                    for (double v : iterate) {
                        largestIterate = Math.max(largestIterate, v);
                    }
                    if (i == 0) {
                        plot(ctx, s, losses[i], steps, ratio, iterate);
                    }
                    out.add(Outcome.derived().sequence(ratio)
                            .metric("parameters", p)
                            .metric("examples", net.n)
                            .metric("eta", eta[i])
                            .metric("gfs_x_eta_over_2_first", ratio[0])
                            .metric("gfs_x_eta_over_2_last", ratio[ratio.length - 1])
                            .metric("largest_rise_x_eta_over_2", largestRise)
                            .metric("loss_rises_in_gd", lossRises)
                            .metric("final_loss", losses[i][s.steps()])
                            .metric("largest_iterate_sharpness_x_eta_over_2", largestIterate)
                            .metric("gfs_rel_change_flow_loss_div_10",
                                    Math.max(start.thresholdSensitivity()[i], max(along.thresholdSensitivity(), i, n)))
                            .metric("power_iteration_last_rel_change", Math.max(start.powerChange(), along.powerChange()))
                            .metric("flow_steps_max", Math.max(start.flowSteps(), along.flowSteps()))
                            .metric("hvp_rel_error_vs_finite_differences", hvpError[i])
                            .note("sequence: GFS sharpness x eta/2 at GD steps 0, " + s.every() + ", ..., " + s.steps()
                                    + " (gradient flow to loss < " + s.flowLoss() + ", then " + s.powerIterations()
                                    + " power iterations)"));
                }
                return out;
            }
        };
    }

    /** Largest of the entries i, i + n, i + 2n, ... (one seed's checkpoints). */
    private static double max(double[] values, int i, int n) {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = i; k < values.length; k += n) {
            best = Math.max(best, values[k]);
        }
        return best;
    }

    /** GFS sharpness per row, its relative change when the flow runs on to a tenth of the loss threshold, work done. */
    record Gfs(double[] sharpness, double[] thresholdSensitivity, double powerChange, int flowSteps) {
    }

    /** Gradient flow from every row to the loss threshold, the top eigenvalue there, and again at threshold / 10. */
    static Gfs gfs(TanhMlp net, NDArray starts, Settings.Network s, RunContext ctx) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            long rows = starts.getShape().get(0);
            // a small first step; the step-size control enlarges it (x5 per step at most) to what stability allows
            NDArray h0 = starts.getManager().zeros(new Shape(rows)).toType(starts.getDataType(), false).add(1e-2);
            DormandPrince.Result end = DormandPrince.integrate(th -> net.analyticGradient(th).neg(), starts, h0, RTOL, ATOL,
                    th -> net.loss(th).lt(s.flowLoss()), MAX_FLOW_STEPS, ctx::checkDeadline);
            FlatModel.PowerIteration top = net.topEigenvalue(end.y(), s.powerIterations(), null);
            double[] sharpness = top.value().toDoubleArray();
            NDArray h1 = top.value().abs().pow(-1);
            DormandPrince.Result further = DormandPrince.integrate(th -> net.analyticGradient(th).neg(), end.y(), h1, RTOL,
                    ATOL, th -> net.loss(th).lt(s.flowLoss() / 10), MAX_FLOW_STEPS, ctx::checkDeadline);
            // the eigenvector barely moves between the two thresholds: a few warm-started iterations suffice
            double[] again = net.topEigenvalue(further.y(), WARM_ITERATIONS, top.vector()).value().toDoubleArray();
            double[] sensitivity = new double[(int) rows];
            for (int k = 0; k < rows; k++) {
                sensitivity[k] = Math.abs(again[k] - sharpness[k]) / sharpness[k];
            }
            if (!end.finished().all().getBoolean()) {
                throw new IllegalStateException("gradient flow did not reach loss " + s.flowLoss() + " in " + MAX_FLOW_STEPS + " steps");
            }
            return new Gfs(sharpness, sensitivity, top.lastRelativeChange().max().getDouble(), end.attempts() + further.attempts());
        }
    }

    /**
     * Relative error of the double-backward Hessian-vector product against central differences of the
     * gradient, (g(theta + h v) - g(theta - h v)) / 2h, for one random direction.
     */
    static double hvpAgainstFiniteDifferences(TanhMlp net, NDArray theta, long seed) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            java.util.Random r = new java.util.Random(seed + 1);
            double[] d = new double[net.parameters];
            for (int i = 0; i < d.length; i++) {
                d[i] = r.nextGaussian();
            }
            NDArray v = theta.getManager().create(d, new Shape(1, net.parameters));
            v = v.div(v.norm());
            double h = 1e-5;
            NDArray exact = net.hessianVectorProduct(theta, v);
            NDArray fd = net.analyticGradient(theta.add(v.mul(h))).sub(net.analyticGradient(theta.sub(v.mul(h)))).div(2 * h);
            return exact.sub(fd).norm().getDouble() / exact.norm().getDouble();
        }
    }

    private static void plot(RunContext ctx, Settings.Network s, double[] losses, double[] steps, double[] ratio,
                             double[] iterate) {
        XYChart a = Plots.lines("Tanh network (stand-in images): sharpness along GD", "GD step", "x eta/2 (1 = 2/eta)");
        Plots.addLine(a, "GFS sharpness", steps, ratio);
        double[] it = new double[iterate.length];
        double[] itSteps = new double[iterate.length];
        for (int k = 0; k < iterate.length; k++) {
            it[k] = iterate[k];
            itSteps[k] = (k + 1) * s.every();
        }
        Plots.addLine(a, "sharpness of the iterate", itSteps, it);
        Plots.addLine(a, "2/eta", new double[] {0, s.steps()}, new double[] {1, 1});
        ctx.savePlot("network-sharpness-along-gd", a);
        XYChart b = Plots.lines("Tanh network: training loss along GD", "GD step", "loss");
        b.getStyler().setYAxisLogarithmic(true);
        List<Double> clipped = new ArrayList<>();
        for (double l : losses) {
            clipped.add(Math.max(l, 1e-32));
        }
        Plots.addLine(b, "loss", null, clipped.stream().mapToDouble(Double::doubleValue).toArray());
        ctx.savePlot("network-loss-along-gd", b);
    }
}
