package org.reprobench.papers.ef21rarefeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepSizesAndBitsTest {

    private static SmoothnessConstants constants(double l, double[] li, double lPlus, int c, int n, int r, int d) {
        return new SmoothnessConstants(n, d, c, r, l, li, lPlus);
    }

    @Test
    void thetaBetaAndStepsByHand() {
        // alpha = 3/4: sqrt(1 - alpha) = 1/2, theta = 1/2, beta = (1/4)/(1/2) = 1/2, sqrt(beta/theta) = 1
        SmoothnessConstants s = constants(2, new double[] {3, 4}, 1.5, 1, 2, 4, 4);
        StepSizes st = StepSizes.of(s, 0.75);
        assertEquals(0.5, st.theta(), 1e-15);
        assertEquals(0.5, st.beta(), 1e-15);
        assertEquals(1.0, st.sqrtBetaOverTheta(), 1e-15);
        assertEquals(0.5, st.gammaGd(), 1e-15);
        double lTilde = Math.sqrt((9 + 16) / 2.0);
        assertEquals(1 / (2 + lTilde), st.gammaStandard(), 1e-15);
        assertEquals(1 / (2 + 1.5 * Math.sqrt(0.5)), st.gammaRareFeatures(), 1e-15);
    }

    @Test
    void top1OnFiveHundredCoordinates() {
        // sqrt(beta/theta) for alpha = 1/500 is 998.5 and obeys the EF21 bound 2/alpha - 1
        double root = StepSizes.sqrtBetaOverTheta(1 / 500.0);
        assertEquals(998.5, root, 1e-3);
        assertTrue(root <= 2 * 500 - 1);
        // alpha = 1 (no compression): EF21 steps equal GD's
        StepSizes none = StepSizes.of(constants(2, new double[] {3}, 3, 1, 1, 1, 1), 1.0);
        assertEquals(none.gammaGd(), none.gammaStandard(), 1e-15);
        assertEquals(none.gammaGd(), none.gammaRareFeatures(), 1e-15);
    }

    @Test
    void alphaRules() {
        SmoothnessConstants s = constants(1, new double[] {1}, 1, 5, 100, 38, 500);
        assertEquals(1 / 500.0, StepSizes.Alpha.CODE_K_OVER_D.of(1, s), 0);
        assertEquals(1 / 38.0, StepSizes.Alpha.THEORY_K_OVER_R.of(1, s), 0);
    }

    @Test
    void bitAccounting() {
        assertEquals(0, BitCost.indexBits(1));
        assertEquals(1, BitCost.indexBits(2));
        assertEquals(9, BitCost.indexBits(500));
        assertEquals(9, BitCost.indexBits(512));
        assertEquals(10, BitCost.indexBits(513));
        assertEquals(41, BitCost.withIndex(500).ef21Top1PerRound());
        assertEquals(32, BitCost.codeAccounting(500).ef21Top1PerRound());
        assertEquals(16_000, BitCost.withIndex(500).gdPerRound());
    }
}
