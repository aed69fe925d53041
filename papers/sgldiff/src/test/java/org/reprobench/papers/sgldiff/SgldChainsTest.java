package org.reprobench.papers.sgldiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class SgldChainsTest {
    @Test
    void stationaryVariancesMatchTheLinearRecursions() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(41);
            double[] h = {0.5, 0.2};
            int n = 40_000;
            SgldChains.Variances v = SgldChains.run(m, h, n, 120, null);
            for (int k = 0; k < h.length; k++) {
                double ula = 2 / (2 - h[k]);        // (1-h)^2 V + 2h = V
                double index = h[k] / (2 - h[k]);   // (1-h)^2 V + h^2 = V
                double sgld = (2 + h[k]) / (2 - h[k]);
                assertEquals(ula, v.ula()[k], 5 * ula * Math.sqrt(2.0 / n), "ULA h=" + h[k]);
                assertEquals(index, v.indexPart()[k], 5 * index * Math.sqrt(2.0 / n), "index part h=" + h[k]);
                assertEquals(sgld, v.sgld()[k], 5 * sgld * Math.sqrt(2.0 / n), "SGLD h=" + h[k]);
            }
        }
    }
}
