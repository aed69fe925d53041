package org.reprobench.papers.quantumtunnelingwalk;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;

/**
 * Claims half-period-cells and tunnelling-exponent (2-D example, Test 2 of the code): the time the
 * walk needs to put 90 % of its probability into the target disk, found as the code does (leap-frog
 * with dt = 0.2 dx^2/h^2, checked every 5 time units after the first 5), for h = 0.16 ... 0.28.
 * The code prints the half periods 495, 285, 205, 145, 125, 85, 70 (+-5) on its 399 x 399 grid.
 * The seven h values are independent walks and run in parallel.
 */
public final class HalfPeriods {
    /** The code's hspan and Tspan (quantum_tunneling_experiment.m, Test 2, the ln(T_half) plot). */
    static final double[] CODE_H = {0.16, 0.18, 0.20, 0.22, 0.24, 0.26, 0.28};
    static final double[] CODE_T = {495, 285, 205, 145, 125, 85, 70};

    /** S0 = omega a^2 / sqrt2 + 2 (b - a) sqrt(H1), the action in the code's theory line ln T = ... + S0/h. */
    static final double S0 = PlaneWalk.OMEGA * PlaneWalk.A * PlaneWalk.A / Math.sqrt(2)
            + 2 * (PlaneWalk.B - PlaneWalk.A) * Math.sqrt(PlaneWalk.H1);

    private static final Map<String, double[]> MEMO = new ConcurrentHashMap<>();

    private HalfPeriods() {
    }

    /** Grid per profile: smoke 99, ci 199 (dx twice the code's), paper the code's 399. */
    static int grid(Profile p) {
        return switch (p) {
            case SMOKE -> 99;
            case CI -> 199;
            case PAPER -> 399;
        };
    }

    /** All seven of the code's h values at every profile (the 99-point smoke grid takes about a second). */
    static double[] hValues(Profile p) {
        return CODE_H;
    }

    /** Half periods for the profile's grid and h values (computed once per run). */
    static double[] halfPeriods(RunContext ctx) {
        int n = grid(ctx.profile());
        double[] hs = hValues(ctx.profile());
        return MEMO.computeIfAbsent(n + ":" + Arrays.toString(hs), k -> {
            var progress = ctx.progress(hs.length);
            return IntStream.range(0, hs.length).parallel().mapToDouble(i -> {
                PlaneWalk walk = new PlaneWalk(n, hs[i]);
                double t = walk.halfPeriod(walk.localGroundState(), walk.codeStep(), 600);
                synchronized (progress) {
                    progress.step();
                }
                return t;
            }).toArray();
        });
    }

    static double codeHalfPeriod(double h) {
        for (int i = 0; i < CODE_H.length; i++) {
            if (Math.abs(CODE_H[i] - h) < 1e-9) {
                return CODE_T[i];
            }
        }
        return Double.NaN;
    }

    public static List<Outcome> cells(RunContext ctx) {
        double[] hs = hValues(ctx.profile());
        double[] ours = halfPeriods(ctx);
        int within = 0;
        Outcome o = Outcome.derived();
        StringBuilder table = new StringBuilder("h: ours / code");
        for (int i = 0; i < hs.length; i++) {
            double code = codeHalfPeriod(hs[i]);
            boolean ok = Math.abs(ours[i] - code) <= 5;
            within += ok ? 1 : 0;
            o.metric(String.format("T_half_h%.2f", hs[i]), ours[i]);
            table.append(String.format("; %.2f: %.0f / %.0f%s", hs[i], ours[i], code, ok ? "" : " (off)"));
        }
        o.withValue((double) within / hs.length);
        o.metric("cells_within_5", within).metric("grid", grid(ctx.profile()));
        o.note(table.toString());
        plot(ctx, hs, ours);
        return ctx.seeds().stream().map(s -> o).toList();
    }

    public static List<Outcome> exponent(RunContext ctx) {
        double[] hs = hValues(ctx.profile());
        double[] ours = halfPeriods(ctx);
        double[] inv = new double[hs.length];
        double[] logT = new double[hs.length];
        double[] codeLog = new double[hs.length];
        for (int i = 0; i < hs.length; i++) {
            inv[i] = 1 / hs[i];
            logT[i] = Math.log(ours[i]);
            codeLog[i] = Math.log(codeHalfPeriod(hs[i]));
        }
        Outcome o = Outcome.derived().series(inv, logT)
                .metric("S0_theory", S0)
                .metric("code_points_slope", slope(inv, codeLog))
                .note(String.format("slope of ln T_half against 1/h; the code's theory line has slope S0 = %.4f, "
                        + "its printed half periods give %.3f", S0, slope(inv, codeLog)));
        return ctx.seeds().stream().map(s -> o).toList();
    }

    private static void plot(RunContext ctx, double[] hs, double[] ours) {
        XYChart chart = Plots.lines("2-D half period: ln T_half against h", "h", "ln T_half");
        chart.getStyler().setMarkerSize(8);
        double[] lnOurs = Arrays.stream(ours).map(Math::log).toArray();
        double[] lnCode = Arrays.stream(hs).map(h -> Math.log(codeHalfPeriod(h))).toArray();
        XYSeries a = chart.addSeries("ours (grid " + grid(ctx.profile()) + ")", hs, lnOurs);
        a.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        a.setMarker(SeriesMarkers.CIRCLE);
        XYSeries b = chart.addSeries("code's Tspan (399 grid)", hs, lnCode);
        b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        b.setMarker(SeriesMarkers.DIAMOND);
        double[] hl = new double[50];
        double[] theory = new double[50];
        double w = PlaneWalk.OMEGA;
        double bb = PlaneWalk.B;
        double aa = PlaneWalk.A;
        double h1 = PlaneWalk.H1;
        for (int i = 0; i < hl.length; i++) {
            double h = 0.16 + 0.12 * i / (hl.length - 1);
            hl[i] = h;
            // the code's theory line, drawn for reference only (it sits above its own data points)
            theory[i] = Math.log(Math.PI / 2) - Math.log(2 * h / Math.PI) / 2 - Math.log(h1 * 2 * bb * w * w / 4 / Math.sqrt(h1)) / 2
                    + S0 / h - 2 * w * (bb - aa) / Math.sqrt(2 * h1) + 4 * Math.log(bb / aa);
        }
        Plots.addLine(chart, "code's theory line", hl, theory);
        ctx.savePlot("half-period-2d", chart);
    }

    static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
