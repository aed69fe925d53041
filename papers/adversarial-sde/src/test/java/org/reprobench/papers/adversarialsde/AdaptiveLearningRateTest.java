package org.reprobench.papers.adversarialsde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdaptiveLearningRateTest {

    @Test
    void bestMultiplierMinimisesTheHamiltonian() {
        // -u * 2 + u^2 * 8 / 2 is smallest at u = 2/8
        assertEquals(0.25, AdaptiveLearningRate.bestMultiplier(1, 4, 2, 2), 1e-15);
        // the unconstrained minimiser beyond 1 is clipped
        assertEquals(1.0, AdaptiveLearningRate.bestMultiplier(3, 1, 2, 1), 0);
        // moving uphill never pays: u = 0
        assertEquals(0.0, AdaptiveLearningRate.bestMultiplier(1, 1, -2, 1), 0);
        // concave in u: the better endpoint
        assertEquals(1.0, AdaptiveLearningRate.bestMultiplier(1, 1, 2, -1), 0);
        assertEquals(0.0, AdaptiveLearningRate.bestMultiplier(1, 1, -2, -1), 0);
        // brute force over a fine grid of u agrees
        for (double[] c : new double[][] {{0.7, 0.3, 0.4, 2.5}, {-1.2, 0.5, 0.9, 0.1}, {2.0, 0.2, 0.5, 30}}) {
            double best = Double.POSITIVE_INFINITY;
            double arg = -1;
            for (double u = 0; u <= 1.0000001; u += 1e-4) {
                double hval = -u * c[0] * c[2] + 0.5 * u * u * c[1] * c[3];
                if (hval < best) {
                    best = hval;
                    arg = u;
                }
            }
            assertEquals(arg, AdaptiveLearningRate.bestMultiplier(c[0], c[1], c[2], c[3]), 2e-4);
        }
    }

    @Test
    void tridiagonalSolveInvertsTheMatrix() {
        double[] sub = {0, -1, 0.5, -0.2};
        double[] dia = {4, 3, 5, 2};
        double[] sup = {1, -0.5, 1, 0};
        double[] u = {0.3, -1.2, 2.0, 0.7};
        double[] rhs = new double[4];
        for (int i = 0; i < 4; i++) {
            rhs[i] = dia[i] * u[i] + (i > 0 ? sub[i] * u[i - 1] : 0) + (i < 3 ? sup[i] * u[i + 1] : 0);
        }
        assertArrayEquals(u, Tridiagonal.solve(sub, dia, sup, rhs), 1e-14);
    }

    /** Far from the minimiser the schedule runs at full rate; at the last step near the minimiser it nearly stops. */
    @Test
    void policyAnnealsNearTheMinimiserAtTheEnd() {
        RegressionTestBed bed = RegressionTestBed.standard(AdaptiveLearningRate.EPS);
        double[][] u = AdaptiveLearningRate.policy(bed);
        double h = (AdaptiveLearningRate.HI - AdaptiveLearningRate.LO) / (AdaptiveLearningRate.NODES - 1);
        int atTwo = (int) Math.round((2.0 - AdaptiveLearningRate.LO) / h);
        int atMin = (int) Math.round((bed.robustMinimiser() - AdaptiveLearningRate.LO) / h);
        assertEquals(1.0, u[0][atTwo], 1e-9);
        assertTrue(u[AdaptiveLearningRate.STEPS - 1][atMin] < 0.1, "last-step multiplier at the minimiser " + u[AdaptiveLearningRate.STEPS - 1][atMin]);
        for (double[] row : u) {
            for (double x : row) {
                assertTrue(x >= 0 && x <= 1);
            }
        }
    }
}
