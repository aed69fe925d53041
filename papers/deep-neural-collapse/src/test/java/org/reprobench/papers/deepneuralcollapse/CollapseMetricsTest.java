package org.reprobench.papers.deepneuralcollapse;

import org.reprobench.api.SymmetricEigen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CollapseMetricsTest {

    /** Two classes of two points: means (+-1, 0), deviations +-s along a chosen axis. */
    private static double[][] twoClasses(double s, boolean alongMeans) {
        double[][] h = new double[2][4];
        double[] mean = {1, 1, -1, -1};
        double[] dev = {s, -s, s, -s};
        for (int j = 0; j < 4; j++) {
            h[0][j] = mean[j] + (alongMeans ? dev[j] : 0);
            h[1][j] = alongMeans ? 0 : dev[j];
        }
        return h;
    }

    @Test
    void nc1ByHand() {
        double s = 0.3;
        // deviations along the mean difference: Sw = diag(s^2, 0), Sb = diag(1, 0)
        double[][] along = twoClasses(s, true);
        assertEquals(s * s / 2, CollapseMetrics.nc1Pinv(along, 2), 1e-15);
        assertEquals(s * s, CollapseMetrics.nc1TraceRatio(along, 2), 1e-15);
        // deviations orthogonal to it: Papyan's form is blind to them for K = 2, the trace ratio is not
        double[][] across = twoClasses(s, false);
        assertEquals(0, CollapseMetrics.nc1Pinv(across, 2), 1e-15);
        assertEquals(s * s, CollapseMetrics.nc1TraceRatio(across, 2), 1e-15);
        assertEquals(0, CollapseMetrics.nc1TraceRatio(twoClasses(0, true), 2), 0);
    }

    @Test
    void nc1OfRandomFeaturesIsOrderOne() {
        Random rng = new Random(5);
        double[][] h = new double[8][40];
        for (double[] row : h) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double r = CollapseMetrics.nc1TraceRatio(h, 2);
        assertTrue(r > 1, "random features: within-class spread dominates, got " + r);
    }

    @Test
    void orthogonalFrameAndTheTrivialEtf() {
        // orthogonal means of equal norm: NC2 = 0
        double[][] ortho = {{2, 2, 0, 0}, {0, 0, 2, 2}, {0, 0, 0, 0}};
        assertEquals(0, CollapseMetrics.nc2Orthogonal(ortho, 2), 1e-15);
        assertEquals(0, CollapseMetrics.maxMeanCosine(ortho, 2), 0);
        // means at 60 degrees: G/||G|| = [[1, .5], [.5, 1]] / sqrt(2.5)
        double c = Math.cos(Math.PI / 3);
        double[][] sixty = {{1, 1, c, c}, {0, 0, Math.sin(Math.PI / 3), Math.sin(Math.PI / 3)}};
        double g = Math.sqrt(2 + 2 * c * c);
        double expected = Math.sqrt(2 * Math.pow(1 / g - 1 / Math.sqrt(2), 2) + 2 * Math.pow(c / g, 2));
        assertEquals(expected, CollapseMetrics.nc2Orthogonal(sixty, 2), 1e-14);
        // for K = 2 the centred means are antipodal, so the simplex-ETF distance is 0 whatever the angle
        assertEquals(0, CollapseMetrics.nc2Etf(sixty, 2), 1e-15);
        assertEquals(0, CollapseMetrics.nc2Etf(ortho, 2), 1e-15);
        // but not for K = 3 with a bad configuration
        double[][] three = {{1, 0, 0.9}, {0, 1, 0.1}};
        assertTrue(CollapseMetrics.nc2Etf(three, 3) > 0.1);
    }

    @Test
    void alignment() {
        double[][] h = {{3, 3, 0, 0}, {0, 0, 1, 1}, {0, 0, 0, 0}};
        // rows collinear with a class mean, or zero: NC3 = 0
        double[][] aligned = {{2, 0, 0}, {0, -5, 0}, {0, 0, 0}};
        assertEquals(0, CollapseMetrics.nc3RowAlignment(aligned, h, 2), 1e-15);
        // one row of energy 1 orthogonal to both means, one aligned row of energy 3
        double[][] half = {{0, 0, 1}, {Math.sqrt(3), 0, 0}};
        assertEquals(0.25, CollapseMetrics.nc3RowAlignment(half, h, 2), 1e-15);
        // a last layer proportional to the transposed means
        double[][] last = {{6, 0, 0}, {0, 2, 0}};
        assertEquals(0, CollapseMetrics.nc3LastLayer(last, h, 2), 1e-15);
    }

    @Test
    void symmetricEigenReconstructs() {
        Random rng = new Random(9);
        double[][] a = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = rng.nextGaussian();
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a);
        for (int i = 1; i < 6; i++) {
            assertTrue(e.values()[i - 1] >= e.values()[i]);
        }
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double s = 0;
                for (int k = 0; k < 6; k++) {
                    s += e.vectors()[i][k] * e.values()[k] * e.vectors()[j][k];
                }
                assertEquals(a[i][j], s, 1e-12);
            }
        }
        double[] sv = Matrices.singularValues(new double[][] {{3, 0}, {0, -4}, {0, 0}});
        assertEquals(4, sv[0], 1e-14);
        assertEquals(3, sv[1], 1e-14);
    }
}
