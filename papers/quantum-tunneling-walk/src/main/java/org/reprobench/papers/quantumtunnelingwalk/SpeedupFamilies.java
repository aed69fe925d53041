package org.reprobench.papers.quantumtunnelingwalk;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;

/**
 * Claims speedup-grows-with-barrier and no-speedup-wide-barrier. Both vary the bump between the
 * paper's wells (a = 5 and curvature k of Example 1 kept; the junction conditions fix eps and b) and
 * compare, at each member, E[T_SGD] (exact, at the Gibbs-matched s) with E[T_QTW] (spectrum, h = 0.8,
 * tau = 288).
 * <ul>
 *   <li>higher and thinner at fixed bump area A sigma sqrt(pi) = 0.4: sigma 1 -> 0.4, the paper's regime;</li>
 *   <li>wider at fixed amplitude A = 0.3 (about the same height): sigma 0.5 -> 3, the counter-regime.</li>
 * </ul>
 */
public final class SpeedupFamilies {
    static final double AREA = 0.4;
    static final double AMPLITUDE = 0.3;
    static final double H = 0.8;

    private SpeedupFamilies() {
    }

    record Member(DoubleWellLandscape land, double s, double sgd, double qtw) {
        double logRatio() {
            return Math.log(sgd / qtw);
        }
    }

    static double[] sharpSigmas(Profile p) {
        return p == Profile.SMOKE ? new double[] {1.0, 0.6, 0.4} : new double[] {1.0, 0.8, 0.65, 0.5, 0.4};
    }

    static double[] wideSigmas(Profile p) {
        return p == Profile.SMOKE ? new double[] {0.5, 1.5, 3.0} : new double[] {0.5, 1.0, 1.5, 2.0, 2.5, 3.0};
    }

    static Member member(RunContext ctx, DoubleWellLandscape land) {
        OneDimComparison c = OneDimComparison.of(ctx.manager(), land, H, 512, new double[] {SpectralVsLeapfrog.TAU});
        return new Member(land, c.matchedS(), c.sgd(c.matchedS()), c.qtw(SpectralVsLeapfrog.TAU));
    }

    public static List<Outcome> higherThinner(RunContext ctx) {
        double k = DoubleWellLandscape.example(1).k();
        List<Member> members = new ArrayList<>();
        var progress = ctx.progress(sharpSigmas(ctx.profile()).length);
        for (double sigma : sharpSigmas(ctx.profile())) {
            double amplitude = AREA / (sigma * Math.sqrt(Math.PI));
            members.add(member(ctx, DoubleWellLandscape.withBump("fixed area, sigma " + sigma, 5, k, sigma, amplitude)));
            progress.step();
        }
        Outcome o = summarise(members, "fixed-area");
        double[] heights = members.stream().mapToDouble(m -> m.land().barrierHeight()).toArray();
        double[] logRatio = members.stream().mapToDouble(Member::logRatio).toArray();
        double[] arrhenius = members.stream().mapToDouble(m -> 2 * m.land().barrierHeight() / m.s()).toArray();
        double[] logSgd = members.stream().mapToDouble(m -> Math.log(m.sgd())).toArray();
        o.sequence(logRatio)
                .metric("slope_log_ratio_per_height", HalfPeriods.slope(heights, logRatio))
                .metric("slope_log_sgd_per_2dH_over_s", HalfPeriods.slope(arrhenius, logSgd));
        plot(ctx, "speedup-fixed-area", "Higher, thinner barrier at fixed area", heights, members);
        return ctx.seeds().stream().map(x -> o).toList();
    }

    public static List<Outcome> wider(RunContext ctx) {
        double k = DoubleWellLandscape.example(1).k();
        List<Member> members = new ArrayList<>();
        var progress = ctx.progress(wideSigmas(ctx.profile()).length);
        for (double sigma : wideSigmas(ctx.profile())) {
            members.add(member(ctx, DoubleWellLandscape.withBump("fixed amplitude, sigma " + sigma, 5, k, sigma, AMPLITUDE)));
            progress.step();
        }
        Outcome o = summarise(members, "fixed-amplitude");
        Member widest = members.get(members.size() - 1);
        o.withValue(widest.sgd() / widest.qtw());
        double[] widths = members.stream().mapToDouble(m -> 2 * m.land().b()).toArray();
        o.sequence(members.stream().mapToDouble(Member::logRatio).toArray());
        plot(ctx, "speedup-wide-barrier", "Wider barrier at fixed amplitude", widths, members);
        return ctx.seeds().stream().map(x -> o).toList();
    }

    private static Outcome summarise(List<Member> members, String family) {
        Outcome o = Outcome.derived();
        StringBuilder sb = new StringBuilder(family + ": ");
        for (Member m : members) {
            String key = String.format("sigma%.2f", m.land().sigma());
            o.metric(key + "_height", m.land().barrierHeight())
                    .metric(key + "_width", 2 * m.land().b())
                    .metric(key + "_s", m.s())
                    .metric(key + "_sgd", m.sgd())
                    .metric(key + "_qtw", m.qtw())
                    .metric(key + "_ratio", m.sgd() / m.qtw());
            sb.append(String.format("sigma %.2f (height %.3f, width %.2f, s %.3f): SGD %.3g / QTW %.3g = %.3g; ",
                    m.land().sigma(), m.land().barrierHeight(), 2 * m.land().b(), m.s(), m.sgd(), m.qtw(), m.sgd() / m.qtw()));
        }
        o.note(sb.toString());
        return o;
    }

    private static void plot(RunContext ctx, String name, String title, double[] x, List<Member> members) {
        XYChart chart = Plots.lines(title, name.contains("wide") ? "barrier width 2b" : "barrier height", "ln E[T]");
        Plots.addLine(chart, "ln E[T_SGD] (matched s)", x, members.stream().mapToDouble(m -> Math.log(m.sgd())).toArray());
        Plots.addLine(chart, "ln E[T_QTW] (h = 0.8, tau = 288)", x, members.stream().mapToDouble(m -> Math.log(m.qtw())).toArray());
        Plots.addLine(chart, "ln ratio", x, members.stream().mapToDouble(Member::logRatio).toArray());
        ctx.savePlot(name, chart);
    }
}
