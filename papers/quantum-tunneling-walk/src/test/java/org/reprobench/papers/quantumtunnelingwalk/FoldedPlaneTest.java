package org.reprobench.papers.quantumtunnelingwalk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlaneWalk} stores only the rows with y >= 0. Here a plain leap-frog on the whole n x n grid
 * (no folding, no fused passes) starts from the unfolded initial state; both walks must agree at
 * every grid point, for an even n (no row at y = 0) and an odd n (a row at y = 0, weighted once), and on
 * the ci grid, where points lie exactly on the disks' edges.
 */
class FoldedPlaneTest {

    @ParameterizedTest
    @ValueSource(ints = {40, 41, 199})
    void foldedWalkEqualsTheFullGridWalk(int n) {
        double h = 0.26;
        PlaneWalk folded = new PlaneWalk(n, h);
        double[] start = folded.localGroundState();
        FullGrid full = new FullGrid(n, h);
        double[] q = folded.fullGrid(start);
        double[] p = new double[n * n];
        assertEquals(1, full.sum(q, p, false), 1e-12, "unfolded initial state is normalised");
        assertEquals(folded.energy(start), full.rayleigh(q), 1e-12, "energy of the local ground state");

        PlaneWalk.State state = folded.start(start);
        double dt = folded.codeStep();
        for (int check = 0; check < 4; check++) {
            state.advance(50 * dt, dt, null);
            for (int s = 0; s < 50; s++) {
                full.step(q, p, dt);
            }
            double[][] parts = state.parts();
            double[] fq = folded.fullGrid(parts[0]);
            double[] fp = folded.fullGrid(parts[1]);
            for (int i = 0; i < n * n; i++) {
                assertEquals(q[i], fq[i], 1e-12, "real part at " + i);
                assertEquals(p[i], fp[i], 1e-12, "imaginary part at " + i);
            }
            assertEquals(full.sum(q, p, true), state.targetProbability(), 1e-12);
            assertEquals(full.sum(q, p, false), state.norm(), 1e-12);
        }
    }

    /** The unfolded reference: H = -h^2 (5-point Laplacian) + f with zero walls, kick-drift-kick. */
    private static final class FullGrid {
        final int n;
        final double kappa;
        final double[] f;
        final boolean[] target;

        FullGrid(int n, double h) {
            this.n = n;
            double dx = 8 * PlaneWalk.A / (n + 1);
            this.kappa = h * h / (dx * dx);
            this.f = new double[n * n];
            this.target = new boolean[n * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double x = -4 * PlaneWalk.A + (c + 1) * dx;
                    double y = -4 * PlaneWalk.A + (r + 1) * dx;
                    f[r * n + c] = PlaneWalk.potential(x, y);
                    target[r * n + c] = PlaneWalk.inTarget(x, y);
                }
            }
        }

        double[] apply(double[] v) {
            double[] out = new double[n * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double neighbours = (r > 0 ? v[(r - 1) * n + c] : 0) + (r < n - 1 ? v[(r + 1) * n + c] : 0)
                            + (c > 0 ? v[r * n + c - 1] : 0) + (c < n - 1 ? v[r * n + c + 1] : 0);
                    out[r * n + c] = (4 * kappa + f[r * n + c]) * v[r * n + c] - kappa * neighbours;
                }
            }
            return out;
        }

        /** i du/dt = H u with u = q + i p: dq/dt = H p, dp/dt = -H q. */
        void step(double[] q, double[] p, double dt) {
            double[] hq = apply(q);
            for (int i = 0; i < p.length; i++) {
                p[i] -= 0.5 * dt * hq[i];
            }
            double[] hp = apply(p);
            for (int i = 0; i < q.length; i++) {
                q[i] += dt * hp[i];
            }
            hq = apply(q);
            for (int i = 0; i < p.length; i++) {
                p[i] -= 0.5 * dt * hq[i];
            }
        }

        double sum(double[] q, double[] p, boolean targetOnly) {
            double s = 0;
            for (int i = 0; i < q.length; i++) {
                if (!targetOnly || target[i]) {
                    s += q[i] * q[i] + p[i] * p[i];
                }
            }
            return s;
        }

        double rayleigh(double[] v) {
            double[] hv = apply(v);
            double num = 0;
            double den = 0;
            for (int i = 0; i < v.length; i++) {
                num += v[i] * hv[i];
                den += v[i] * v[i];
            }
            return num / den;
        }
    }
}
