package org.reprobench.papers.quantumtunnelingwalk;

/**
 * Time stepping of i dpsi/dt = H psi as the code does it: psi = Q + iP, dQ/dt = H P, dP/dt = -H Q,
 * integrated with the symplectic (Stoermer-Verlet) leap-frog. Several walks (initial states) go
 * through the same loop together. A 3-point stencil on a few hundred points is a tight scalar loop:
 * plain Java, where per-op DJL calls would cost more than the arithmetic.
 */
public final class Leapfrog1D {

    /** Recorded at every step: time, target probability and norm per walk; energy drift per walk. */
    public record Trajectory(double[] times, double[][] targetProbability, double[][] norm, double[] energyDrift) {
        /** (1/T) times the trapezoid integral of the target probability over [0, T]. */
        public double[] timeAveragedTargetProbability() {
            double[] out = new double[targetProbability.length];
            for (int b = 0; b < out.length; b++) {
                double s = 0;
                double[] p = targetProbability[b];
                for (int i = 1; i < times.length; i++) {
                    s += 0.5 * (p[i] + p[i - 1]) * (times[i] - times[i - 1]);
                }
                out[b] = s / (times[times.length - 1] - times[0]);
            }
            return out;
        }
    }

    private final Hamiltonian1D hamiltonian;

    public Leapfrog1D(Hamiltonian1D hamiltonian) {
        this.hamiltonian = hamiltonian;
    }

    /** Evolves real initial states (P = 0) for time T with steps no longer than dtMax. */
    public Trajectory run(double[][] initial, double duration, double dtMax, boolean[] target) {
        int n = hamiltonian.size();
        int walks = initial.length;
        int steps = (int) Math.ceil(duration / dtMax - 1e-9);
        double dt = duration / steps;
        double[][] q = new double[walks][];
        double[][] p = new double[walks][n];
        double[][] hq = new double[walks][n];
        double[] hp = new double[n];
        double[] times = new double[steps + 1];
        double[][] prob = new double[walks][steps + 1];
        double[][] norm = new double[walks][steps + 1];
        double[] e0 = new double[walks];
        for (int b = 0; b < walks; b++) {
            q[b] = initial[b].clone();
            hamiltonian.apply(q[b], hq[b]);
            e0[b] = TridiagonalEigen.dot(q[b], hq[b]);
            record(q[b], p[b], target, prob[b], norm[b], 0);
        }
        for (int s = 1; s <= steps; s++) {
            times[s] = s * dt;
            for (int b = 0; b < walks; b++) {
                double[] qb = q[b];
                double[] pb = p[b];
                double[] hqb = hq[b];
                for (int i = 0; i < n; i++) {
                    pb[i] -= 0.5 * dt * hqb[i];
                }
                hamiltonian.apply(pb, hp);
                for (int i = 0; i < n; i++) {
                    qb[i] += dt * hp[i];
                }
                hamiltonian.apply(qb, hqb);
                for (int i = 0; i < n; i++) {
                    pb[i] -= 0.5 * dt * hqb[i];
                }
                record(qb, pb, target, prob[b], norm[b], s);
            }
        }
        double[] drift = new double[walks];
        for (int b = 0; b < walks; b++) {
            hamiltonian.apply(p[b], hp);
            double e = TridiagonalEigen.dot(q[b], hq[b]) + TridiagonalEigen.dot(p[b], hp);
            drift[b] = Math.abs(e - e0[b]) / Math.abs(e0[b]);
        }
        return new Trajectory(times, prob, norm, drift);
    }

    private static void record(double[] q, double[] p, boolean[] target, double[] prob, double[] norm, int s) {
        double total = 0;
        double inTarget = 0;
        for (int i = 0; i < q.length; i++) {
            double w = q[i] * q[i] + p[i] * p[i];
            total += w;
            if (target[i]) {
                inTarget += w;
            }
        }
        prob[s] = inTarget;
        norm[s] = total;
    }
}
