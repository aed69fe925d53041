package org.reprobench.papers.sftpg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * VAR(S=10, quadratic, kappa=1) against the golden vectors of the research brief
 * (shared/papers/sft-pg.md, section 3.3.1), which were recomputed in float64 from the official
 * get_VAR_noise, _precompute_VAR_steps and VAR_get_params.
 */
class VarScheduleTest {
    private static final VarSchedule Q10 = VarSchedule.of(10, VarSchedule.Family.QUADRATIC, 1.0);

    @Test
    void fullChainAlphaBarIsTheBisectionTarget() {
        assertEquals(4.035830e-5, VarSchedule.fullChainAlphaBar(), 1e-11);
    }

    @Test
    void quadraticBetaTildeSaturatesAtTheDomainEdge() {
        double[] expected = {1.0000e-4, 1.1025e-2, 4.0000e-2, 8.7025e-2, 1.5210e-1, 2.35225e-1, 3.3640e-1,
            4.55625e-1, 5.9290e-1, 7.48225e-1};
        assertArrayEquals(expected, Q10.betaTilde(), 1e-5);
        // x = 0.95 / sqrt(beta_0) / S = 9.5 exactly: beta~_9 = 1e-4 (1 + 9 * 9.5)^2
        assertEquals(1e-4 * Math.pow(1 + 9 * 9.5, 2), Q10.betaTilde()[9], 1e-12);
    }

    @Test
    void gammaBarIsTheCumulativeProduct() {
        double[] expected = {0.9999, 0.988876, 0.949321, 0.866706, 0.734880, 0.562018, 0.372955, 0.203028,
            0.082652, 0.020810};
        assertArrayEquals(expected, Q10.gammaBar(), 1e-5);
        assertTrue(Q10.gammaBar()[9] > 100 * VarSchedule.fullChainAlphaBar(), "the short chain does not reach alpha-bar_T");
    }

    @Test
    void continuousStepsMatch() {
        double[] expected = {616.734, 493.982, 394.077, 308.868, 234.858, 170.301, 114.363, 66.865, 28.293, 0.0};
        assertArrayEquals(expected, Q10.tau(), 1e-3);
    }

    @Test
    void samplingMultipliersMatch() {
        assertArrayEquals(new double[] {1.992938, 1.567290, 1.355348, 1.227572, 1.143492, 1.085995, 1.046575,
            1.020621, 1.005559, 1.000050}, Q10.xMultiplier(), 1e-5);
        assertArrayEquals(new double[] {-1.506928, -0.970206, -0.691730, -0.521499, -0.406433, -0.320801,
            -0.249465, -0.181347, -0.105113, -0.010001}, Q10.epsMultiplier(), 1e-5);
        assertArrayEquals(new double[] {0.837239, 0.717704, 0.598730, 0.484738, 0.377342, 0.276534, 0.181899,
            0.093701, 0.009955, 0.001}, Q10.std(), 1e-5);
    }

    @Test
    void linearScheduleReachesTheTarget() {
        VarSchedule lin = VarSchedule.of(10, VarSchedule.Family.LINEAR, 1.0);
        double[] g = lin.gammaBar();
        assertEquals(4.0362e-5, g[9], 1e-8);
        assertEquals(998.996, lin.tau()[0], 1e-3);
    }

    @Test
    void continuousTimeInvertsTheStirlingApproximation() {
        // At integer t the approximation must be close to the exact log alpha-bar_t of the chain.
        double exact = 0;
        for (int t = 0; t <= 500; t++) {
            exact += Math.log(1 - (1e-4 + (0.02 - 1e-4) * t / 999.0));
        }
        assertEquals(exact, VarSchedule.logContinuousNoise(500, 1e-4f, 0.02f), 1e-4);
    }

    @Test
    void bisectionStopsInsideTheRelativeBand() {
        // f decreasing, target inside: the result satisfies target <= f(x) <= (1 + eps) target.
        double x = VarSchedule.bisearch(v -> Math.exp(-v), 0, 10, 0.1, 1e-6);
        assertTrue(Math.exp(-x) >= 0.1 && Math.exp(-x) <= 0.1 * (1 + 1e-6), "x = " + x);
    }
}
