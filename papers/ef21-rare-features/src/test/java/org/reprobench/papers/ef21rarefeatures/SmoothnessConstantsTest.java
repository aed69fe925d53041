package org.reprobench.papers.ef21rarefeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmoothnessConstantsTest {
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** H_i v = (2/m) A_i'(A_i v), plain Java. */
    private static double[] hessianTimes(RareFeaturesProblem p, int i, double[] v) {
        double[] out = new double[p.d()];
        for (int row = i * p.m(); row < (i + 1) * p.m(); row++) {
            double av = 0;
            for (int j = 0; j < p.d(); j++) {
                av += p.a()[row * p.d() + j] * v[j];
            }
            for (int j = 0; j < p.d(); j++) {
                out[j] += 2.0 / p.m() * av * p.a()[row * p.d() + j];
            }
        }
        return out;
    }

    @Test
    void lIsTheLargestSingularValueScheduleInClosedForm() {
        RareFeaturesProblem p = SyntheticGenerator.generate(10, 60, 12, 0.5, 2);
        SmoothnessConstants s = SmoothnessConstants.of(p, manager);
        for (int i = 0; i < p.n(); i++) {
            double[] sv = SyntheticGenerator.singularValues(12, p.featuresOf(i).length, i == 0);
            double top = sv[sv.length - 1];
            // H_i = (2/m)(m/2) U diag(s^2) U': L_i = max s_t^2
            assertEquals(top * top, s.li()[i], 1e-9 * top * top);
        }
    }

    @Test
    void constantsAreTheSmallestValidOnesForRandomDirections() {
        RareFeaturesProblem p = SyntheticGenerator.generate(12, 50, 12, 0.5, 8);
        SmoothnessConstants s = SmoothnessConstants.of(p, manager);
        SplittableRandom rng = new SplittableRandom(1);
        for (int k = 0; k < 50; k++) {
            double[] v = rng.doubles(p.d(), -1, 1).toArray();
            double vv = 0;
            for (double x : v) {
                vv += x * x;
            }
            double[] hv = new double[p.d()];
            double meanSq = 0;
            for (int i = 0; i < p.n(); i++) {
                double[] hiv = hessianTimes(p, i, v);
                for (int j = 0; j < p.d(); j++) {
                    hv[j] += hiv[j] / p.n();
                    meanSq += hiv[j] * hiv[j] / p.n();
                }
            }
            double hvv = 0;
            for (double x : hv) {
                hvv += x * x;
            }
            assertTrue(hvv <= s.l() * s.l() * vv * (1 + 1e-10), "||H v|| <= L ||v||");
            assertTrue(meanSq <= s.lPlus() * s.lPlus() * vv * (1 + 1e-10), "(1/n) sum ||H_i v||^2 <= L+^2 ||v||^2");
        }
    }

    @Test
    void oneOwnerPerFeatureMakesTheChainAnEquality() {
        // c = 1: H is block diagonal, so L = max L_i / n and L+ = max L_i / sqrt(n); the chain
        // L <= sqrt(c/n) L+ <= (c/n) max L_i holds with equality.
        RareFeaturesProblem p = SyntheticGenerator.generate(10, 40, 12, 0.1, 5);
        SmoothnessConstants s = SmoothnessConstants.of(p, manager);
        assertEquals(1, s.c());
        double rootCn = Math.sqrt(s.cOverN());
        assertEquals(s.lMax() / p.n(), s.l(), 1e-9 * s.l());
        assertEquals(s.l(), rootCn * s.lPlus(), 1e-9 * s.l());
        assertEquals(s.cOverN() * s.lMax(), rootCn * s.lPlus(), 1e-9 * s.l());
        assertEquals(Math.min(s.lTilde(), rootCn * s.lMax()), s.lPlusBound(), 0);
    }

    @Test
    void inequalitiesHoldWithManyOwners() {
        for (double cn : new double[] {0.3, 0.6, 0.9}) {
            RareFeaturesProblem p = SyntheticGenerator.generate(10, 40, 12, cn, 3);
            SmoothnessConstants s = SmoothnessConstants.of(p, manager);
            double rootCn = Math.sqrt(s.cOverN());
            assertTrue(s.lPlus() <= s.lTilde() * (1 + 1e-12));
            assertTrue(s.lPlus() <= rootCn * s.lMax() * (1 + 1e-12));
            assertTrue(s.l() <= rootCn * s.lPlus() * (1 + 1e-12));
            assertTrue(rootCn * s.lPlus() <= s.cOverN() * s.lMax() * (1 + 1e-12));
            assertTrue(s.lTilde() <= s.lMax());
        }
    }
}
