package org.reprobench.papers.adversarialsde;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;
import org.reprobench.harness.Stats;

/**
 * Claim at-drift-expansion: the drift of adversarial training is the drift of SGD plus eps times
 * the gradient of an input-gradient regulariser, up to O(eps^2):
 * mean_b grad_theta l(theta; x_b + eps d_b) = grad_theta [L + eps mean_b N(grad_x l_b)] + O(eps^2),
 * where the adversary's direction d is computed at theta and held fixed during the step, and the
 * regulariser N is the dual norm of the adversary's constraint: l2 step d = g/|g| gives |g|_2,
 * sign step (l-infinity FGSM) gives |g|_1, an unnormalised ascent step d = g gives |g|_2^2 / 2.
 *
 * <p>Measured on a smooth tanh network (one per seed, random initialisation, a two-moons batch),
 * in float64, with the regulariser's gradient from second-order autograd. The series is the
 * largest remainder over the three adversaries, against eps: its log-log slope must be 2.
 */
public final class DriftExpansion {
    static final double[] EPSILONS = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3};
    static final int HIDDEN = 16;

    /** An adversary: its direction from the input gradient, and the regulariser it induces. */
    enum Adversary {
        L2(g -> g.div(g.norm(new int[] {2}, true)), g -> g.norm(new int[] {2})),
        LINF(NDArray::sign, g -> g.abs().sum(new int[] {2})),
        ASCENT(g -> g, g -> g.square().sum(new int[] {2}).mul(0.5));

        final UnaryOperator<NDArray> direction;
        final UnaryOperator<NDArray> regulariser;

        Adversary(UnaryOperator<NDArray> direction, UnaryOperator<NDArray> regulariser) {
            this.direction = direction;
            this.regulariser = regulariser;
        }
    }

    private DriftExpansion() {
    }

    public static List<Outcome> run(RunContext ctx) {
        List<Long> seeds = ctx.seeds();
        int batch = ctx.profile() == Profile.SMOKE ? 32 : 128;
        int models = seeds.size();
        double[][] init = new double[models][];
        double[] x = new double[models * batch * 2];
        double[] y = new double[models * batch];
        for (int m = 0; m < models; m++) {
            SplittableRandom rng = new SplittableRandom(seeds.get(m) * 7919 + 2);
            init[m] = MlpEnsemble.initialParameters(HIDDEN, rng);
            TwoMoons data = TwoMoons.sample(batch, 0.2, rng);
            System.arraycopy(data.points(), 0, x, m * batch * 2, batch * 2);
            System.arraycopy(data.labels(), 0, y, m * batch, batch);
        }
        Adversary[] adversaries = Adversary.values();
        double[][][] remainder = new double[adversaries.length][EPSILONS.length][];
        try (NDManager m = ctx.manager().newSubManager();
             MlpEnsemble net = new MlpEnsemble(m, HIDDEN, init, DataType.FLOAT64)) {
            NDArray xs = m.create(x, new Shape(models, batch, 2));
            NDArray ys = m.create(y, new Shape(models, batch));
            NDArray[] clean = net.parameterGradients(xs, ys, m);
            NDArray inputGradient = net.inputGradients(xs, ys);
            for (int a = 0; a < adversaries.length; a++) {
                ctx.checkDeadline();
                NDArray d = adversaries[a].direction.apply(inputGradient);
                NDArray[] regGradient = net.regulariserGradients(xs, ys, adversaries[a].regulariser, m);
                for (int e = 0; e < EPSILONS.length; e++) {
                    try (NDManager step = m.newSubManager()) {
                        NDArray perturbedInput = d.mul(EPSILONS[e]).addi(xs);
                        perturbedInput.attach(step);
                        NDArray[] perturbed = net.parameterGradients(perturbedInput, ys, step);
                        NDArray[] firstOrder = new NDArray[clean.length];
                        for (int i = 0; i < clean.length; i++) {
                            firstOrder[i] = clean[i].add(regGradient[i].mul(EPSILONS[e]));
                            firstOrder[i].attach(step);
                        }
                        remainder[a][e] = MlpEnsemble.distance(perturbed, firstOrder).toDoubleArray();
                    }
                }
            }
        }
        List<Outcome> out = new ArrayList<>();
        XYChart chart = Plots.lines("Drift of AT - [drift of SGD + eps grad(regulariser)] (seed " + seeds.get(0) + ")",
                "eps", "remainder |.|_2 over all parameters");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        for (int m = 0; m < models; m++) {
            double[] worst = new double[EPSILONS.length];
            Outcome o = Outcome.derived();
            for (int a = 0; a < adversaries.length; a++) {
                double[] r = new double[EPSILONS.length];
                for (int e = 0; e < EPSILONS.length; e++) {
                    r[e] = remainder[a][e][m];
                    worst[e] = Math.max(worst[e], r[e]);
                }
                o.metric("slope_" + adversaries[a].name().toLowerCase(Locale.ROOT), Stats.logLogSlope(EPSILONS, r));
                o.note(String.format(Locale.ROOT, "%s: remainder %.3e at eps %.0e, %.3e at eps %.0e", adversaries[a],
                        r[0], EPSILONS[0], r[r.length - 1], EPSILONS[EPSILONS.length - 1]));
                if (m == 0) {
                    Plots.addLine(chart, adversaries[a].name(), EPSILONS, r);
                }
            }
            out.add(o.series(EPSILONS, worst));
        }
        ctx.savePlot("at-drift-remainder", chart);
        return out;
    }
}
