package org.reprobench.papers.adversarialsde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KolmogorovSolverTest {

    /** Ornstein-Uhlenbeck dX = -a X dt + sqrt(c) dW: E X_T and E X_T^2 are known exactly. */
    @Test
    void ornsteinUhlenbeckMoments() {
        double a = 1.3;
        double c = 0.04;
        double x0 = 1.5;
        double t = 2.0;
        KolmogorovSolver solver = new KolmogorovSolver(-4, 4, 1601, x -> -a * x, x -> c);
        double[] e = solver.expectations(x0, t, 2000, x -> x, x -> x * x);
        double decay = Math.exp(-a * t);
        assertEquals(x0 * decay, e[0], 1e-6);
        assertEquals(x0 * x0 * decay * decay + c / (2 * a) * (1 - decay * decay), e[1], 1e-6);
    }

    /** Crank-Nicolson with central differences: halving both steps cuts the error about fourfold. */
    @Test
    void secondOrderInGridAndTimeStep() {
        double a = 1.0;
        double c = 0.3;
        double exact = 2.0 * 2.0 * Math.exp(-2) + c / 2 * (1 - Math.exp(-2));
        double coarse = Math.abs(new KolmogorovSolver(-6, 6, 121, x -> -a * x, x -> c)
                .expectations(2.0, 1.0, 20, x -> x * x)[0] - exact);
        double fine = Math.abs(new KolmogorovSolver(-6, 6, 241, x -> -a * x, x -> c)
                .expectations(2.0, 1.0, 40, x -> x * x)[0] - exact);
        double ratio = coarse / fine;
        assertTrue(ratio > 3.5 && ratio < 4.5, "error ratio " + ratio + " (coarse " + coarse + ", fine " + fine + ")");
    }

    /** Without diffusion the solution transports phi along the flow: E X_T = phi(flow(x0)). */
    @Test
    void pureDriftFollowsTheFlow() {
        KolmogorovSolver solver = new KolmogorovSolver(-3, 3, 3001, x -> -x, x -> 0);
        assertEquals(1.0 * Math.exp(-1), solver.expectations(1.0, 1.0, 1000, x -> x)[0], 1e-5);
    }
}
