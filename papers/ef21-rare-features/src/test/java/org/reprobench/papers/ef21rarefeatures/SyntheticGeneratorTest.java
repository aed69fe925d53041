package org.reprobench.papers.ef21rarefeatures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticGeneratorTest {

    @Test
    void everyFeatureHasExactlyCOwnersAndEveryClientOwnsOne() {
        RareFeaturesProblem p = SyntheticGenerator.generate(20, 100, 12, 0.25, 4);
        for (int j = 0; j < p.d(); j++) {
            int owners = 0;
            for (int i = 0; i < p.n(); i++) {
                owners += p.owns()[i][j] ? 1 : 0;
            }
            assertEquals(5, owners);
        }
        int r = 0;
        for (int i = 0; i < p.n(); i++) {
            assertTrue(p.featuresOf(i).length >= 1);
            r = Math.max(r, p.featuresOf(i).length);
            // columns outside S_i are zero
            for (int row = 0; row < p.m(); row++) {
                for (int j = 0; j < p.d(); j++) {
                    if (!p.owns()[i][j]) {
                        assertEquals(0.0, p.a()[(i * p.m() + row) * p.d() + j]);
                    }
                }
            }
        }
        assertEquals(5, p.c());
        assertEquals(r, p.r());
    }

    @Test
    void cIsTheCeilingOfNTimesCOverN() {
        assertEquals(2, SyntheticGenerator.generate(40, 200, 12, 0.05, 1).c());
        assertEquals(1, SyntheticGenerator.generate(10, 40, 12, 0.05, 1).c()); // ceil(0.5)
        assertEquals(36, SyntheticGenerator.generate(40, 200, 12, 0.9, 1).c());
    }

    @Test
    void singularValuesFollowTheScheduleAndClientZeroIsBlendedUp() {
        int m = 12;
        RareFeaturesProblem p = SyntheticGenerator.generate(10, 60, m, 0.5, 9);
        double scale2 = m / 2.0;
        for (int i = 0; i < p.n(); i++) {
            int[] s = p.featuresOf(i);
            // eigenvalues of A_i A_i' (m x m) are (m/2) s_t^2 for t < min(m, |S_i|), then zeros
            double[][] gram = new double[m][m];
            for (int x = 0; x < m; x++) {
                for (int y = 0; y < m; y++) {
                    for (int j : s) {
                        gram[x][y] += p.a()[(i * m + x) * p.d() + j] * p.a()[(i * m + y) * p.d() + j];
                    }
                }
            }
            double[] eig = org.reprobench.api.SymmetricEigen.of(gram).values();
            double[] target = SyntheticGenerator.singularValues(m, s.length, i == 0);
            double[] expected = new double[m];
            for (int t = 0; t < target.length; t++) {
                expected[t] = scale2 * target[t] * target[t];
            }
            Arrays.sort(expected);
            Arrays.sort(eig);
            assertArrayEquals(expected, eig, 1e-9);
        }
    }

    @Test
    void scheduleByHand() {
        // |S_i| = 13 > m = 12: s_t = 0.9 sqrt(19 t / 12 + 1), so the largest is 0.9 sqrt(19 * 11 / 12 + 1)
        double[] s = SyntheticGenerator.singularValues(12, 13, false);
        assertEquals(12, s.length);
        assertEquals(0.9, s[0], 1e-15);
        assertEquals(0.9 * Math.sqrt(19.0 * 11 / 12 + 1), s[11], 1e-14);
        // client 0 gets + 0.1 * 10
        assertEquals(0.9 + 1.0, SyntheticGenerator.singularValues(12, 13, true)[0], 1e-15);
        // one feature: s_0 = sqrt(L) = sqrt(20), no blending
        assertArrayEquals(new double[] {Math.sqrt(20)}, SyntheticGenerator.singularValues(12, 1, true), 1e-15);
        // |S_i| = 3 < m: three values, divisor |S_i| - 1 = 2 reaches the top value sqrt(20) * 0.9
        assertEquals(0.9 * Math.sqrt(20), SyntheticGenerator.singularValues(12, 3, false)[2], 1e-14);
    }

    @Test
    void targetsAreTheNoisyPlantedSolutionAndSeedsReplay() {
        int m = 12;
        RareFeaturesProblem p = SyntheticGenerator.generate(8, 30, m, 0.5, 21);
        double scale = Math.sqrt(m / 2.0);
        for (int row = 0; row < p.n() * m; row++) {
            double ax = 0;
            for (int j = 0; j < p.d(); j++) {
                ax += p.a()[row * p.d() + j] * 0.5;
            }
            assertTrue(Math.abs(p.b()[row] - ax) <= 2 * scale, "noise is 2 U(-1,1), scaled by sqrt(m/2)");
        }
        RareFeaturesProblem again = SyntheticGenerator.generate(8, 30, m, 0.5, 21);
        assertArrayEquals(p.a(), again.a());
        assertArrayEquals(p.b(), again.b());
        // x0 ~ U(-1/sqrt(d), 1/sqrt(d)) and independent of c/n
        assertArrayEquals(p.x0(), SyntheticGenerator.generate(8, 30, m, 0.9, 21).x0());
        for (double x : p.x0()) {
            assertTrue(Math.abs(x) <= 1 / Math.sqrt(30));
        }
    }
}
