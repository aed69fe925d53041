package org.reprobench.papers.adversarialsde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

class AdversarialRegressionRunsTest {

    @Test
    void oneStepMatchesTheHandComputation() {
        try (NDManager m = NDManager.newBaseManager();
             AdversarialRegressionRuns runs = new AdversarialRegressionRuns(m, RegressionTestBed.standard(0), 2.0,
                     new double[] {0.2, 0.0, 0.3}, new double[] {0.1, 0.1, 0.05}, DataType.FLOAT64)) {
            double[] x = {0.7, -1.1, 0.3};
            double[] noise = {0.2, -0.4, -0.6};
            runs.step(m.create(x), m.create(noise));
            double[] eps = {0.2, 0.0, 0.3};
            double[] eta = {0.1, 0.1, 0.05};
            double[] got = runs.theta().toDoubleArray();
            for (int i = 0; i < 3; i++) {
                double y = x[i] + noise[i];
                double r = 2.0 * x[i] - y;
                double xAdv = x[i] + eps[i] * Math.signum(r * 2.0);
                double g = (2.0 * xAdv - y) * xAdv;
                assertEquals(2.0 - eta[i] * g, got[i], 1e-14, "run " + i);
            }
        }
    }

    /** The perturbation is the l2 worst case: it raises the loss as much as any |delta| <= eps can. */
    @Test
    void attackIsTheWorstCase() {
        double theta = -0.8;
        double x = 0.4;
        double y = 0.1;
        double eps = 0.25;
        double r = theta * x - y;
        double attacked = Math.pow(theta * (x + eps * Math.signum(r * theta)) - y, 2) / 2;
        for (double d = -eps; d <= eps; d += eps / 50) {
            assertEquals(true, Math.pow(theta * (x + d) - y, 2) / 2 <= attacked + 1e-15, "delta " + d);
        }
    }

    /** float32 runs, driven by the same samples as float64 ones, stay within 1e-5 on average over 500 steps. */
    @Test
    void float32RunsTrackFloat64Runs() {
        int n = 2000;
        double[] eps = new double[n];
        double[] eta = new double[n];
        java.util.Arrays.fill(eps, 0.3);
        java.util.Arrays.fill(eta, 0.02);
        try (NDManager m = NDManager.newBaseManager();
             AdversarialRegressionRuns single = new AdversarialRegressionRuns(m, RegressionTestBed.standard(0), 2.0, eps, eta, DataType.FLOAT32);
             AdversarialRegressionRuns dbl = new AdversarialRegressionRuns(m, RegressionTestBed.standard(0), 2.0, eps, eta, DataType.FLOAT64)) {
            for (int k = 0; k < 500; k++) {
                try (NDManager sub = m.newSubManager()) {
                    NDArray x = sub.randomNormal(0, 1, new ai.djl.ndarray.types.Shape(n), DataType.FLOAT32);
                    NDArray noise = sub.randomNormal(0, 0.5f, new ai.djl.ndarray.types.Shape(n), DataType.FLOAT32);
                    single.step(x, noise);
                    dbl.step(x.toType(DataType.FLOAT64, false), noise.toType(DataType.FLOAT64, false));
                }
            }
            double a = single.theta().toType(DataType.FLOAT64, false).mean().getDouble();
            double b = dbl.theta().mean().getDouble();
            assertEquals(b, a, 1e-5);
        }
    }
}
