package org.reprobench.papers.ef21rarefeatures;

import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.RunContext;

/**
 * Claim 1: on generated instances with exactly c owners per feature, the sparsity lemma and the
 * inequalities between the constants hold. The value is the largest lhs/rhs over
 * <ol>
 *   <li>the aggregation lemma on 100 random supported vector sets and on the indicator vectors
 *       (which attain equality);</li>
 *   <li>L+ <= L~ and L+ <= sqrt(c/n) max L_i (the min in the abstract's formula);</li>
 *   <li>L <= sqrt(c/n) L+ <= (c/n) max L_i (the lemma applied to gradient differences).</li>
 * </ol>
 * It is at most 1 (up to rounding) when they all hold.
 */
final class SparsityConstantsExperiment {
    static final int RANDOM_DRAWS = 100;

    private SparsityConstantsExperiment() {
    }

    static Experiment create(ConstantsCache cache) {
        return Experiment.perSeed((ctx, seed) -> run(ctx, seed, cache));
    }

    private static Outcome run(RunContext ctx, long seed, ConstantsCache cache) {
        double worst = 0;
        Outcome o = Outcome.of(0);
        for (double cDivN : ProfileSettings.C_OVER_N) {
            ctx.checkDeadline();
            ConstantsCache.Instance inst = cache.get(ctx, cDivN, seed);
            RareFeaturesProblem p = inst.problem();
            SmoothnessConstants s = inst.constants();
            double randomRatio = SparsityLemma.worstRandomRatio(p, RANDOM_DRAWS, seed * 31 + 7);
            double indicatorRatio = SparsityLemma.ratio(SparsityLemma.indicators(p), p.c());
            double rootCn = Math.sqrt(s.cOverN());
            double lPlusVsTilde = s.lPlus() / s.lTilde();
            double lPlusVsMax = s.lPlus() / (rootCn * s.lMax());
            double lVsLPlus = s.l() / (rootCn * s.lPlus());
            double lPlusVsCnMax = rootCn * s.lPlus() / (s.cOverN() * s.lMax());
            worst = max(worst, randomRatio, indicatorRatio, lPlusVsTilde, lPlusVsMax, lVsLPlus, lPlusVsCnMax);
            String t = "_c" + cDivN;
            o.metric("c" + t, s.c()).metric("r" + t, s.r()).metric("L" + t, s.l()).metric("Lmax" + t, s.lMax())
                    .metric("Ltilde" + t, s.lTilde()).metric("Lplus" + t, s.lPlus()).metric("Lplus_bound" + t, s.lPlusBound())
                    .metric("lemma_random_ratio" + t, randomRatio).metric("lemma_indicator_ratio" + t, indicatorRatio)
                    .metric("Lplus_over_Ltilde" + t, lPlusVsTilde).metric("Lplus_over_sqrtcn_Lmax" + t, lPlusVsMax)
                    .metric("L_over_sqrtcn_Lplus" + t, lVsLPlus).metric("sqrtcn_Lplus_over_cn_Lmax" + t, lPlusVsCnMax);
        }
        o.note("n=" + ProfileSettings.of(ctx.profile()).constantsN() + ", d=" + ProfileSettings.of(ctx.profile()).constantsD()
                + "; L_over_sqrtcn_Lplus <= 1 means sqrt(c/n) L+ >= L: the abstract's EF21 term L + r sqrt(c/n) L+ is then"
                + " never below GD's r L");
        return o.withValue(worst);
    }

    private static double max(double first, double... rest) {
        double m = first;
        for (double x : rest) {
            m = Math.max(m, x);
        }
        return m;
    }
}
