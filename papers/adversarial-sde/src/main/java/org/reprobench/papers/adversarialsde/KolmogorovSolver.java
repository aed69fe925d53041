package org.reprobench.papers.adversarialsde;

import java.util.function.DoubleUnaryOperator;

/**
 * E phi(X_T) for a one-dimensional SDE dX = mu(X) dt + sqrt(D(X)) dW, computed without sampling:
 * u(t, x) = E[phi(X_T) | X_t = x] solves the backward Kolmogorov equation
 * u_t + mu u_x + D u_xx / 2 = 0, u(T, .) = phi, which is stepped backwards from T to 0 with
 * Crank-Nicolson (central differences inside a grid on [lo, hi]).
 *
 * <p>Boundary rows keep only the drift, differenced towards the inside: the grid must be wide
 * enough that the process started at x0 practically never reaches it, and the drift should point
 * inwards there (it does for the confining drifts used here). The matrix is constant in time, so
 * its LU factors are computed once; each step is then one tridiagonal substitution, a scalar
 * recursion by nature, written on plain double arrays.
 */
public final class KolmogorovSolver {
    private final double[] grid;
    private final double h;
    // the operator A u = mu u_x + D u_xx / 2 as a tridiagonal matrix (sub, diagonal, super)
    private final double[] sub;
    private final double[] diag;
    private final double[] sup;

    public KolmogorovSolver(double lo, double hi, int nodes, DoubleUnaryOperator drift, DoubleUnaryOperator diffusion) {
        if (nodes < 3 || !(hi > lo)) {
            throw new IllegalArgumentException("need hi > lo and at least 3 nodes");
        }
        grid = new double[nodes];
        h = (hi - lo) / (nodes - 1);
        sub = new double[nodes];
        diag = new double[nodes];
        sup = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            grid[i] = lo + i * h;
            double mu = drift.applyAsDouble(grid[i]);
            if (i == 0) {
                diag[i] = -mu / h;
                sup[i] = mu / h;
            } else if (i == nodes - 1) {
                sub[i] = -mu / h;
                diag[i] = mu / h;
            } else {
                double d = diffusion.applyAsDouble(grid[i]);
                if (d < 0) {
                    throw new IllegalArgumentException("negative diffusion " + d + " at x = " + grid[i]);
                }
                sub[i] = -mu / (2 * h) + 0.5 * d / (h * h);
                diag[i] = -d / (h * h);
                sup[i] = mu / (2 * h) + 0.5 * d / (h * h);
            }
        }
    }

    /** E phi_j(X_T | X_0 = x0) for each test function phi_j, with the given number of time steps. */
    public double[] expectations(double x0, double horizon, int timeSteps, DoubleUnaryOperator... phis) {
        if (x0 < grid[0] || x0 > grid[grid.length - 1]) {
            throw new IllegalArgumentException("x0 = " + x0 + " lies outside the grid");
        }
        int n = grid.length;
        double dt = horizon / timeSteps;
        // left matrix L = I - dt/2 A, factored once (Thomas algorithm without pivoting: L is
        // diagonally dominant for the step sizes used, which the unit tests exercise)
        double[] lower = new double[n];
        double[] pivot = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            double a = i > 0 ? -0.5 * dt * sub[i] : 0;
            double b = 1 - 0.5 * dt * diag[i];
            double c = i < n - 1 ? -0.5 * dt * sup[i] : 0;
            lower[i] = i > 0 ? a / pivot[i - 1] : 0;
            pivot[i] = b - (i > 0 ? lower[i] * upper[i - 1] : 0);
            upper[i] = c;
        }
        double[] out = new double[phis.length];
        double[] u = new double[n];
        double[] rhs = new double[n];
        for (int j = 0; j < phis.length; j++) {
            for (int i = 0; i < n; i++) {
                u[i] = phis[j].applyAsDouble(grid[i]);
            }
            for (int step = 0; step < timeSteps; step++) {
                // rhs = (I + dt/2 A) u
                for (int i = 0; i < n; i++) {
                    double au = diag[i] * u[i];
                    if (i > 0) {
                        au += sub[i] * u[i - 1];
                    }
                    if (i < n - 1) {
                        au += sup[i] * u[i + 1];
                    }
                    rhs[i] = u[i] + 0.5 * dt * au;
                }
                // solve L u = rhs with the stored factors
                for (int i = 1; i < n; i++) {
                    rhs[i] -= lower[i] * rhs[i - 1];
                }
                u[n - 1] = rhs[n - 1] / pivot[n - 1];
                for (int i = n - 2; i >= 0; i--) {
                    u[i] = (rhs[i] - upper[i] * u[i + 1]) / pivot[i];
                }
            }
            out[j] = interpolate(u, x0);
        }
        return out;
    }

    private double interpolate(double[] u, double x) {
        double pos = (x - grid[0]) / h;
        int i = Math.min((int) Math.floor(pos), grid.length - 2);
        double w = pos - i;
        return (1 - w) * u[i] + w * u[i + 1];
    }
}
