package org.reprobench.papers.adversarialsde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegressionTestBedTest {

    @Test
    void cleanRiskIsHalfTheResidualVariance() {
        RegressionTestBed bed = RegressionTestBed.standard(0);
        // theta = 0.4: residual variance (0.4 - 1)^2 + 0.25 = 0.61
        assertEquals(0.305, bed.robustRisk(0.4), 1e-15);
        assertEquals(-0.6, bed.robustRiskGradient(0.4), 1e-15);
    }

    @Test
    void robustMinimiserMatchesIndependentlyComputedValues() {
        // eps, theta*_eps, R_eps(theta*_eps), R_eps(theta*), R_0(theta*_eps): the table of the
        // research notes (shared/papers/adversarial-sde.md, test bed 2), computed there by a bounded
        // scalar minimisation with xatol 1e-12, independently of this code
        double[][] golden = {
            {0.1, 0.9569399610, 0.1688234442, 0.1698942280, 0.1259270835},
            {0.2, 0.9086141626, 0.2193851510, 0.2247884561, 0.1291756856},
            {0.3, 0.8553321704, 0.2749533151, 0.2896826841, 0.1354643905}};
        RegressionTestBed clean = RegressionTestBed.standard(0);
        for (double[] g : golden) {
            RegressionTestBed bed = RegressionTestBed.standard(g[0]);
            double min = bed.robustMinimiser();
            assertEquals(g[1], min, 3e-9, "minimiser at eps " + g[0]);
            assertEquals(g[2], bed.robustRisk(min), 1e-9, "robust risk at its minimiser, eps " + g[0]);
            assertEquals(g[3], bed.robustRisk(1.0), 1e-9, "robust risk at the clean minimiser, eps " + g[0]);
            assertEquals(g[4], clean.robustRisk(min), 1e-9, "clean risk at the robust minimiser, eps " + g[0]);
        }
        assertEquals(1.0, RegressionTestBed.standard(0).robustMinimiser(), 0);
    }

    @Test
    void gradientIsTheDerivativeOfTheRisk() {
        RegressionTestBed bed = RegressionTestBed.standard(0.2);
        double h = 1e-5;
        for (double theta : new double[] {-1.3, -0.2, 0.3, 0.9, 2.0, 3.5}) {
            double fd = (bed.robustRisk(theta + h) - bed.robustRisk(theta - h)) / (2 * h);
            assertEquals(fd, bed.robustRiskGradient(theta), 1e-8, "theta " + theta);
        }
    }

    /** Direct simulation of one attacked sample at a time, in plain Java, against the closed forms. */
    @Test
    void stochasticGradientMeanAndVarianceMatchTheClosedForms() {
        RegressionTestBed bed = RegressionTestBed.standard(0.2);
        SplittableRandom rng = new SplittableRandom(7);
        int n = 1_000_000;
        for (double theta : new double[] {2.0, 0.9, -0.5}) {
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double x = TwoMoons.gaussian(rng);
                double y = x + 0.5 * TwoMoons.gaussian(rng);
                double r = theta * x - y;
                double xAdv = x + 0.2 * Math.signum(r * theta);
                double g = (theta * xAdv - y) * xAdv;
                sum += g;
                sumSq += g * g;
            }
            double mean = sum / n;
            double var = sumSq / n - mean * mean;
            double se = Math.sqrt(var / n);
            assertEquals(bed.robustRiskGradient(theta), mean, 5 * se, "mean at theta " + theta);
            // the variance of a sample variance is about (m4 - var^2)/n; 3% is over 5 of its standard errors here
            assertEquals(bed.gradientVariance(theta), var, 0.03 * var, "variance at theta " + theta);
        }
    }

    @Test
    void varianceIsPositive() {
        RegressionTestBed bed = RegressionTestBed.standard(0.3);
        for (double theta = -4; theta <= 4; theta += 0.01) {
            assertTrue(bed.gradientVariance(theta) > 0, "theta " + theta);
        }
    }
}
