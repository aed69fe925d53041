package org.reprobench.papers.mamlspokenwords;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GapTest {
    @Test
    void pairedGapUsesThePerEpisodeDifferences() {
        Gap g = Gap.paired(new double[] {1, 2, 3}, new double[] {0, 0, 0});
        assertEquals(2, g.mean(), 1e-12);
        assertEquals(Gap.Z95 * Math.sqrt(1.0 / 3), g.halfWidth(), 1e-12); // differences 1, 2, 3: variance 1
        assertEquals(2 - Gap.Z95 * Math.sqrt(1.0 / 3), g.lower(), 1e-12);
    }

    @Test
    void independentGapAddsTheSquaredStandardErrors() {
        Gap g = Gap.independent(new double[] {1, 2, 3}, new double[] {0, 2});
        assertEquals(1, g.mean(), 1e-12);
        assertEquals(Gap.Z95 * Math.sqrt(1.0 / 3 + 2.0 / 2), g.halfWidth(), 1e-12);
    }
}
