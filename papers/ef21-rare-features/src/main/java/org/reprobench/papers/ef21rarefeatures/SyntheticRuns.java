package org.reprobench.papers.ef21rarefeatures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * The optimisation runs on the synthetic instances of one c/n value: for every seed, EF21-Top1 with
 * three step sizes and GD, all seeds and methods of a c/n value in one batched run. The bit-count
 * claims (one per c/n) and the convergence-bound claim read the same runs, so they are computed
 * once per (profile, c/n, seeds) and kept in a {@link Cache}.
 */
final class SyntheticRuns {

    /** The EF21 variants run side by side. */
    enum Method {
        /** The rare-features step 1/(L + L+ sqrt(beta/theta) sqrt(c/n)) with Top1 credited alpha = 1/r (the theory's count). */
        RARE_THEORY_ALPHA("EF21 new step, alpha=1/r", StepSizes.Alpha.THEORY_K_OVER_R, true),
        /** The same step with alpha = 1/d, as the official code computes it ({@code ef21_scaled:1}). */
        RARE_CODE_ALPHA("EF21 new step, alpha=1/d (code)", StepSizes.Alpha.CODE_K_OVER_D, true),
        /** Standard EF21, 1/(L + L~ sqrt(beta/theta)), alpha = 1/d as in the official code. */
        STANDARD_CODE_ALPHA("EF21 standard step, alpha=1/d (code)", StepSizes.Alpha.CODE_K_OVER_D, false);

        final String label;
        final StepSizes.Alpha alpha;
        final boolean rareFeaturesStep;

        Method(String label, StepSizes.Alpha alpha, boolean rareFeaturesStep) {
            this.label = label;
            this.alpha = alpha;
            this.rareFeaturesStep = rareFeaturesStep;
        }

        StepSizes steps(SmoothnessConstants s) {
            return StepSizes.top1(s, alpha);
        }

        double gamma(SmoothnessConstants s) {
            StepSizes st = steps(s);
            return rareFeaturesStep ? st.gammaRareFeatures() : st.gammaStandard();
        }

        /** The factor in front of G^0/(theta T) in the method's guarantee: c/n for the rare-features Lyapunov function, 1 for EF21's. */
        double shiftErrorWeight(SmoothnessConstants s) {
            return rareFeaturesStep ? s.cOverN() : 1.0;
        }
    }

    /** Everything one seed produced. */
    record SeedRun(long seed, RareFeaturesProblem problem, SmoothnessConstants constants, double f0, double fStar,
            Map<Method, double[]> ef21GradNormSq, Map<Method, Double> initialShiftError, double[] gdGradNormSq) {
    }

    record Result(double cOverNNominal, ProfileSettings settings, List<SeedRun> seeds) {
    }

    private SyntheticRuns() {
    }

    static Result compute(ProfileSettings s, double cDivN, List<Long> seeds, RunContext ctx) {
        NDManager mgr = ctx.manager();
        List<RareFeaturesProblem> problems = new ArrayList<>();
        List<SmoothnessConstants> constants = new ArrayList<>();
        for (long seed : seeds) {
            RareFeaturesProblem p = SyntheticGenerator.generate(s.runN(), s.runD(), s.m(), cDivN, seed);
            problems.add(p);
            constants.add(SmoothnessConstants.of(p, mgr));
        }
        Method[] methods = Method.values();
        // Batch layout: problem k = seedIndex * methods + methodIndex.
        List<RareFeaturesProblem> ef21Problems = new ArrayList<>();
        double[] ef21Gammas = new double[seeds.size() * methods.length];
        for (int i = 0; i < seeds.size(); i++) {
            for (int j = 0; j < methods.length; j++) {
                ef21Problems.add(problems.get(i));
                ef21Gammas[i * methods.length + j] = methods[j].gamma(constants.get(i));
            }
        }
        double[] gdGammas = constants.stream().mapToDouble(c -> 1 / c.l()).toArray();
        Progress progress = ctx.progress(s.ef21Rounds() + (long) s.gdRounds());
        DistributedMethods.Run ef21;
        try (ClientBatch batch = ClientBatch.of(ef21Problems, mgr)) {
            ef21 = DistributedMethods.ef21Top1(batch, ClientBatch.startingPoints(ef21Problems), DistributedMethods.StepRule.fixed(ef21Gammas),
                    s.ef21Rounds(), mgr, t -> progress.step());
        }
        DistributedMethods.Run gd;
        try (ClientBatch batch = ClientBatch.of(problems, mgr)) {
            gd = DistributedMethods.gradientDescent(batch, ClientBatch.startingPoints(problems), gdGammas, s.gdRounds(), mgr,
                    t -> progress.step());
        }
        List<SeedRun> out = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            Map<Method, double[]> norms = new EnumMap<>(Method.class);
            Map<Method, Double> g0 = new EnumMap<>(Method.class);
            for (int j = 0; j < methods.length; j++) {
                norms.put(methods[j], ef21.gradNormSq()[i * methods.length + j]);
                g0.put(methods[j], ef21.initialShiftError()[i * methods.length + j]);
            }
            RareFeaturesProblem p = problems.get(i);
            out.add(new SeedRun(seeds.get(i), p, constants.get(i), p.objective(p.x0()), minimumValue(p, mgr), norms, g0,
                    gd.gradNormSq()[i]));
        }
        return new Result(cDivN, s, out);
    }

    /** f* = f(x*), x* solving the normal equations (1/n) sum_i H_i x = (1/n) sum_i (2/m) A_i'b_i (full rank: n m > d). */
    static double minimumValue(RareFeaturesProblem p, NDManager parent) {
        int rows = p.n() * p.m();
        try (NDManager mgr = parent.newSubManager()) {
            NDArray a = mgr.create(p.a(), new Shape(rows, p.d()));
            NDArray b = mgr.create(p.b(), new Shape(rows, 1));
            NDArray at = a.transpose();
            NDArray xStar = at.matMul(a).inverse().matMul(at.matMul(b));
            return p.objective(xStar.toDoubleArray());
        }
    }

    /** Runs shared between the claims of one module instance, keyed by profile, c/n and seeds. */
    static final class Cache {
        private final Map<String, Result> results = new ConcurrentHashMap<>();

        Result get(RunContext ctx, double cDivN) {
            ProfileSettings s = ProfileSettings.of(ctx.profile());
            String key = ctx.profile().id() + "|" + cDivN + "|" + ctx.seeds();
            Result r = results.get(key);
            if (r == null) {
                ctx.log("running EF21 (3 step sizes) and GD at c/n = " + cDivN + " on n=" + s.runN() + ", d=" + s.runD()
                        + " for seeds " + ctx.seeds());
                r = compute(s, cDivN, ctx.seeds(), ctx);
                results.put(key, r);
            } else {
                ctx.log("reusing the runs at c/n = " + cDivN + " for seeds " + ctx.seeds());
            }
            return r;
        }
    }
}
