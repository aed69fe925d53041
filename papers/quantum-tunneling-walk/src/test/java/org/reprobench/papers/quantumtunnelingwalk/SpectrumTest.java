package org.reprobench.papers.quantumtunnelingwalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectrumTest {

    @Test
    void freeParticleSpectrumIsTheClosedForm() {
        // -d^2/dx^2 on n points with walls: lambda_j = (2 - 2 cos(j pi/(n+1))), v_j(i) ~ sin(i j pi/(n+1))
        int n = 200;
        double[] d = new double[n];
        double[] e = new double[n - 1];
        java.util.Arrays.fill(d, 2);
        java.util.Arrays.fill(e, -1);
        TridiagonalEigen.Pairs p = TridiagonalEigen.lowest(d, e, 6);
        for (int j = 0; j < 6; j++) {
            double exact = 2 - 2 * Math.cos((j + 1) * Math.PI / (n + 1));
            assertEquals(exact, p.values()[j], 1e-13);
            double norm = Math.sqrt((n + 1) / 2.0);
            for (int i = 0; i < n; i += 17) {
                double v = Math.sin((i + 1) * (j + 1) * Math.PI / (n + 1)) / norm;
                assertEquals(Math.abs(v), Math.abs(p.vectors()[j][i]), 1e-9);
            }
            for (int k = 0; k < j; k++) {
                assertEquals(0, TridiagonalEigen.dot(p.vectors()[j], p.vectors()[k]), 1e-10);
            }
        }
    }

    @Test
    void harmonicWellGivesEquallySpacedLevels() {
        // H = -h^2 d^2 + k x^2 / 2 has E_m = h sqrt(2k) (m + 1/2); FD error O(dx^2)
        double h = 0.5;
        double k = 1;
        int n = 1999;
        double len = 24;
        double dx = len / (n + 1);
        double[] d = new double[n];
        double[] e = new double[n - 1];
        for (int i = 0; i < n; i++) {
            double x = -len / 2 + (i + 1) * dx;
            d[i] = 2 * h * h / (dx * dx) + k * x * x / 2;
            if (i < n - 1) {
                e[i] = -h * h / (dx * dx);
            }
        }
        TridiagonalEigen.Pairs p = TridiagonalEigen.lowest(d, e, 4);
        for (int m = 0; m < 4; m++) {
            assertEquals(h * Math.sqrt(2 * k) * (m + 0.5), p.values()[m], 2e-4 * (m + 1));
        }
    }

    @Test
    void inverseIterationHandlesTheNearlyDegenerateTunnellingPair() {
        // Example 1 at h = 0.3: the three lowest states are split by tunnelling only
        Hamiltonian1D ham = new Hamiltonian1D(DoubleWellLandscape.example(1), 0.3, 512);
        TridiagonalEigen.Pairs p = ham.lowest(3);
        double[] hv = new double[ham.size()];
        for (int j = 0; j < 3; j++) {
            ham.apply(p.vectors()[j], hv);
            double residual = 0;
            for (int i = 0; i < hv.length; i++) {
                residual = Math.max(residual, Math.abs(hv[i] - p.values()[j] * p.vectors()[j][i]));
            }
            assertTrue(residual < 1e-9, "residual " + residual);
            for (int l = 0; l < j; l++) {
                assertEquals(0, TridiagonalEigen.dot(p.vectors()[j], p.vectors()[l]), 1e-9);
            }
        }
        assertTrue(p.values()[1] - p.values()[0] < 1e-3, "tunnelling splitting is small");
    }

    @Test
    void localGroundStateOfThePlaneMatchesTheHarmonicOscillator() {
        // small h: the ground state (|psi|^2 width sqrt(h sqrt2/omega)/sqrt2 = 0.2) does not feel the
        // local box walls at +-a, so E0 = sqrt2 h omega up to the O(dx^2) error of the stencil
        double h = 0.03;
        PlaneWalk w = new PlaneWalk(199, h);
        double[] g = w.localGroundState();
        double exact = Math.sqrt(2) * h * PlaneWalk.OMEGA;
        assertEquals(exact, w.energy(g), 0.01 * exact);
        assertEquals(1, w.inner(g, g), 1e-12);
    }
}
