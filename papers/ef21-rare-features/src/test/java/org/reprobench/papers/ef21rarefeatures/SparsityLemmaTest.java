package org.reprobench.papers.ef21rarefeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparsityLemmaTest {

    @Test
    void handComputedRatios() {
        // n = 2, both vectors on coordinate 0 (c = 2): ||mean||^2 = 1, (c/n)(1/n) sum ||a_i||^2 = 1 * 1/2 * 2 = 1
        assertEquals(1.0, SparsityLemma.ratio(new double[][] {{1, 0}, {1, 0}}, 2), 1e-15);
        // opposite signs cancel: ratio 0
        assertEquals(0.0, SparsityLemma.ratio(new double[][] {{1, 0}, {-1, 0}}, 2), 1e-15);
        // disjoint supports (c = 1): ||mean||^2 = (1 + 4)/4, (1/2)(1/2)(1 + 4): equality
        assertEquals(1.0, SparsityLemma.ratio(new double[][] {{1, 0}, {0, 2}}, 1), 1e-15);
    }

    @Test
    void understatingCBreaksTheInequality() {
        // two vectors sharing a coordinate claimed to have c = 1: ratio 2 > 1, so the check can fail
        assertEquals(2.0, SparsityLemma.ratio(new double[][] {{1, 0}, {1, 0}}, 1), 1e-15);
    }

    @Test
    void holdsOnGeneratedPatternsAndIndicatorsAttainIt() {
        for (double cn : new double[] {0.1, 0.5, 0.9}) {
            RareFeaturesProblem p = SyntheticGenerator.generate(10, 40, 12, cn, 17);
            double worst = SparsityLemma.worstRandomRatio(p, 200, 3);
            assertTrue(worst <= 1 + 1e-12, "random supported vectors: " + worst);
            assertTrue(worst > 0.05, "not vacuous: " + worst);
            assertEquals(1.0, SparsityLemma.ratio(SparsityLemma.indicators(p), p.c()), 1e-12);
        }
    }
}
