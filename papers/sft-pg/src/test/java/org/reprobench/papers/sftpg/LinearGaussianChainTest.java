package org.reprobench.papers.sftpg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class LinearGaussianChainTest {
    private final LinearGaussianChain chain = LinearGaussianChain.briefSetting();

    @Test
    void closedFormsMatchTheBriefsHandComputation() {
        assertEquals(0.651322, chain.meanX0(), 1e-6);
        assertEquals(0.961892, chain.meanX0Squared(), 1e-6);
        double[] g = chain.exactGradient();
        assertEquals(0.50467, g[0], 1e-5);
        assertEquals(0.76920, g[4], 1e-5);
        assertEquals(1.30264, g[9], 1e-5);
    }

    @Test
    void exactGradientMatchesFiniteDifferencesOfTheClosedForm() {
        double h = 1e-6;
        double[] g = chain.exactGradient();
        for (int k = 0; k < 10; k++) {
            double[] up = new double[10];
            double[] down = new double[10];
            java.util.Arrays.fill(up, 0.1);
            java.util.Arrays.fill(down, 0.1);
            up[k] += h;
            down[k] -= h;
            double fd = (new LinearGaussianChain(10, 0.9, 0.3, up).meanX0Squared()
                    - new LinearGaussianChain(10, 0.9, 0.3, down).meanX0Squared()) / (2 * h);
            assertEquals(g[k], fd, 1e-7, "component " + (k + 1));
        }
    }

    @Test
    void autogradEstimatorsAreUnbiasedAndTheBaselineCutsVariance() {
        GradMode.offForThisThread();
        try (NDManager m = NDManager.newBaseManager()) {
            LinearGaussianChain.Estimates e = chain.estimate(m, 7, 20_000);
            for (LinearGaussianChain.Estimator est : new LinearGaussianChain.Estimator[] {e.reinforce(),
                e.withBaseline(), e.pathwise()}) {
                for (double z : est.zScores(e.exact())) {
                    assertTrue(Math.abs(z) < 4.5, "z = " + z);
                }
            }
            for (int k = 0; k < 10; k++) {
                double ratio = e.withBaseline().variance()[k] / e.reinforce().variance()[k];
                assertTrue(ratio < 0.7, "variance ratio at k=" + (k + 1) + ": " + ratio);
                assertTrue(e.pathwise().variance()[k] < e.reinforce().variance()[k]);
            }
        }
    }

    @Test
    void pathwiseEstimateIsTwoX0TimesTheChainFactor() {
        // With sigma -> 0 every chain is deterministic: the path-wise estimate equals the exact gradient.
        double[] theta = new double[10];
        java.util.Arrays.fill(theta, 0.1);
        LinearGaussianChain quiet = new LinearGaussianChain(10, 0.9, 1e-9, theta);
        GradMode.offForThisThread();
        try (NDManager m = NDManager.newBaseManager()) {
            LinearGaussianChain.Estimates e = quiet.estimate(m, 3, 2000);
            // x_T still varies: E[2 x0 a^{T-k}] = 2 a^{T-k} m exactly in expectation; here check the mean.
            for (int k = 0; k < 10; k++) {
                assertEquals(e.exact()[k], e.pathwise().mean()[k], 6 * Math.sqrt(e.pathwise().variance()[k] / 2000));
            }
        }
    }
}
