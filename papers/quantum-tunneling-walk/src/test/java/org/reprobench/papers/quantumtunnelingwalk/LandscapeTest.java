package org.reprobench.papers.quantumtunnelingwalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LandscapeTest {

    @Test
    void junctionConditionsGiveTheCodesConstants() {
        // b and k printed in the code, recovered from (a, sigma, eps)
        double[][] code = {{0.243398682158585, 0.014603920929515}, {1.694890449331924, 0.006101605617595},
                {1.034579727740753, 0.014566882566590}};
        for (int ex = 1; ex <= 3; ex++) {
            DoubleWellLandscape l = DoubleWellLandscape.example(ex);
            assertEquals(code[ex - 1][0], l.b(), 1e-12, "b of example " + ex);
            assertEquals(code[ex - 1][1], l.k(), 1e-12, "k of example " + ex);
        }
    }

    @Test
    void lossAndGradientAreContinuousAndConsistent() {
        for (int ex = 1; ex <= 3; ex++) {
            DoubleWellLandscape l = DoubleWellLandscape.example(ex);
            for (int j = 0; j < 2; j++) {
                for (double junction : new double[] {j * l.period() + 2 * l.a(), (j + 1) * l.period()}) {
                    double e = 1e-9;
                    assertEquals(l.f(junction - e), l.f(junction + e), 1e-9);
                    assertEquals(l.gradient(junction - e), l.gradient(junction + e), 1e-8);
                }
            }
            for (double x = 0.3; x < l.length(); x += 0.37) {
                double fd = (l.f(x + 1e-6) - l.f(x - 1e-6)) / 2e-6;
                assertEquals(fd, l.gradient(x), 1e-6, "f' by finite differences at " + x);
            }
            assertEquals(0, l.f(l.a()), 1e-15);
            assertEquals(l.barrierHeight(), l.f(l.period() - l.b()), 1e-12);
        }
    }

    @Test
    void bumpFamilyMeetsTheWellsSmoothly() {
        DoubleWellLandscape e1 = DoubleWellLandscape.example(1);
        for (double sigma : new double[] {0.4, 1.0, 3.0}) {
            DoubleWellLandscape l = DoubleWellLandscape.withBump("t", 5, e1.k(), sigma, 0.3);
            assertEquals(e1.k(), l.k(), 1e-10);
            double junction = 2 * l.a();
            assertEquals(l.f(junction - 1e-9), l.f(junction + 1e-9), 1e-8);
            assertEquals(l.gradient(junction - 1e-9), l.gradient(junction + 1e-9), 1e-7);
            assertTrue(l.eps() < l.amplitude() * Math.exp(-0.5), "small-eps root");
        }
    }

    @Test
    void planePotentialFollowsTheCodesAssignmentOrder() {
        assertEquals(0, PlaneWalk.potential(0, 0), 0);
        assertEquals(0, PlaneWalk.potential(2 * PlaneWalk.B, 0), 0);
        assertEquals(PlaneWalk.H1, PlaneWalk.potential(PlaneWalk.B, 0), 0);        // channel
        assertEquals(PlaneWalk.H2, PlaneWalk.potential(PlaneWalk.B, 0.9), 0);      // plateau
        assertEquals(PlaneWalk.OMEGA * PlaneWalk.OMEGA * 0.81 / 2, PlaneWalk.potential(0.9, 0), 1e-15); // disk beats channel
        assertEquals(PlaneWalk.potential(0.3, 0.2), PlaneWalk.potential(0.3, -0.2), 0);
    }
}
