package org.reprobench.papers.sgldiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class Wasserstein1DTest {
    @Test
    void shiftedLawsAreTheirShiftApart() {
        double h = 0.5;
        double[] x = {0, 0.5, 1, 1.5, 2};
        double[] p = {0.25, 0.5, 0.25, 0, 0};
        double[] q = {0, 0, 0.25, 0.5, 0.25};
        assertEquals(1.0, Wasserstein1D.w1OnGrid(p, q, h), 1e-12);
        assertEquals(1.0, Wasserstein1D.w2OnGrid(x, p, q), 1e-12);
    }

    @Test
    void w2OfCellsSpreadAgainstTheMiddleCellByHand() {
        // p: 1/4, 1/2, 1/4 uniform on [-1.5,-0.5], [-0.5,0.5], [0.5,1.5]; q uniform on [-0.5, 0.5].
        // The quantile gap is 3u - 1, u - 1/2, 3u - 2 on the three u-ranges; its squared integral is
        // 7/64 + 1/96 + 7/64 = 11/48.
        double[] x = {-1, 0, 1};
        assertEquals(Math.sqrt(11.0 / 48), Wasserstein1D.w2OnGrid(x, new double[] {0.25, 0.5, 0.25}, new double[] {0, 1, 0}), 1e-12);
        assertEquals(0.5, Wasserstein1D.w1OnGrid(new double[] {0.25, 0.5, 0.25}, new double[] {0, 1, 0}, 1), 1e-12);
    }

    @Test
    void gaussianMixtureDistanceMatchesAnIndependentQuadrature() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(0, Wasserstein1D.w1GaussianMixtureToStandardNormal(m, new double[] {0, 0, 0}, 1), 1e-9);
            // 1/2 N(-a, 1) + 1/2 N(a, 1) against N(0, 1): the integral of |(F(x+a) + F(x-a))/2 - F(x)|,
            // with F tabulated by the trapezoid rule on the density (no erf involved)
            double a = 0.3;
            double dx = 1e-4;
            int shift = (int) Math.round(a / dx);
            int n = (int) Math.round(24 / dx) + 1;
            double[] cdf = new double[n];
            for (int k = 1; k < n; k++) {
                double x0 = -12 + (k - 1) * dx;
                cdf[k] = cdf[k - 1] + 0.5 * dx * (density(x0) + density(x0 + dx));
            }
            double expected = 0;
            for (int k = shift; k < n - shift; k++) {
                expected += Math.abs(0.5 * (cdf[k + shift] + cdf[k - shift]) - cdf[k]) * dx;
            }
            double measured = Wasserstein1D.w1GaussianMixtureToStandardNormal(m, new double[] {-a, a}, 1);
            assertEquals(expected, measured, 1e-5);
        }
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }
}
