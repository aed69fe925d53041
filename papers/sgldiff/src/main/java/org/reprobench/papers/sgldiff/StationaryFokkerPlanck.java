package org.reprobench.papers.sgldiff;

/**
 * The stationary law of 1-D SGLDiff computed deterministically, without Monte-Carlo noise.
 *
 * <p>Space is cut into cells x_0 < ... < x_{nx-1} of width h. In each subset i the Langevin
 * diffusion d theta = -Phi_i'(theta) dt + sqrt(2) dW becomes a jump process between neighbouring
 * cells with rates exp(-(Phi_i(x_{k+1}) - Phi_i(x_k))/2) / h^2 to the right and the reverse with the
 * opposite sign (the "square-root approximation" finite-volume scheme: second order, and its discrete
 * equilibrium is exactly exp(-Phi_i(x_k)) up to normalisation). The subset switches as in
 * {@link Switching}. The stationary vector of this (grid x subset) Markov chain is found by banded
 * Gaussian elimination in the Grassmann-Taksar-Heyman form: each pivot is recomputed as minus the sum
 * of the off-diagonal column entries, so nothing cancels however stiff the switching (tiny eta) is.
 *
 * <p>Plain double[] on purpose: banded elimination is a sequential scalar loop, which a tensor
 * library would only slow down.
 */
public final class StationaryFokkerPlanck {

    /** The stationary masses on the grid, summed over subsets, and per subset. */
    public record Solution(double[] grid, double[] mass, double[][] massPerSubset) {
        public double mean() {
            double m = 0;
            for (int k = 0; k < grid.length; k++) {
                m += mass[k] * grid[k];
            }
            return m;
        }

        public double variance() {
            double mu = mean();
            double v = 0;
            for (int k = 0; k < grid.length; k++) {
                v += mass[k] * (grid[k] - mu) * (grid[k] - mu);
            }
            return v;
        }
    }

    private StationaryFokkerPlanck() {
    }

    /** nx equally spaced points on [lo, hi]. */
    public static double[] grid(double lo, double hi, int nx) {
        double[] x = new double[nx];
        for (int k = 0; k < nx; k++) {
            x[k] = lo + (hi - lo) * k / (nx - 1);
        }
        return x;
    }

    /**
     * Solves for the stationary law of SGLDiff with potentials[i][k] = Phi_i(grid[k]), mean waiting
     * time eta and the given switching rule. With one subset it is the Langevin diffusion itself.
     */
    public static Solution solve(double[] grid, double[][] potentials, double eta, Switching switching) {
        int subsets = potentials.length;
        int nx = grid.length;
        double h = grid[1] - grid[0];
        int n = nx * subsets;
        int band = subsets;
        // m[r][band + c - r] holds M[r][c] of M = -Q^T: M[c][c] = total rate out of c, M[s][c] = -rate(c -> s).
        double[][] m = new double[n][2 * band + 1];
        double jumpRate = subsets == 1 ? 0 : 1.0 / (eta * (switching == Switching.UNIFORM ? subsets : subsets - 1));
        for (int k = 0; k < nx; k++) {
            for (int i = 0; i < subsets; i++) {
                int c = k * subsets + i;
                if (k + 1 < nx) {
                    double dphi = potentials[i][k + 1] - potentials[i][k];
                    addRate(m, band, c, (k + 1) * subsets + i, Math.exp(-0.5 * dphi) / (h * h));
                }
                if (k > 0) {
                    double dphi = potentials[i][k - 1] - potentials[i][k];
                    addRate(m, band, c, (k - 1) * subsets + i, Math.exp(-0.5 * dphi) / (h * h));
                }
                for (int j = 0; j < subsets; j++) {
                    if (j != i) {
                        addRate(m, band, c, k * subsets + j, jumpRate);
                    }
                }
            }
        }
        double[] pi = stationaryVector(m, band);
        double[] mass = new double[nx];
        double[][] perSubset = new double[subsets][nx];
        double total = 0;
        for (double p : pi) {
            total += p;
        }
        for (int k = 0; k < nx; k++) {
            for (int i = 0; i < subsets; i++) {
                perSubset[i][k] = pi[k * subsets + i] / total;
                mass[k] += perSubset[i][k];
            }
        }
        return new Solution(grid.clone(), mass, perSubset);
    }

    /** The discrete equilibrium of one potential under this scheme: exp(-Phi(x_k)), normalised. */
    public static double[] equilibrium(double[] potential) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : potential) {
            min = Math.min(min, v);
        }
        double[] p = new double[potential.length];
        double total = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(-(potential[k] - min));
            total += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= total;
        }
        return p;
    }

    private static void addRate(double[][] m, int band, int from, int to, double rate) {
        m[from][band] += rate;
        m[to][band + from - to] -= rate;
    }

    /** Null vector of the banded singular M-matrix m (zero column sums), last component fixed to 1. */
    private static double[] stationaryVector(double[][] m, int band) {
        int n = m.length;
        double[] pivot = new double[n];
        for (int k = 0; k < n - 1; k++) {
            double p = 0;
            for (int r = k + 1; r <= Math.min(n - 1, k + band); r++) {
                p -= m[r][band + k - r];
            }
            pivot[k] = p;
            for (int r = k + 1; r <= Math.min(n - 1, k + band); r++) {
                double f = m[r][band + k - r] / p;
                if (f == 0) {
                    continue;
                }
                m[r][band + k - r] = 0;
                for (int c = k + 1; c <= Math.min(n - 1, k + band); c++) {
                    m[r][band + c - r] -= f * m[k][band + c - k];
                }
            }
        }
        double[] x = new double[n];
        x[n - 1] = 1;
        for (int k = n - 2; k >= 0; k--) {
            double s = 0;
            for (int c = k + 1; c <= Math.min(n - 1, k + band); c++) {
                s += m[k][band + c - k] * x[c];
            }
            x[k] = -s / pivot[k];
        }
        return x;
    }
}
