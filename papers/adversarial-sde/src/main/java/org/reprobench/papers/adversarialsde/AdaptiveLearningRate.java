package org.reprobench.papers.adversarialsde;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * Claim adaptive-lr-beats-fixed (v1 of the paper): a learning-rate schedule from a stochastic
 * control problem on the SDE lowers the final training loss compared with the fixed rate.
 *
 * <p>Our version (the paper's set-up could not be read): adversarial training on the regression
 * test bed (eps = 0.2, theta_0 = 2), maximal step eta, K steps. The learning rate of step k is
 * eta u with u in [0, 1]; on the SDE dTheta = -u R'(Theta) dt + u sqrt(eta Var g(Theta)) dW the
 * value V(t, theta) = min_u E R(Theta_T) solves the HJB equation
 * V_t + min_u [-u R' V_theta + u^2 eta Var g V_thetatheta / 2] = 0, V(T) = R, whose pointwise
 * minimiser is u* = clip(R' V_theta / (eta Var g V_thetatheta), 0, 1). It is solved backwards on a
 * grid (implicit Euler, one time step per SGD step, policy from the later time level), giving a
 * feedback rule u_k(theta). Both schedules then run on the same samples (paired), and the final
 * robust risk E R(theta_K) is compared; R is known in closed form.
 *
 * <p>The HJB recursion is a tridiagonal solve per step, a scalar recursion: plain doubles.
 */
public final class AdaptiveLearningRate {
    static final double EPS = 0.2;
    static final double THETA0 = 2.0;
    static final double ETA = 0.1;
    static final int STEPS = 40;
    static final double LO = -4;
    static final double HI = 4;
    static final int NODES = 801;
    /** The fixed schedules compared against: rate eta times each of these, for all steps. */
    static final double[] FIXED = {1.0, 0.5, 0.25};

    private AdaptiveLearningRate() {
    }

    public static List<Outcome> run(RunContext ctx) {
        RegressionTestBed bed = RegressionTestBed.standard(EPS);
        double[][] policy = policy(bed);
        int paths = ctx.profile() == Profile.SMOKE ? 5000 : 20_000;
        List<Outcome> out = new ArrayList<>();
        double[] meanU = null;
        for (long seed : ctx.seeds()) {
            double[][] result = simulate(ctx, bed, policy, paths, seed);
            double[] a = AtWeakOrder.meanAndStandardError(result[0], 1);
            Outcome o = Outcome.derived().metric("adaptive_final_robust_risk", a[0]);
            StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                    "final robust risk E R(theta_K) (minimum of R: %.5f): adaptive %.5f +- %.1e",
                    bed.robustRisk(bed.robustMinimiser()), a[0], a[1]));
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < FIXED.length; j++) {
                double[] f = AtWeakOrder.meanAndStandardError(result[1 + j], 1);
                double[] gain = new double[paths];
                for (int i = 0; i < paths; i++) {
                    gain[i] = result[1 + j][i] - result[0][i];
                }
                double[] g = AtWeakOrder.meanAndStandardError(gain, 1);
                best = Math.min(best, f[0]);
                o.metric(String.format(Locale.ROOT, "fixed_%.2f_final_robust_risk", FIXED[j]), f[0]);
                note.append(String.format(Locale.ROOT, "; fixed rate %.3f: %.5f +- %.1e (paired gain of adaptive %.2e +- %.1e)",
                        ETA * FIXED[j], f[0], f[1], g[0], g[1]));
            }
            meanU = result[result.length - 1];
            out.add(o.metric("best_fixed_final_robust_risk", best).note(note.toString()));
        }
        XYChart chart = Plots.lines("Learning-rate multiplier of the HJB schedule (mean over runs, seed " + ctx.seeds().get(0) + ")",
                "step k", "u_k (rate = 0.1 u_k)");
        double[] k = new double[STEPS];
        Arrays.setAll(k, i -> i);
        Plots.addLine(chart, "adaptive", k, meanU);
        for (double c : FIXED) {
            double[] flat = new double[STEPS];
            Arrays.fill(flat, c);
            Plots.addLine(chart, String.format(Locale.ROOT, "fixed %.2f", c), k, flat);
        }
        ctx.savePlot("adaptive-learning-rate", chart);
        return out;
    }

    /** u[k][node] for k = 0..STEPS-1, from the HJB equation solved backwards from V(T) = R. */
    static double[][] policy(RegressionTestBed bed) {
        double h = (HI - LO) / (NODES - 1);
        double[] x = new double[NODES];
        double[] grad = new double[NODES];
        double[] diff = new double[NODES];
        double[] v = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            x[i] = LO + i * h;
            grad[i] = bed.robustRiskGradient(x[i]);
            diff[i] = ETA * bed.gradientVariance(x[i]);
            v[i] = bed.robustRisk(x[i]);
        }
        double[][] u = new double[STEPS][NODES];
        double[] sub = new double[NODES];
        double[] dia = new double[NODES];
        double[] sup = new double[NODES];
        for (int k = STEPS - 1; k >= 0; k--) {
            for (int i = 0; i < NODES; i++) {
                int j = Math.min(Math.max(i, 1), NODES - 2); // boundary nodes borrow their neighbour's stencil
                double vx = (v[j + 1] - v[j - 1]) / (2 * h);
                double vxx = (v[j + 1] - 2 * v[j] + v[j - 1]) / (h * h);
                u[k][i] = bestMultiplier(grad[i], diff[i], vx, vxx);
                double drift = -u[k][i] * grad[i];
                double d = u[k][i] * u[k][i] * diff[i];
                // generator A_u V = drift V_x + d V_xx / 2 as a tridiagonal row; boundary rows keep
                // the drift only, differenced inwards (it points inwards there)
                double a;
                double b;
                double c;
                if (i == 0) {
                    a = 0;
                    b = -drift / h;
                    c = drift / h;
                } else if (i == NODES - 1) {
                    a = -drift / h;
                    b = drift / h;
                    c = 0;
                } else {
                    a = -drift / (2 * h) + 0.5 * d / (h * h);
                    b = -d / (h * h);
                    c = drift / (2 * h) + 0.5 * d / (h * h);
                }
                // implicit Euler over one SGD step of length eta: (I - eta A_u) V_k = V_{k+1}
                sub[i] = -ETA * a;
                dia[i] = 1 - ETA * b;
                sup[i] = -ETA * c;
            }
            v = Tridiagonal.solve(sub, dia, sup, v);
        }
        return u;
    }

    /** argmin over u in [0, 1] of -u R' V_x + u^2 D V_xx / 2. */
    static double bestMultiplier(double gradient, double diffusion, double vx, double vxx) {
        double linear = gradient * vx;
        double quadratic = diffusion * vxx;
        if (quadratic > 0) {
            return Math.min(1, Math.max(0, linear / quadratic));
        }
        // concave or flat in u: an endpoint is best
        return -linear + 0.5 * quadratic < 0 ? 1 : 0;
    }

    /**
     * Final robust risks per run: [adaptive, fixed rate 1, fixed rate 2, ...], all on the same
     * samples, then the mean multiplier of the adaptive schedule per step.
     */
    private static double[][] simulate(RunContext ctx, RegressionTestBed bed, double[][] policy, int paths, long seed) {
        double[] eps = new double[paths];
        Arrays.fill(eps, EPS);
        double[] meanU = new double[STEPS];
        double h = (HI - LO) / (NODES - 1);
        Progress progress = ctx.progress(STEPS);
        Engine.getInstance().setRandomSeed((int) (1000 * seed + 5));
        try (NDManager m = ctx.manager().newSubManager()) {
            AdversarialRegressionRuns[] arms = new AdversarialRegressionRuns[1 + FIXED.length];
            for (int j = 0; j < arms.length; j++) {
                double[] eta = new double[paths];
                Arrays.fill(eta, j == 0 ? ETA : ETA * FIXED[j - 1]);
                arms[j] = new AdversarialRegressionRuns(m, bed, THETA0, eps, eta, DataType.FLOAT32);
            }
            AdversarialRegressionRuns adaptive = arms[0];
            NDArray lo = m.create((float) LO);
            NDArray invH = m.create((float) (1 / h));
            NDArray one = m.create(1f);
            NDArray eta = m.create((float) ETA);
            for (int k = 0; k < STEPS; k++) {
                try (NDManager sub = m.newSubManager()) {
                    NDArray x = sub.randomNormal(0, 1, new Shape(paths), DataType.FLOAT32);
                    NDArray noise = sub.randomNormal(0, (float) bed.sigma(), new Shape(paths), DataType.FLOAT32);
                    // u_k at each run's theta, linear interpolation in the policy table
                    NDArray pos = adaptive.theta().sub(lo).muli(invH).clip(0, NODES - 1.001);
                    pos.attach(sub);
                    NDArray i0 = pos.floor().toType(DataType.INT64, false);
                    NDArray w = pos.sub(pos.floor());
                    NDArray table = sub.create(policy[k]).toType(DataType.FLOAT32, false);
                    NDArray u = table.take(i0).mul(one.sub(w)).add(table.take(i0.add(1)).mul(w));
                    meanU[k] = u.mean().getFloat();
                    adaptive.step(x, noise, u.mul(eta));
                    for (int j = 1; j < arms.length; j++) {
                        arms[j].step(x, noise);
                    }
                }
                progress.step();
            }
            double[][] out = new double[arms.length + 1][];
            for (int j = 0; j < arms.length; j++) {
                double[] theta = arms[j].theta().toType(DataType.FLOAT64, false).toDoubleArray();
                out[j] = new double[paths];
                for (int i = 0; i < paths; i++) {
                    out[j][i] = bed.robustRisk(theta[i]);
                }
                arms[j].close();
            }
            out[arms.length] = meanU;
            return out;
        }
    }
}
