package org.reprobench.papers.sgldiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ExactSgldiffTest {
    @Test
    void oneSubsetIsTheOrnsteinUhlenbeckTransition() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(21);
            GaussianSubsets one = new GaussianSubsets(new double[][] {{0.5}});
            int n = 50_000;
            double t = 0.7;
            try (ExactSgldiff sim = new ExactSgldiff(m, one, n, 0.1, Switching.UNIFORM, new double[] {2.0})) {
                int intervals = sim.runTo(t);
                assertTrue(intervals >= 7, "the clock ran " + intervals + " intervals");
                double[] x = sim.theta().toDoubleArray();
                double mean = 0;
                double var = 0;
                for (double v : x) {
                    mean += v / n;
                }
                for (double v : x) {
                    var += (v - mean) * (v - mean) / n;
                }
                double expMean = 0.5 + Math.exp(-t) * 1.5;
                double expVar = -Math.expm1(-2 * t);
                assertEquals(expMean, mean, 5 * Math.sqrt(expVar / n));
                assertEquals(expVar, var, 5 * expVar * Math.sqrt(2.0 / n));
            }
        }
    }

    @Test
    void limitCovarianceOfASmallProblem() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(22);
            GaussianSubsets p = GaussianSubsets.normal(4, 2, 1.5, 5);
            for (Switching sw : Switching.values()) {
                double[][] z = LimitCovariance.zScores(m, p, 20_000, 0.5, sw, new ArrayList<>());
                for (double[] row : z) {
                    for (double v : row) {
                        assertTrue(Math.abs(v) < 5, sw + ": |z| = " + Math.abs(v));
                    }
                }
            }
        }
    }

    @Test
    void oneMinusExpKeepsItsDigitsForTinyArguments() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new double[] {1e-12, 1e-6, 0.3, 5});
            double[] got = ExactSgldiff.oneMinusExpMinus(x).toDoubleArray();
            double[] xs = {1e-12, 1e-6, 0.3, 5};
            for (int k = 0; k < xs.length; k++) {
                assertEquals(-Math.expm1(-xs[k]), got[k], 1e-15 * Math.max(1, xs[k]) + 1e-12 * -Math.expm1(-xs[k]));
            }
        }
    }
}
