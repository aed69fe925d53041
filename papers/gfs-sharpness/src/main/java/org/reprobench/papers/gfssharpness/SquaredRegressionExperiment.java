package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;

/**
 * Claim regression-gfs-monotone: GD on the squared regression model (our stand-in for the paper's,
 * see {@link SquaredRegression}) on the stand-in images, at step sizes around and beyond the edge of
 * stability, with the exact GFS sharpness (convex dual + eigenvalue) after every step. All runs of a
 * seed (initialisations x step sizes) are rows of one tensor. The closed form is cross-checked against
 * an integrated gradient flow and a power iteration with double-backward Hessian-vector products.
 */
final class SquaredRegressionExperiment {
    static final double FLOW_LOSS = 1e-12;

    private SquaredRegressionExperiment() {
    }

    static Experiment create(Function<Profile, Settings.Regression> settings) {
        return Experiment.perSeed((ctx, seed) -> {
            Settings.Regression s = settings.apply(ctx.profile());
            StandInImages data = StandInImages.load(s.perClass());
            ctx.useData(data.label(), data.standIn(), data.sha256());
            int q = s.q().length;
            int rows = s.inits() * q;
            try (NDManager m = ctx.manager().newSubManager()) {
                SquaredRegression model = new SquaredRegression(data, m);
                int p = 2 * model.d;
                Random rnd = new Random(seed);
                double[] flat = new double[rows * p];
                for (int i = 0; i < s.inits(); i++) {
                    double[] w = new double[p];
                    for (int j = 0; j < p; j++) {
                        w[j] = Math.exp(2 * rnd.nextDouble() - 1);
                    }
                    for (int k = 0; k < q; k++) {
                        System.arraycopy(w, 0, flat, (i * q + k) * p, p);
                    }
                }
                NDArray theta = m.create(flat, new Shape(rows, p));
                SquaredRegression.Gfs gfs = model.gfs(theta, null);
                double[] phi0 = gfs.sharpness().toDoubleArray();
                double[] eta = new double[rows];
                double[] qs = new double[rows];
                for (int i = 0; i < rows; i++) {
                    qs[i] = s.q()[i % q];
                    eta[i] = 2 * qs[i] / phi0[i];
                }
                FlowCheck check = s.flowChecks() == 0 ? null
                        : flowCheck(model, theta, gfs, Math.min(s.flowChecks(), rows), ctx::checkDeadline);
                NDArray etaT = m.create(eta);
                double[] prevPhi = phi0.clone();
                double[] prevLoss = model.loss(theta).toDoubleArray();
                double[] worst = new double[rows];
                java.util.Arrays.fill(worst, Double.NEGATIVE_INFINITY);
                int[] lossRises = new int[rows];
                double dualResidual = gfs.residual();
                double[][] tracePhi = new double[q][s.steps() + 1];
                double[][] traceLoss = new double[q][s.steps() + 1];
                for (int k = 0; k < q; k++) {
                    tracePhi[k][0] = phi0[k] * eta[k] / 2;
                    traceLoss[k][0] = prevLoss[k];
                }
                Progress progress = ctx.progress(s.steps());
                for (int t = 1; t <= s.steps(); t++) {
                    NDArray next;
                    SquaredRegression.Gfs nextGfs;
                    double[] phi;
                    double[] loss;
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        next = model.gdStep(theta, etaT);
                        nextGfs = model.gfs(next, gfs);
                        phi = nextGfs.sharpness().toDoubleArray();
                        loss = model.loss(next).toDoubleArray();
                        NDScope.unregister(next, nextGfs.mu(), nextGfs.sharpness(), nextGfs.vector());
                    }
                    theta.close();
                    gfs.mu().close();
                    gfs.sharpness().close();
                    gfs.vector().close();
                    theta = next;
                    gfs = nextGfs;
                    dualResidual = Math.max(dualResidual, gfs.residual());
                    for (int i = 0; i < rows; i++) {
                        worst[i] = Math.max(worst[i], (phi[i] - prevPhi[i]) / phi0[i]);
                        lossRises[i] += loss[i] > prevLoss[i] * (1 + ScalarSweep.LOSS_RISE) ? 1 : 0;
                    }
                    for (int k = 0; k < q; k++) {
                        tracePhi[k][t] = phi[k] * eta[k] / 2;
                        traceLoss[k][t] = loss[k];
                    }
                    prevPhi = phi;
                    prevLoss = loss;
                    progress.step();
                }
                double largest = Double.NEGATIVE_INFINITY;
                int beyond = 0;
                int beyondRising = 0;
                double lowestFinal = Double.POSITIVE_INFINITY;
                double highestFinal = 0;
                for (int i = 0; i < rows; i++) {
                    largest = Math.max(largest, worst[i]);
                    if (qs[i] > 1) {
                        beyond++;
                        beyondRising += lossRises[i] > 0 ? 1 : 0;
                    }
                    lowestFinal = Math.min(lowestFinal, prevPhi[i] * eta[i] / 2);
                    highestFinal = Math.max(highestFinal, prevPhi[i] * eta[i] / 2);
                }
                if (seed == ctx.seeds().get(0)) {
                    plot(ctx, s, tracePhi, traceLoss);
                }
                Outcome o = Outcome.of(largest)
                        .metric("runs", rows)
                        .metric("examples", model.n)
                        .metric("features", model.d)
                        .metric("runs_beyond_2_over_eta", beyond)
                        .metric("of_which_loss_rose", beyondRising)
                        .metric("final_sharpness_x_eta_over_2_lowest", lowestFinal)
                        .metric("final_sharpness_x_eta_over_2_highest", highestFinal)
                        .metric("largest_dual_gradient_residual", dualResidual);
                if (check != null) {
                    o.metric("flow_check_rel_diff", check.relDiff())
                            .metric("flow_check_power_iteration_last_change", check.powerChange())
                            .metric("flow_check_steps", check.steps());
                }
                return o.note("value: largest one-step increase of the GFS sharpness over its initial value, over "
                                + rows + " runs x " + s.steps() + " GD steps; negative: it fell at every step");
            }
        });
    }

    /** Closed form against the flow: relative difference, power iteration's last change, integrator steps. */
    record FlowCheck(double relDiff, double powerChange, int steps) {
    }

    /**
     * Integrates gradient flow from the first rows' starts (adaptive Dormand-Prince) to loss 1e-12 and
     * estimates the top Hessian eigenvalue there by power iteration with double-backward
     * Hessian-vector products; compares with the dual closed form.
     */
    static FlowCheck flowCheck(SquaredRegression model, NDArray theta, SquaredRegression.Gfs gfs, int rows,
                               Runnable onStep) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray start = theta.get("0:" + rows);
            NDArray closed = gfs.sharpness().get("0:" + rows);
            NDArray h0 = closed.pow(-1).mul(0.5);
            DormandPrince.Result flow = DormandPrince.integrate(th -> model.analyticGradient(th).neg(), start, h0, 1e-10,
                    1e-12, th -> model.loss(th).lt(FLOW_LOSS), 200_000, onStep);
            FlatModel.PowerIteration top = model.topEigenvalue(flow.y(), 200, null);
            double rel = top.value().sub(closed).abs().div(closed).max().getDouble();
            return new FlowCheck(rel, top.lastRelativeChange().max().getDouble(), flow.attempts());
        }
    }

    private static void plot(org.reprobench.api.RunContext ctx, Settings.Regression s, double[][] phi, double[][] loss) {
        XYChart a = Plots.lines("Squared regression (stand-in images): GFS sharpness, first 200 GD steps", "GD step",
                "GFS sharpness x eta/2 (1 = 2/eta)");
        XYChart b = Plots.lines("Squared regression: loss along the same runs", "GD step", "loss");
        b.getStyler().setYAxisLogarithmic(true);
        // the GFS sharpness moves in the first steps; later it is flat to the eye
        int shown = Math.min(phi[0].length, 201);
        for (int k = 0; k < phi.length; k++) {
            double[] l = loss[k].clone();
            for (int t = 0; t < l.length; t++) {
                l[t] = Math.max(l[t], 1e-32);
            }
            Plots.addLine(a, "phi(w0) eta/2 = " + s.q()[k], null, java.util.Arrays.copyOf(phi[k], shown));
            Plots.addLine(b, "phi(w0) eta/2 = " + s.q()[k], null, l);
        }
        ctx.savePlot("regression-gfs-along-gd", a);
        ctx.savePlot("regression-loss-along-gd", b);
    }
}
