package org.reprobench.papers.quantumtunnelingwalk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;

/**
 * Claim sgd-arrhenius: the classical baseline's hitting time grows with the barrier as Arrhenius /
 * Kramers says, ln E[T] ~ 2 dH / s. Quartic double wells f = dH ((x/w)^2 - 1)^2 with w chosen so that
 * both curvatures stay fixed (f''(min) = 2, |f''(max)| = 1), so only the barrier height changes and
 * Kramers' asymptotic slope of ln T against 2 dH / s is exactly 1. All barrier heights run as one
 * batch of chains on DJL. The fitted slope is compared with the slope of the exact 1-D diffusion
 * mean first passage time (closed form, which includes the finite-barrier corrections), and each
 * Monte Carlo mean with the exact discrete-chain value (Nystroem solve).
 */
public final class ArrheniusLaw {
    static final double S = 0.1;
    static final double CURVATURE = 2;

    private ArrheniusLaw() {
    }

    static double[] barrierRatios(Profile p) {
        return switch (p) {
            case SMOKE -> new double[] {0.5, 1.25, 2};
            case CI -> new double[] {1, 1.75, 2.5, 3.25};
            case PAPER -> new double[] {1, 1.75, 2.5, 3.25, 4, 4.75, 5.5};
        };
    }

    /** Half-distance w between the minima giving f''(min) = 8 dH / w^2 = CURVATURE. */
    static double width(double dh) {
        return Math.sqrt(8 * dh / CURVATURE);
    }

    static double quartic(double x, double dh, double w) {
        double r = x / w;
        return dh * (r * r - 1) * (r * r - 1);
    }

    static double quarticGradient(double x, double dh, double w) {
        double r = x / w;
        return 4 * dh * r * (r * r - 1) / w;
    }

    /** Closed-form diffusion MFPT from -w to w with a wall at -2w (grid points on -w exactly). */
    static double closedForm(double dh) {
        double w = width(dh);
        return DiffusionMeanFirstPassage.time(x -> quartic(x, dh, w), -2 * w, -w, w, S, 3 * 20_000 + 1);
    }

    static double exactChain(double dh) {
        double w = width(dh);
        return SgdMeanHittingTime.solve(x -> quarticGradient(x, dh, w), -2 * w, 2 * w, w, -w, S, 8);
    }

    public static List<Outcome> run(RunContext ctx) {
        double[] ratios = barrierRatios(ctx.profile());
        int perHeight = switch (ctx.profile()) {
            case SMOKE -> 200;
            case CI -> 1000;
            case PAPER -> 4000;
        };
        int k = ratios.length;
        double[] closed = new double[k];
        double[] exact = new double[k];
        double[] logClosed = new double[k];
        for (int i = 0; i < k; i++) {
            double dh = ratios[i] * S / 2;
            closed[i] = closedForm(dh);
            exact[i] = exactChain(dh);
            logClosed[i] = Math.log(closed[i]);
        }
        double closedSlope = HalfPeriods.slope(ratios, logClosed);
        List<Outcome> out = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            double[] params = new double[k * perHeight * 2];
            double[] x0 = new double[k * perHeight];
            for (int i = 0; i < k; i++) {
                double dh = ratios[i] * S / 2;
                for (int c = 0; c < perHeight; c++) {
                    int row = i * perHeight + c;
                    params[2 * row] = dh;
                    params[2 * row + 1] = width(dh);
                    x0[row] = -width(dh);
                }
            }
            LangevinChains.Hits hits;
            try (NDManager m = ctx.manager().newSubManager()) {
                NDArray xs = m.create(x0).reshape(-1, 1);
                NDArray ps = m.create(params).reshape(-1, 2);
                long cap = (long) (15 * exact[k - 1] / S);
                hits = LangevinChains.run(m, seed, xs, ps, null, S, new ChainLandscapes.QuarticWells(), cap, ctx);
            }
            double[] mean = new double[k];
            double[] logMean = new double[k];
            Outcome o = Outcome.derived();
            double worstZ = 0;
            for (int i = 0; i < k; i++) {
                double[] part = java.util.Arrays.copyOfRange(hits.steps(), i * perHeight, (i + 1) * perHeight);
                double[] ms = LangevinChains.meanAndStandardError(part, S);
                mean[i] = ms[0];
                logMean[i] = Math.log(ms[0]);
                double z = (ms[0] - exact[i]) / ms[1];
                worstZ = Math.max(worstZ, Math.abs(z));
                o.metric(String.format("T_mc_%.2f", ratios[i]), ms[0])
                        .metric(String.format("T_exact_chain_%.2f", ratios[i]), exact[i])
                        .metric(String.format("T_diffusion_%.2f", ratios[i]), closed[i]);
            }
            double mcSlope = HalfPeriods.slope(ratios, logMean);
            o.withValue(mcSlope / closedSlope);
            o.metric("mc_slope", mcSlope).metric("closed_form_slope", closedSlope).metric("kramers_asymptotic_slope", 1)
                    .metric("worst_z_mc_vs_exact_chain", worstZ).metric("censored_chains", hits.censored());
            o.note(String.format("slope of ln E[T] against 2dH/s: Monte Carlo %.3f, diffusion closed form %.3f (Kramers limit 1); "
                    + "%d chains per barrier, largest |z| of MC against the exact chain value %.2f", mcSlope, closedSlope, perHeight, worstZ));
            out.add(o);
            if (out.size() == 1) {
                XYChart chart = Plots.lines("SGD hitting time against barrier height (s = " + S + ")", "2 dH / s", "ln E[T]");
                chart.getStyler().setMarkerSize(8);
                XYSeries mc = chart.addSeries("Monte Carlo (DJL chains)", ratios, logMean);
                mc.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                mc.setMarker(SeriesMarkers.CIRCLE);
                Plots.addLine(chart, "diffusion closed form", ratios, logClosed);
                double[] logExact = java.util.Arrays.stream(exact).map(Math::log).toArray();
                Plots.addLine(chart, "exact discrete chain (Nystroem)", ratios, logExact);
                ctx.savePlot("sgd-arrhenius", chart);
            }
        }
        return out;
    }
}
