package org.reprobench.papers.sgldiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StationaryFokkerPlanckTest {
    private static final GaussianSubsets TWO = new GaussianSubsets(new double[][] {{-1}, {1}});

    @Test
    void oneSubsetGivesTheDiscreteGibbsLawExactly() {
        double[] x = StationaryFokkerPlanck.grid(-6, 6, 301);
        double[][] phi = new GaussianSubsets(new double[][] {{0.7}}).potentialsOnGrid(x);
        double[] solved = StationaryFokkerPlanck.solve(x, phi, 1.0, Switching.UNIFORM).mass();
        double[] gibbs = StationaryFokkerPlanck.equilibrium(phi[0]);
        for (int k = 0; k < x.length; k++) {
            assertEquals(gibbs[k], solved[k], 1e-13, "cell " + k);
        }
    }

    @Test
    void varianceMatchesTheClosedFormOnePlusKappa() {
        double[] x = StationaryFokkerPlanck.grid(-10, 10, 2001);
        for (double eta : new double[] {2, 0.4, 0.05}) {
            var s = StationaryFokkerPlanck.solve(x, TWO.potentialsOnGrid(x), eta, Switching.UNIFORM);
            assertEquals(1 + eta / (1 + eta), s.variance(), 2e-5, "eta " + eta);
            assertEquals(0, s.mean(), 1e-10);
        }
    }

    @Test
    void switchingToAnotherSubsetActsLikeAShorterWait() {
        // three subsets: with forced changes the index decorrelates at 3/(2 eta), i.e. eta' = 2 eta / 3
        GaussianSubsets three = new GaussianSubsets(new double[][] {{-1.5}, {0.2}, {1.9}});
        double[] x = StationaryFokkerPlanck.grid(-10, 10, 2001);
        double eta = 0.3;
        var s = StationaryFokkerPlanck.solve(x, three.potentialsOnGrid(x), eta, Switching.TO_OTHER);
        double expected = three.limitCovariance(eta, Switching.TO_OTHER)[0][0];
        assertEquals(expected, s.variance(), 2e-5);
        assertEquals(three.mean()[0], s.mean(), 1e-8);
    }

    @Test
    void w1MatchesTheResearchBriefsIndependentSolve() {
        // W1(mu^eta, N(0,1)) for the +-1 problem, from the brief's own finite-volume solve (sec. 3b)
        double[] etas = {0.4, 0.1, 0.025, 0.00625, 0.0015625};
        double[] brief = {1.09126e-1, 3.55924e-2, 9.67435e-3, 2.47411e-3, 6.22133e-4};
        var det = FractionalPowerBound.solve(4001, etas);
        for (int e = 0; e < etas.length; e++) {
            assertEquals(brief[e], det.w1()[e], 0.005 * brief[e], "eta " + etas[e]);
        }
        // and the small-eta asymptote W1 ~ sqrt(2/pi) kappa / 2 (a Taylor expansion of the Gaussian mixture)
        double kappa = etas[4] / (1 + etas[4]);
        assertEquals(Math.sqrt(2 / Math.PI) * kappa / 2, det.w1()[4], 0.01 * det.w1()[4]);
    }

    @Test
    void w2IsTheGelbrichValueToFirstOrder() {
        var det = FractionalPowerBound.solve(4001, new double[] {0.4, 0.00625});
        double small = 0.00625 / 1.00625;
        assertEquals(Math.sqrt(1 + small) - 1, det.w2()[1], 0.02 * det.w2()[1]);
        assertTrue(det.w2()[0] >= Math.sqrt(1 + 0.4 / 1.4) - 1 - 1e-6, "Gelbrich is a lower bound");
    }
}
