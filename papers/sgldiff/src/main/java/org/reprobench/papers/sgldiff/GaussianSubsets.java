package org.reprobench.papers.sgldiff;

import java.util.SplittableRandom;

/**
 * The test family with exact answers: N data subsets with potentials Phi_i(theta) = |theta - m_i|^2 / 2.
 * The posterior exp(-mean_i Phi_i) is N(mean_i m_i, I). The centres are fixed by a problem seed, so a
 * claim is about one problem while the run seeds only move the chains.
 */
public final class GaussianSubsets {
    private final double[][] centres;

    public GaussianSubsets(double[][] centres) {
        if (centres.length == 0 || centres[0].length == 0) {
            throw new IllegalArgumentException("need at least one subset in at least one dimension");
        }
        this.centres = new double[centres.length][];
        for (int i = 0; i < centres.length; i++) {
            if (centres[i].length != centres[0].length) {
                throw new IllegalArgumentException("centre " + i + " has dimension " + centres[i].length);
            }
            this.centres[i] = centres[i].clone();
        }
    }

    /** N subsets with centres drawn from N(0, sd^2 I_d), fixed by problemSeed. */
    public static GaussianSubsets normal(int subsets, int dim, double sd, long problemSeed) {
        SplittableRandom rng = new SplittableRandom(problemSeed);
        double[][] m = new double[subsets][dim];
        for (double[] row : m) {
            for (int k = 0; k < dim; k++) {
                row[k] = sd * gaussian(rng);
            }
        }
        return new GaussianSubsets(m);
    }

    /**
     * 2K subsets: K centres drawn from N(0, I_d) and their negatives. The set is symmetric about 0, so
     * the posterior mean is 0 and the law of SGLDiff is symmetric too (used for antithetic estimates).
     */
    public static GaussianSubsets symmetricNormal(int halfSubsets, int dim, long problemSeed) {
        GaussianSubsets half = normal(halfSubsets, dim, 1.0, problemSeed);
        double[][] m = new double[2 * halfSubsets][];
        for (int i = 0; i < halfSubsets; i++) {
            m[i] = half.centres[i].clone();
            m[halfSubsets + i] = half.centres[i].clone();
            for (int k = 0; k < dim; k++) {
                m[halfSubsets + i][k] = -m[halfSubsets + i][k];
            }
        }
        return new GaussianSubsets(m);
    }

    /** The same subsets seen in the first d coordinates (exactly the d-dimensional SGLDiff's projection). */
    public GaussianSubsets firstCoordinates(int d) {
        double[][] m = new double[centres.length][];
        for (int i = 0; i < centres.length; i++) {
            m[i] = java.util.Arrays.copyOf(centres[i], d);
        }
        return new GaussianSubsets(m);
    }

    public int subsets() {
        return centres.length;
    }

    public int dim() {
        return centres[0].length;
    }

    public double[][] centres() {
        double[][] copy = new double[centres.length][];
        for (int i = 0; i < centres.length; i++) {
            copy[i] = centres[i].clone();
        }
        return copy;
    }

    /** mean_i m_i, the posterior mean. */
    public double[] mean() {
        double[] mean = new double[dim()];
        for (double[] m : centres) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += m[k] / centres.length;
            }
        }
        return mean;
    }

    /** Cov_i(m_i) = (1/N) sum_i (m_i - mbar)(m_i - mbar)^T, the population covariance of the centres. */
    public double[][] centreCovariance() {
        double[] mean = mean();
        int d = dim();
        double[][] c = new double[d][d];
        for (double[] m : centres) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    c[a][b] += (m[a] - mean[a]) * (m[b] - mean[b]) / centres.length;
                }
            }
        }
        return c;
    }

    /** The limit covariance I + kappa Cov_i(m_i) of SGLDiff for these subsets. */
    public double[][] limitCovariance(double eta, Switching switching) {
        double kappa = switching.kappa(eta, subsets());
        double[][] c = centreCovariance();
        for (int a = 0; a < c.length; a++) {
            for (int b = 0; b < c.length; b++) {
                c[a][b] = kappa * c[a][b] + (a == b ? 1 : 0);
            }
        }
        return c;
    }

    /** The potentials on a 1-D grid, Phi_i(x_k) (only for dim() == 1). */
    public double[][] potentialsOnGrid(double[] grid) {
        if (dim() != 1) {
            throw new IllegalStateException("potentials on a grid need a 1-D problem, this one is " + dim() + "-D");
        }
        double[][] phi = new double[subsets()][grid.length];
        for (int i = 0; i < subsets(); i++) {
            for (int k = 0; k < grid.length; k++) {
                double r = grid[k] - centres[i][0];
                phi[i][k] = 0.5 * r * r;
            }
        }
        return phi;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller; the problem instance only needs reproducible, well-spread centres.
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
