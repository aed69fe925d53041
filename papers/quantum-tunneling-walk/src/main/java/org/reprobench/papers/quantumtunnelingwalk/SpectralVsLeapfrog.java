package org.reprobench.papers.quantumtunnelingwalk;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;

/**
 * Claim qtw-1d-spectral-vs-leapfrog: E[T_QTW] of the restart protocol (tau = 288) computed two
 * independent ways agrees: (1) from the spectrum, exactly, by Wald's identity; (2) by the code's
 * leap-frog time stepping (dt = 1/lambda_max of the local Hamiltonian) with the target probability
 * integrated over [0, tau]. Also reported: the leap-frog's norm and energy drift, the change when dt is
 * halved and when the grid is refined (n = 1025, dx halved), and a Monte Carlo of the restart
 * protocol itself (sampling the measurement) against Wald's formula.
 */
public final class SpectralVsLeapfrog {
    static final double TAU = 288;

    private SpectralVsLeapfrog() {
    }

    public static List<Outcome> run(RunContext ctx) {
        boolean smoke = ctx.profile() == Profile.SMOKE;
        int[] examples = smoke ? new int[] {1} : new int[] {1, 2, 3};
        int repeats = ctx.profile() == Profile.PAPER ? 1000 : smoke ? 100 : 1000;
        Outcome o = Outcome.derived();
        double worst = 0;
        XYChart chart = Plots.lines("Target-well probability, spectrum (lines) vs leap-frog (dots), tau = 288",
                "t", "P(x in target well)");
        chart.getStyler().setMarkerSize(5);
        var progress = ctx.progress(examples.length);
        for (int ex : examples) {
            DoubleWellLandscape land = DoubleWellLandscape.example(ex);
            double h = DoubleWellLandscape.exampleH(ex);
            Hamiltonian1D ham = new Hamiltonian1D(land, h, 512);
            double[] u0 = ham.localGroundState(2 * land.a());
            // the code's three local regions as one batch of initial states; the first is the QTW's
            double[][] regions = {u0, ham.localGroundState(2 * land.a() + land.b()), ham.localGroundState(2 * land.a() + 2 * land.b())};
            double spectral;
            double[] curve;
            double[] times = new double[145];
            for (int i = 0; i < times.length; i++) {
                times[i] = TAU * i / (times.length - 1);
            }
            double mcMean;
            double mcSe;
            try (NDManager m = ctx.manager().newSubManager()) {
                SpectralWalk walk = new SpectralWalk(m, ham.lowest(OneDimComparison.EIGENPAIRS), regions,
                        ham.targetMask(), ham.loss());
                double[][] byRegion = walk.expectedHittingTime(new double[] {TAU});
                spectral = byRegion[0][0];
                o.metric("ex" + ex + "_qtw_middle_region", byRegion[1][0]).metric("ex" + ex + "_qtw_large_region", byRegion[2][0]);
                curve = walk.targetProbability(times)[0];
                double[] mc = restartMonteCarlo(walk, TAU, repeats, ctx.seeds().get(0) + ex);
                mcMean = mc[0];
                mcSe = mc[1];
                o.metric("ex" + ex + "_eigenpair_weight_missed", 1 - walk.capturedWeight()[0]);
            }
            double lmax = ham.localLargestEigenvalue(2 * land.a());
            Leapfrog1D.Trajectory tr = new Leapfrog1D(ham).run(new double[][] {u0}, TAU, 1 / lmax, ham.targetMask());
            double leapfrog = TAU / (2 * tr.timeAveragedTargetProbability()[0]);
            double rel = Math.abs(leapfrog / spectral - 1);
            worst = Math.max(worst, rel);
            o.metric("ex" + ex + "_qtw_spectral", spectral)
                    .metric("ex" + ex + "_qtw_leapfrog", leapfrog)
                    .metric("ex" + ex + "_leapfrog_norm_deviation", maxDeviation(tr.norm()[0]))
                    .metric("ex" + ex + "_leapfrog_energy_drift", tr.energyDrift()[0])
                    .metric("ex" + ex + "_restart_mc_mean", mcMean)
                    .metric("ex" + ex + "_restart_mc_z", (mcMean - spectral) / mcSe);
            if (!smoke) {
                Leapfrog1D.Trajectory half = new Leapfrog1D(ham).run(new double[][] {u0}, TAU, 0.5 / lmax, ham.targetMask());
                double leapHalf = TAU / (2 * half.timeAveragedTargetProbability()[0]);
                o.metric("ex" + ex + "_dt_halving_change", Math.abs(leapHalf / leapfrog - 1));
                try (NDManager m = ctx.manager().newSubManager()) {
                    double fine = OneDimComparison.of(m, land, h, 1025, new double[] {TAU}).qtw(TAU);
                    o.metric("ex" + ex + "_grid_halving_change", Math.abs(fine / spectral - 1));
                }
            }
            o.note(String.format("%s (h=%s): E[T_QTW] spectral %.2f, leap-frog %.2f (rel. diff %.1e), restart MC %.0f +- %.0f (%d repeats)",
                    land.name(), h, spectral, leapfrog, rel, mcMean, mcSe, repeats));
            Plots.addLine(chart, "Ex" + ex + " spectrum", times, curve);
            int stride = Math.max(1, tr.times().length / 60);
            double[] tx = new double[tr.times().length / stride];
            double[] py = new double[tx.length];
            for (int i = 0; i < tx.length; i++) {
                tx[i] = tr.times()[i * stride];
                py[i] = tr.targetProbability()[0][i * stride];
            }
            var dots = chart.addSeries("Ex" + ex + " leap-frog", tx, py);
            dots.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            dots.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
            progress.step();
        }
        ctx.savePlot("qtw-1d-target-probability", chart);
        o.withValue(worst);
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < ctx.seeds().size(); i++) {
            out.add(o);
        }
        return out;
    }

    /**
     * The code's protocol sampled: repeat { t ~ U(0, tau); total += t; hit with probability P_target(t) }
     * until a hit. P_target(t) comes from the spectrum for all drawn times in one batch.
     */
    static double[] restartMonteCarlo(SpectralWalk walk, double tau, int repeats, long seed) {
        Random rng = new Random(seed);
        double[] results = new double[repeats];
        int done = 0;
        double[] total = new double[repeats];
        boolean[] finished = new boolean[repeats];
        while (done < repeats) {
            double[] t = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                t[r] = rng.nextDouble() * tau;
            }
            double[] p = walk.targetProbability(t)[0];
            for (int r = 0; r < repeats; r++) {
                if (finished[r]) {
                    continue;
                }
                total[r] += t[r];
                if (rng.nextDouble() < p[r]) {
                    finished[r] = true;
                    results[r] = total[r];
                    done++;
                }
            }
        }
        return LangevinChains.meanAndStandardError(results, 1);
    }

    private static double maxDeviation(double[] norm) {
        double worst = 0;
        for (double v : norm) {
            worst = Math.max(worst, Math.abs(v - 1));
        }
        return worst;
    }
}
