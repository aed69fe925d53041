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
 * Claim 3 (one claim per c/n): bits each client sends until ||grad f(x^t)||^2 <= eps, EF21-Top1 with
 * the rare-features step (alpha = 1/r) against GD, eps = 1e-3 ||grad f(x^0)||^2. The value is
 * bits(EF21) / bits(GD): below 1 when EF21 needs fewer bits, as the paper's headline says.
 * Accounting: 32-bit floats, Top1 sends its value and its index (ceil(log2 d) bits), GD sends d
 * floats. Variants (the code's alpha = 1/d, the code's index-free count, GD charged r floats,
 * other eps) are reported as metrics.
 */
final class CommunicationExperiment {
    static final double[] OTHER_EPS = {1e-2, 1e-4};

    private CommunicationExperiment() {
    }

    static Experiment create(SyntheticRuns.Cache cache, double cDivN) {
        return ctx -> {
            SyntheticRuns.Result result = cache.get(ctx, cDivN);
            List<Outcome> out = new ArrayList<>();
            for (SyntheticRuns.SeedRun run : result.seeds()) {
                out.add(outcome(run, result.settings()));
            }
            plot(ctx, result.seeds().get(0), cDivN);
            return out;
        };
    }

    /** Rounds until the sequence first reaches eps, or -1 when it never does. */
    static int roundsToReach(double[] gradNormSq, double eps) {
        for (int t = 0; t < gradNormSq.length; t++) {
            if (gradNormSq[t] <= eps) {
                return t;
            }
        }
        return -1;
    }

    static Outcome outcome(SyntheticRuns.SeedRun run, ProfileSettings settings) {
        RareFeaturesProblem p = run.problem();
        SmoothnessConstants s = run.constants();
        double start = run.gdGradNormSq()[0];
        double eps = ProfileSettings.EPS_RELATIVE * start;
        BitCost issue = BitCost.withIndex(p.d());
        BitCost code = BitCost.codeAccounting(p.d());
        int ef21Rounds = roundsToReach(run.ef21GradNormSq().get(Method.RARE_THEORY_ALPHA), eps);
        int gdRounds = roundsToReach(run.gdGradNormSq(), eps);
        if (ef21Rounds < 0 && gdRounds < 0) {
            throw new IllegalStateException("neither EF21 (" + settings.ef21Rounds() + " rounds) nor GD (" + settings.gdRounds()
                    + " rounds) reached eps = " + eps + ": raise the round budgets");
        }
        List<String> notes = new ArrayList<>();
        long ef21Bits = bits(ef21Rounds, settings.ef21Rounds(), issue.ef21Top1PerRound(), "EF21", notes);
        long gdBits = bits(gdRounds, settings.gdRounds(), issue.gdPerRound(), "GD", notes);
        Outcome o = Outcome.of(ef21Bits / (double) gdBits)
                .metric("bits_ef21", ef21Bits).metric("bits_gd", gdBits)
                .metric("rounds_ef21", ef21Rounds).metric("rounds_gd", gdRounds)
                .metric("eps", eps)
                .metric("ratio_code_index_free", ef21Rounds * (double) code.ef21Top1PerRound() / gdBits)
                .metric("ratio_gd_charged_r", ef21Bits / (gdBits * s.r() / (double) p.d()));
        int codeAlphaRounds = roundsToReach(run.ef21GradNormSq().get(Method.RARE_CODE_ALPHA), eps);
        if (codeAlphaRounds >= 0) {
            o.metric("ratio_code_alpha", codeAlphaRounds * (double) issue.ef21Top1PerRound() / gdBits);
        } else {
            o.metric("ratio_code_alpha_lower_bound", settings.ef21Rounds() * (double) issue.ef21Top1PerRound() / gdBits);
        }
        for (double rel : OTHER_EPS) {
            int e = roundsToReach(run.ef21GradNormSq().get(Method.RARE_THEORY_ALPHA), rel * start);
            int g = roundsToReach(run.gdGradNormSq(), rel * start);
            if (e >= 0 && g > 0) {
                o.metric(String.format(Locale.ROOT, "ratio_eps_%.0e", rel), e * (double) issue.ef21Top1PerRound() / (g * (double) issue.gdPerRound()));
            }
        }
        double[] rareFinal = run.ef21GradNormSq().get(Method.RARE_CODE_ALPHA);
        double[] standardFinal = run.ef21GradNormSq().get(Method.STANDARD_CODE_ALPHA);
        o.metric("final_new_over_standard_code_alpha", rareFinal[rareFinal.length - 1] / standardFinal[standardFinal.length - 1]);
        // The abstract's complexities: EF21 (L + r sqrt(c/n) min(...)^(1/2)) vs GD r L, in units of 1/eps.
        double abstractEf21 = s.l() + s.r() * Math.sqrt(s.cOverN()) * s.lPlusBound();
        o.metric("abstract_bound_ratio", abstractEf21 / (s.r() * s.l()));
        o.metric("c", s.c()).metric("r", s.r()).metric("gamma_ef21", Method.RARE_THEORY_ALPHA.gamma(s)).metric("gamma_gd", 1 / s.l());
        notes.forEach(o::note);
        o.note(String.format(Locale.ROOT, "n=%d d=%d: EF21 %d rounds x %d bits vs GD %d rounds x %d bits", p.n(), p.d(), ef21Rounds,
                issue.ef21Top1PerRound(), gdRounds, issue.gdPerRound()));
        return o;
    }

    private static long bits(int rounds, int budget, long perRound, String who, List<String> notes) {
        if (rounds >= 0) {
            return rounds * perRound;
        }
        notes.add(who + " did not reach eps within " + budget + " rounds: its bit count is a lower bound (" + budget + " rounds)");
        return (budget + 1L) * perRound;
    }

    /** ||grad f||^2 / ||grad f(x^0)||^2 against bits per client, first seed, on the common bit range. */
    private static void plot(RunContext ctx, SyntheticRuns.SeedRun run, double cDivN) {
        BitCost cost = BitCost.withIndex(run.problem().d());
        double start = run.gdGradNormSq()[0];
        XYChart chart = Plots.lines(String.format(Locale.ROOT, "c/n = %s (n=%d, d=%d, seed %d)", cDivN, run.problem().n(),
                run.problem().d(), run.seed()), "bits sent per client", "||grad f||^2 / ||grad f(x0)||^2");
        chart.getStyler().setYAxisLogarithmic(true);
        double maxBits = 0;
        for (Method m : Method.values()) {
            double[] y = run.ef21GradNormSq().get(m);
            maxBits = Math.max(maxBits, (y.length - 1) * (double) cost.ef21Top1PerRound());
            addCurve(chart, m.label, y, cost.ef21Top1PerRound(), start, Double.POSITIVE_INFINITY);
        }
        addCurve(chart, "GD, step 1/L", run.gdGradNormSq(), cost.gdPerRound(), start, maxBits);
        ctx.savePlot(String.format(Locale.ROOT, "grad-vs-bits-c%s", cDivN), chart);
    }

    private static void addCurve(XYChart chart, String name, double[] y, long bitsPerRound, double start, double maxBits) {
        int stride = Math.max(1, y.length / 400);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int t = 0; t < y.length; t += stride) {
            double bits = t * (double) bitsPerRound;
            double v = y[t] / start;
            if (bits > maxBits || !(v > 1e-16)) {
                break;
            }
            xs.add(bits);
            ys.add(v);
        }
        if (xs.size() > 1) {
            Plots.addLine(chart, name, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
