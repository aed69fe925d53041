package org.reprobench.papers.hawkesgranger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TwoPhaseFitTest {
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** The README run's squared row norms give rows 2, 4, 3 (832 + 590 + 578 of 2003: 99.9 %; 2 and 4 alone: 71 %). */
    @Test
    void screenTakesRowsUntilTheirShareReachesTheThreshold() {
        assertArrayEquals(new int[] {2, 4, 3}, TwoPhaseFit.screenRows(new double[] {2.536, 0.0442, 832.2, 578.0, 590.2}, 0.95));
        assertArrayEquals(new int[] {0, 1, 2, 3}, TwoPhaseFit.screenRows(new double[] {1, 1, 1, 1}, 0.95)); // ties by index
        assertArrayEquals(new int[] {1}, TwoPhaseFit.screenRows(new double[] {0.01, 0.99}, 0.95));
    }

    /**
     * The official accepted-iterate list: the live array is its first entry; a rollback drops the
     * last copy and hands back the new last entry itself (later steps modify it in place).
     */
    @Test
    void historyFollowsTheOfficialListSemantics() {
        double[] live = {0};
        TwoPhaseFit.History<double[]> h = new TwoPhaseFit.History<>(live);
        assertEquals(Double.POSITIVE_INFINITY, h.lastNorm());
        double[] first = {1};
        double[] second = {2};
        h.accept(first, 3.0);
        h.accept(second, 2.0);
        assertSame(first, h.rollBack());
        assertEquals(3.0, h.lastNorm());
        assertSame(live, h.rollBack());
        assertEquals(Double.POSITIVE_INFINITY, h.lastNorm());
    }

    /** One phase-1 iteration by hand: normalised steps for mu and A separately, then clipping at 0. */
    @Test
    void phaseOneStepIsANormalisedProjectedStep() {
        EventSequences data = ExcitationFeaturesTest.randomSequences(8, 3, 6, 30, 0.7);
        ExcitationFeatures f = ExcitationFeatures.of(data, 0.8, 8);
        double[] mu0 = {0.02, 0.04, 0.03};
        TwoPhaseFit.Settings one = TwoPhaseFit.Settings.official().withPhase1Iterations(1);
        try (SurrogateLikelihood lik = SurrogateLikelihood.allTypes(manager, List.of(f))) {
            double[][] g = lik.gradient(SurrogateLikelihood.blocksOf(new double[][] {mu0}, new double[][][] {new double[3][3]}));
            TwoPhaseFit.PhaseOne p1 = TwoPhaseFit.phaseOne(lik, null, new double[][] {mu0}, one, () -> { });
            double muNorm = 0;
            double aNorm = 0;
            for (int i = 0; i < 3; i++) {
                muNorm += g[i][0] * g[i][0];
                for (int j = 1; j <= 3; j++) {
                    aNorm += g[i][j] * g[i][j];
                }
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(Math.max(0, mu0[i] + 0.03 * g[i][0] / Math.sqrt(muNorm)), p1.mu()[0][i], 1e-15);
                double rowSq = 0;
                for (int j = 1; j <= 3; j++) {
                    assertEquals(Math.max(0, 0.03 * g[i][j] / Math.sqrt(aNorm)), p1.a()[0][i][j - 1], 1e-15);
                    rowSq += g[i][j] * g[i][j];
                }
                assertEquals(rowSq, p1.rowGradientNorms()[0][i], 1e-12 * Math.max(1, rowSq));
            }
        }
    }

    /**
     * Phase 2 moves only the screened rows (and their mu_i), and on a small graph with one
     * inhibitory entry it turns that entry negative, which phase 1 cannot.
     */
    @Test
    void phaseTwoMovesOnlyScreenedRowsAndFindsTheInhibition() {
        double[] mu = {0.1, 0.2, 0.1};
        double[][] a = {{0.0, 0.3, 0.0}, {0.0, 0.0, -0.4}, {0.2, 0.0, 0.0}};
        EventSequences data = ReluHawkesSimulator.generate(new Mt19937(9), mu, a, 0.8, 120, 20);
        ExcitationFeatures f = ExcitationFeatures.of(data, 0.8, 8);
        TwoPhaseFit.Settings settings = TwoPhaseFit.Settings.official().withPhase1Iterations(150).withPhase2Iterations(100);
        try (SurrogateLikelihood lik = SurrogateLikelihood.allTypes(manager, List.of(f))) {
            TwoPhaseFit.PhaseOne p1 = TwoPhaseFit.phaseOne(lik, null, new double[][] {{0.05, 0.05, 0.05}}, settings, () -> { });
            TwoPhaseFit.Estimate e = TwoPhaseFit.phaseTwo(manager, f, p1.mu()[0], p1.a()[0], p1.rowGradientNorms()[0], settings, () -> { });
            assertEquals(0, p1.a()[0][1][2], 0.0, "phase 1 is non-negative");
            for (int i = 0; i < 3; i++) {
                final int row = i;
                boolean screened = java.util.Arrays.stream(e.selectedRows()).anyMatch(r -> r == row);
                if (!screened) {
                    assertArrayEquals(p1.a()[0][i], e.a()[i], 0.0);
                    assertEquals(p1.mu()[0][i], e.mu()[i], 0.0);
                }
            }
            assertTrue(e.a()[1][2] < 0, "the inhibitory entry comes out negative: " + e.a()[1][2]);
        }
    }
}
