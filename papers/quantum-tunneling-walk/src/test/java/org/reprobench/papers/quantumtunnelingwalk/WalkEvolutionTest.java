package org.reprobench.papers.quantumtunnelingwalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class WalkEvolutionTest {

    /** A two-site walk: H = [[e, -J], [-J, e]] moves a particle from site 0 to 1 with P_1(t) = sin^2(J t). */
    @Test
    void twoSiteRabiOscillationBySpectrumAndByLeapfrog() {
        double j = 0.7;
        double[] d = {1.0, 1.0};
        double[] e = {-j};
        TridiagonalEigen.Pairs pairs = TridiagonalEigen.lowest(d, e, 2);
        assertEquals(1 - j, pairs.values()[0], 1e-14);
        assertEquals(1 + j, pairs.values()[1], 1e-14);
        double[] times = {0, 0.3, 1.1, 2.0, Math.PI / (2 * j)};
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralWalk walk = new SpectralWalk(m, pairs, new double[][] {{1, 0}}, new boolean[] {false, true},
                    new double[] {0, 0});
            double[] p = walk.targetProbability(times)[0];
            for (int i = 0; i < times.length; i++) {
                assertEquals(Math.pow(Math.sin(j * times[i]), 2), p[i], 1e-12);
            }
            // pbar(tau) = (1/tau) int_0^tau sin^2(J t) dt = 1/2 - sin(2 J tau) / (4 J tau)
            double tau = 3.3;
            double pbar = walk.averagedTargetProbability(new double[] {tau})[0][0];
            assertEquals(0.5 - Math.sin(2 * j * tau) / (4 * j * tau), pbar, 1e-12);
            assertEquals(tau / (2 * pbar), walk.expectedHittingTime(new double[] {tau})[0][0], 1e-12);
        }
    }

    @Test
    void leapfrogFollowsTheSpectrumAndKeepsTheNorm() {
        DoubleWellLandscape land = DoubleWellLandscape.example(1);
        Hamiltonian1D ham = new Hamiltonian1D(land, 0.8, 512);
        double[] u0 = ham.localGroundState(2 * land.a());
        double dt = 1 / ham.localLargestEigenvalue(2 * land.a());
        Leapfrog1D.Trajectory tr = new Leapfrog1D(ham).run(new double[][] {u0}, 60, dt, ham.targetMask());
        double[] times = {10, 30, 60};
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralWalk walk = new SpectralWalk(m, ham.lowest(120), new double[][] {u0}, ham.targetMask(), ham.loss());
            double[] p = walk.targetProbability(times)[0];
            for (int i = 0; i < times.length; i++) {
                int step = (int) Math.round(times[i] / (tr.times()[1]));
                assertEquals(p[i], tr.targetProbability()[0][step], 1e-6, "P_target at t = " + times[i]);
            }
        }
        for (double nrm : tr.norm()[0]) {
            assertEquals(1, nrm, 1e-6);
        }
        assertTrue(tr.energyDrift()[0] < 1e-3, "energy drift " + tr.energyDrift()[0]);
    }

    @Test
    void closedFormAverageEqualsTheQuadratureOfTheCurve() {
        DoubleWellLandscape land = DoubleWellLandscape.example(3);
        Hamiltonian1D ham = new Hamiltonian1D(land, 1.0, 256);
        double[] u0 = ham.localGroundState(2 * land.a());
        double tau = 150;
        double[] t = new double[3001];
        for (int i = 0; i < t.length; i++) {
            t[i] = tau * i / (t.length - 1);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralWalk walk = new SpectralWalk(m, ham.lowest(60), new double[][] {u0}, ham.targetMask(), ham.loss());
            double[] p = walk.targetProbability(t)[0];
            double s = 0;
            for (int i = 1; i < t.length; i++) {
                s += 0.5 * (p[i] + p[i - 1]) * (t[i] - t[i - 1]);
            }
            assertEquals(s / tau, walk.averagedTargetProbability(new double[] {tau})[0][0], 1e-6);
        }
    }

    @Test
    void planeLeapfrogKeepsNormAndEnergy() {
        PlaneWalk w = new PlaneWalk(49, 0.26);
        PlaneWalk.State s = w.start(w.localGroundState());
        double e0 = s.energy();
        s.advance(20, w.codeStep(), null);
        // leap-frog keeps a nearby quadratic form exactly; the norm itself wobbles by O((lambda dt)^2) on the
        // high-frequency part of the state (the local ground state has a kink at its box edge)
        assertEquals(1, s.norm(), 1e-3);
        assertEquals(e0, s.energy(), 1e-2 * e0);
    }
}
