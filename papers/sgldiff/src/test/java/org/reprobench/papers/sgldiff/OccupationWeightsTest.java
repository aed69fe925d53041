package org.reprobench.papers.sgldiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class OccupationWeightsTest {
    @Test
    void weightsOfEveryChainSumToOneMinusExpMinusT() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            OccupationWeights w = OccupationWeights.sample(m, 500, 3, 0.2, 4, Switching.TO_OTHER, 5 * 500);
            for (int c = 0; c < w.chains(); c++) {
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    assertTrue(w.weight(c, i) >= 0);
                    s += w.weight(c, i);
                }
                assertEquals(-Math.expm1(-4), s, 1e-12, "chain " + c);
            }
        }
    }

    @Test
    void clockRingsAtRateOneOverEta() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(12);
            double eta = 0.05;
            double horizon = 3;
            int n = 4000;
            // blocks of 7 intervals force about ten rounds, which must join seamlessly
            OccupationWeights w = OccupationWeights.sample(m, n, 2, eta, horizon, Switching.UNIFORM, 7 * n);
            double mean = 0;
            for (int c = 0; c < n; c++) {
                mean += (double) w.switches(c) / n;
            }
            double expected = horizon / eta; // Poisson: variance = mean
            assertEquals(expected, mean, 5 * Math.sqrt(expected / n));
        }
    }

    @Test
    void indexDrivenVarianceIsKappaTimesTheCentreVariance() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(13);
            int n = 20_000;
            for (Switching sw : Switching.values()) {
                GaussianSubsets p = new GaussianSubsets(new double[][] {{-1}, {0.5}, {2}});
                double eta = 0.3;
                OccupationWeights w = OccupationWeights.sample(m, n, 3, eta, 8, sw);
                double[] y = w.deviation(m, p).toDoubleArray();
                double mean = 0;
                double second = 0;
                double fourth = 0;
                for (double v : y) {
                    mean += v / n;
                    second += v * v / n;
                    fourth += v * v * v * v / n;
                }
                double c = p.centreCovariance()[0][0];
                double expected = sw.kappa(eta, 3) * c;
                double se = Math.sqrt((fourth - second * second) / n);
                assertEquals(expected, second, 5 * se, sw.toString());
                assertEquals(0, mean, 5 * Math.sqrt(second / n), sw.toString());
            }
        }
    }
}
