package org.reprobench.papers.sgldiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class ReflectionCouplingTest {
    @Test
    void gradientMatchesFiniteDifferencesOfThePotential() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] theta = {-1.3, 0.2, 0.9};
            double[] tilt = {0.4, -0.1, 0.25};
            double[] g = ReflectionCoupling.gradient(m.create(theta), m.create(tilt)).toDoubleArray();
            for (int k = 0; k < theta.length; k++) {
                double h = 1e-5;
                double fd = (phi(theta[k] + h, tilt[k]) - phi(theta[k] - h, tilt[k])) / (2 * h);
                assertEquals(fd, g[k], 1e-8);
            }
        }
    }

    @Test
    void coupledCopyKeepsItsOwnGaussianLawAndOftenMeets() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(31);
            int n = 40_000;
            double noise = 0.4;
            NDArray a = m.zeros(new ai.djl.ndarray.types.Shape(n, 2), ai.djl.ndarray.types.DataType.FLOAT64);
            NDArray b = a.add(m.create(new double[] {0.3, -0.2}));
            NDArray[] xy = ReflectionCoupling.coupledProposal(m, a, b, noise);
            double[] y = xy[1].toDoubleArray();
            double[] x = xy[0].toDoubleArray();
            double[] mean = new double[2];
            double[] var = new double[2];
            int met = 0;
            for (int c = 0; c < n; c++) {
                met += x[2 * c] == y[2 * c] && x[2 * c + 1] == y[2 * c + 1] ? 1 : 0;
                for (int k = 0; k < 2; k++) {
                    mean[k] += y[2 * c + k] / n;
                }
            }
            for (int c = 0; c < n; c++) {
                for (int k = 0; k < 2; k++) {
                    var[k] += Math.pow(y[2 * c + k] - mean[k], 2) / n;
                }
            }
            double s2 = noise * noise;
            assertEquals(0.3, mean[0], 5 * noise / Math.sqrt(n));
            assertEquals(-0.2, mean[1], 5 * noise / Math.sqrt(n));
            assertEquals(s2, var[0], 5 * s2 * Math.sqrt(2.0 / n));
            assertEquals(s2, var[1], 5 * s2 * Math.sqrt(2.0 / n));
            // maximal coupling: P(meet) = 1 - TV = 2 Phi(-|a - b| / (2 noise))
            double gap = Math.hypot(0.3, 0.2) / (2 * noise);
            double expected = 2 * 0.5 * erfc(gap / Math.sqrt(2));
            assertEquals(expected, (double) met / n, 5 * Math.sqrt(expected * (1 - expected) / n));
        }
    }

    @Test
    void copiesThatAgreeStayTogether() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(32);
            NDArray a = m.randomNormal(new ai.djl.ndarray.types.Shape(100, 3), ai.djl.ndarray.types.DataType.FLOAT64);
            NDArray[] xy = ReflectionCoupling.coupledProposal(m, a, a.duplicate(), 0.2);
            assertTrue(xy[0].eq(xy[1]).all().getBoolean());
        }
    }

    private static double phi(double x, double tilt) {
        return x * x * x * x / 4 - x * x / 2 - tilt * x;
    }

    /** erfc by a continued-fraction-free series good to 1e-10 for the small arguments used here. */
    private static double erfc(double x) {
        double sum = 0;
        double term = x;
        for (int k = 0; k < 60; k++) {
            sum += term / (2 * k + 1);
            term *= -x * x / (k + 1);
        }
        return 1 - 2 / Math.sqrt(Math.PI) * sum;
    }
}
