package org.reprobench.papers.byzsgdnm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchSizeBoundTest {
    private final BatchSizeBound p = new BatchSizeBound(2.0, 3.0, 1.5, 1e6, 0.7, 8);

    /** U(B) = A1 + A2 B^-1/2 + A3 B with the coefficients of Proposition 1's proof. */
    @Test
    void boundHasTheThreeTermForm() {
        double delta = 0.25;
        double m = 8;
        double s2 = 1.5 * 1.5;
        double noise = s2 * (1 + 0.7 * delta * m) * (1 - delta) / 1e6;
        double a1 = 16 * Math.sqrt(noise * 10 * 2.0 * 3.0) + 20 * noise;
        double a2 = 16 * Math.sqrt(noise * 3 * 0.7 * delta * s2);
        double a3 = 32 * 2.0 * 3.0 * m * (1 - delta) / 1e6;
        for (double b : new double[] {0.5, 3, 40, 1000}) {
            assertEquals(a1 + a2 / Math.sqrt(b) + a3 * b, p.byzSgdm(delta, b), 1e-12 * p.byzSgdm(delta, b));
        }
        // Setting dU/dB = 0 by hand: B* = (A2 / (2 A3))^(2/3).
        assertEquals(Math.pow(a2 / (2 * a3), 2.0 / 3.0), p.optimalBatchSgdm(delta), 1e-10 * p.optimalBatchSgdm(delta));
    }

    @Test
    void numericalMinimiserMatchesEquation4AndProposition2() {
        for (double delta : new double[] {0.01, 0.125, 0.375, 0.49}) {
            double bStar = p.optimalBatchSgdm(delta);
            assertEquals(1, BatchSizeBound.argmin(b -> p.byzSgdm(delta, b)) / bStar, 1e-6);
            double bNm = p.optimalBatchSgdnm(delta);
            assertEquals(1, BatchSizeBound.argmin(b -> p.byzSgdnm(delta, b)) / bNm, 1e-6);
            // A minimiser: both neighbours are higher.
            assertTrue(p.byzSgdm(delta, bStar * 1.01) > p.byzSgdm(delta, bStar));
            assertTrue(p.byzSgdm(delta, bStar / 1.01) > p.byzSgdm(delta, bStar));
        }
    }

    /** The derived check of the brief: B*(3/8) / B*(1/8) at m = 8 is (21/5 (1 + 3c) / (1 + c))^(1/3). */
    @Test
    void ratioBetweenThePapersTwoFractions() {
        for (double c : new double[] {1e-9, 1.0, 1e9}) {
            BatchSizeBound q = new BatchSizeBound(1, 1, 1, 1e5, c, 8);
            double ratio = q.optimalBatchSgdm(3.0 / 8) / q.optimalBatchSgdm(1.0 / 8);
            assertEquals(Math.cbrt(21.0 / 5 * (1 + 3 * c) / (1 + c)), ratio, 1e-9);
        }
        BatchSizeBound one = new BatchSizeBound(1, 1, 1, 1e5, 1, 8);
        assertEquals(2.0328, one.optimalBatchSgdm(3.0 / 8) / one.optimalBatchSgdm(1.0 / 8), 1e-4);
    }

    @Test
    void minimisersGrowWithDeltaAndVanishAtZero() {
        double prev = 0;
        double prevNm = 0;
        for (double delta = 0.01; delta < 0.5; delta += 0.01) {
            assertTrue(p.optimalBatchSgdm(delta) > prev);
            assertTrue(p.optimalBatchSgdnm(delta) > prevNm);
            prev = p.optimalBatchSgdm(delta);
            prevNm = p.optimalBatchSgdnm(delta);
        }
        assertEquals(0, p.optimalBatchSgdm(0), 0);
        // Without Byzantine workers Proposition 2's B~* is 9 sigma^2 / (80 m L F0).
        assertEquals(9 * 1.5 * 1.5 / (80 * 8 * 2.0 * 3.0), p.optimalBatchSgdnm(0), 1e-15);
    }

    @Test
    void goldenSectionFindsAKnownMinimum() {
        assertEquals(7.0, BatchSizeBound.argmin(b -> (Math.log(b) - Math.log(7)) * (Math.log(b) - Math.log(7))), 1e-9);
        assertEquals(4.0, BatchSizeBound.argmin(b -> b + 16 / b), 1e-6);
    }
}
