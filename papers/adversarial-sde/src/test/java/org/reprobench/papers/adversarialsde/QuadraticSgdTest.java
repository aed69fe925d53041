package org.reprobench.papers.adversarialsde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuadraticSgdTest {
    private final QuadraticSgd sgd = new QuadraticSgd(2.0, 0.5, 1.5);

    @Test
    void oneStepByHand() {
        // theta_1 = (1 - eta a) theta_0 - eta sigma z: mean 0.8 * 1.5, second moment 0.64 * 2.25 + 0.01 * 0.25
        assertArrayEquals(new double[] {1.2, 1.4425}, sgd.discreteMoments(0.1, 1), 1e-15);
    }

    @Test
    void sdeMomentsSolveTheirOdes() {
        // d/dt E X = -a E X;  d/dt E X^2 = -2a E X^2 + eta sigma^2
        double eta = 0.1;
        double t = 0.7;
        double h = 1e-6;
        double[] p = sgd.sdeMoments(eta, t + h);
        double[] m = sgd.sdeMoments(eta, t - h);
        double[] c = sgd.sdeMoments(eta, t);
        assertEquals(-2.0 * c[0], (p[0] - m[0]) / (2 * h), 1e-7);
        assertEquals(-4.0 * c[1] + eta * 0.25, (p[1] - m[1]) / (2 * h), 1e-7);
    }

    @Test
    void stationaryVarianceHasRelativeErrorEtaAOverTwo() {
        // discrete: eta sigma^2 / (a (2 - eta a)); SDE: eta sigma^2 / (2a): ratio 1 / (1 - eta a / 2)
        double eta = 0.05;
        double[] d = sgd.discreteMoments(eta, 20_000);
        double[] s = sgd.sdeMoments(eta, 1e6);
        assertEquals(1 / (1 - eta * 2.0 / 2), d[1] / s[1], 1e-12);
    }

    @Test
    void errorHalvesWithEtaForSmallEta() {
        QuadraticSgd q = SgdWeakOrder.PROBLEM;
        double e1 = Math.abs(q.discreteMoments(0.002, 1000)[0] - q.sdeMoments(0.002, 2)[0]);
        double e2 = Math.abs(q.discreteMoments(0.001, 2000)[0] - q.sdeMoments(0.001, 2)[0]);
        assertTrue(Math.abs(e1 / e2 - 2) < 0.01, "ratio " + e1 / e2);
    }
}
