package org.reprobench.papers.ef21rarefeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprobench.papers.ef21rarefeatures.SyntheticRuns.Method;

class ConvergenceBoundTest {
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static SyntheticRuns.SeedRun run(RareFeaturesProblem p, int rounds) {
        SmoothnessConstants s = SmoothnessConstants.of(p, manager);
        Method[] methods = Method.values();
        List<RareFeaturesProblem> copies = Arrays.stream(methods).map(m -> p).toList();
        double[] gammas = Arrays.stream(methods).mapToDouble(m -> m.gamma(s)).toArray();
        Map<Method, double[]> norms = new EnumMap<>(Method.class);
        Map<Method, Double> g0 = new EnumMap<>(Method.class);
        try (ClientBatch batch = ClientBatch.of(copies, manager)) {
            DistributedMethods.Run r = DistributedMethods.ef21Top1(batch, ClientBatch.startingPoints(copies),
                    DistributedMethods.StepRule.fixed(gammas), rounds, manager, t -> { });
            for (int k = 0; k < methods.length; k++) {
                norms.put(methods[k], r.gradNormSq()[k]);
                g0.put(methods[k], r.initialShiftError()[k]);
            }
        }
        return new SyntheticRuns.SeedRun(7, p, s, p.objective(p.x0()), SyntheticRuns.minimumValue(p, manager), norms, g0, new double[1]);
    }

    @Test
    void minimumValueIsTheLeastSquaresOptimum() {
        RareFeaturesProblem p = SyntheticGenerator.generate(6, 20, 12, 0.5, 4);
        double fStar = SyntheticRuns.minimumValue(p, manager);
        assertTrue(fStar < p.objective(p.x0()));
        double[] x = new double[p.d()];
        java.util.Arrays.fill(x, 0.5); // the planted solution: noise keeps it above the optimum
        assertTrue(fStar <= p.objective(x) + 1e-12);
        assertTrue(fStar >= 0);
    }

    @Test
    void guaranteeHoldsAlongEveryRunAndIsNotVacuous() {
        RareFeaturesProblem p = SyntheticGenerator.generate(10, 40, 12, 0.5, 12);
        SyntheticRuns.SeedRun r = run(p, 2_000);
        for (Method m : Method.values()) {
            double ratio = ConvergenceBoundExperiment.worstRatio(r, m);
            assertTrue(ratio <= 1, m + ": " + ratio);
            assertTrue(ratio > 1e-3, m + " bound is not absurdly loose: " + ratio);
        }
    }

    @Test
    void boundByHandAndAViolationIsDetected() {
        RareFeaturesProblem p = SyntheticGenerator.generate(10, 40, 12, 0.5, 12);
        SyntheticRuns.SeedRun r = run(p, 100);
        SmoothnessConstants s = r.constants();
        Method m = Method.RARE_CODE_ALPHA;
        double expected = 2 * (r.f0() - r.fStar()) / (m.gamma(s) * 50)
                + s.cOverN() * r.initialShiftError().get(m) / (StepSizes.top1(s, StepSizes.Alpha.CODE_K_OVER_D).theta() * 50);
        assertEquals(expected, ConvergenceBoundExperiment.bound(r, m, 50), 1e-12 * expected);
        // a run whose gradients stay at their initial size violates the O(1/T) guarantee
        Map<Method, double[]> stuck = new EnumMap<>(r.ef21GradNormSq());
        double[] flat = new double[101];
        Arrays.fill(flat, r.ef21GradNormSq().get(m)[0] * 1e4);
        stuck.put(m, flat);
        SyntheticRuns.SeedRun bad = new SyntheticRuns.SeedRun(7, p, s, r.f0(), r.fStar(), stuck, r.initialShiftError(), new double[1]);
        assertTrue(ConvergenceBoundExperiment.worstRatio(bad, m) > 1);
    }
}
