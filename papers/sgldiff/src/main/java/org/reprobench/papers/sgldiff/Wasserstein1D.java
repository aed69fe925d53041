package org.reprobench.papers.sgldiff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** One-dimensional Wasserstein distances, where they have exact formulas. */
public final class Wasserstein1D {
    private Wasserstein1D() {
    }

    /**
     * W1 between two laws with masses p and q on the same equally spaced grid (atoms at the points):
     * the integral of |F_p - F_q|, which is exact for atoms, so no quadrature error enters.
     */
    public static double w1OnGrid(double[] p, double[] q, double h) {
        double fp = 0;
        double fq = 0;
        double w = 0;
        for (int k = 0; k < p.length - 1; k++) {
            fp += p[k];
            fq += q[k];
            w += Math.abs(fp - fq) * h;
        }
        return w;
    }

    /**
     * W2 between two laws with masses p and q in the cells of width h centred on the equally spaced
     * points x, each mass spread uniformly over its cell: the integral over u of
     * (F^{-1}(u) - G^{-1}(u))^2. Both quantile functions are linear between the merged CDF levels, so
     * each piece is integrated exactly. (Atoms would quantise transport to multiples of h, which is
     * larger than the O(eta) displacements measured here.)
     */
    public static double w2OnGrid(double[] x, double[] p, double[] q) {
        double h = x[1] - x[0];
        double totalP = 0;
        double totalQ = 0;
        for (int k = 0; k < x.length; k++) {
            totalP += p[k];
            totalQ += q[k];
        }
        int i = 0;
        int j = 0;
        double fi = 0; // CDF of p at the left edge of cell i
        double gj = 0;
        double u = 0;
        double cost = 0;
        while (i < x.length && j < x.length) {
            double nextF = fi + p[i] / totalP;
            double nextG = gj + q[j] / totalQ;
            double next = Math.min(nextF, nextG);
            double gapStart = quantile(x[i], h, fi, p[i] / totalP, u) - quantile(x[j], h, gj, q[j] / totalQ, u);
            double gapEnd = quantile(x[i], h, fi, p[i] / totalP, next) - quantile(x[j], h, gj, q[j] / totalQ, next);
            cost += (next - u) * (gapStart * gapStart + gapStart * gapEnd + gapEnd * gapEnd) / 3;
            u = next;
            if (nextF <= next) {
                fi = nextF;
                i++;
            }
            if (nextG <= next) {
                gj = nextG;
                j++;
            }
        }
        return Math.sqrt(cost);
    }

    /** The quantile at level u inside a cell centred at c with CDF `below` at its left edge and mass m. */
    private static double quantile(double c, double h, double below, double m, double u) {
        if (m <= 0) {
            return c - h / 2;
        }
        return c - h / 2 + h * Math.min(1, Math.max(0, (u - below) / m));
    }

    /**
     * W1 between (law of the samples) * N(0, sigma^2) and N(0, 1): the Brownian part of SGLDiff is
     * integrated exactly (its law given the index path is Gaussian), so only the index-driven part is
     * sampled. The samples are binned (2000 bins) and the mixture CDF is evaluated with erf on
     * [-8, 8] (1601 points); the integral of |F_mix - Phi| is taken by the trapezoid rule. Binning
     * moves the second moment by at most (bin width)^2 / 12.
     */
    public static double w1GaussianMixtureToStandardNormal(NDManager manager, double[] samples, double sigma) {
        int bins = 2000;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double s : samples) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        double width = Math.max(hi - lo, 1e-12) / bins;
        double[] weight = new double[bins];
        double[] centreSum = new double[bins];
        for (double s : samples) {
            int b = Math.min(bins - 1, (int) ((s - lo) / width));
            weight[b] += 1.0 / samples.length;
            centreSum[b] += s / samples.length;
        }
        // Each occupied bin sits at the mean of its samples, so the mixture mean is kept exactly.
        int used = 0;
        for (double w : weight) {
            used += w > 0 ? 1 : 0;
        }
        double[] centre = new double[used];
        double[] mass = new double[used];
        for (int b = 0, u = 0; b < bins; b++) {
            if (weight[b] > 0) {
                centre[u] = centreSum[b] / weight[b];
                mass[u++] = weight[b];
            }
        }
        int points = 1601;
        double a = 8.0;
        double[] grid = StationaryFokkerPlanck.grid(-a, a, points);
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(grid).reshape(points, 1);
            NDArray c = sub.create(centre).reshape(1, used);
            NDArray cdf = x.sub(c).div(sigma * Math.sqrt(2)).erf().add(1).mul(0.5);
            NDArray mixture = cdf.matMul(sub.create(mass).reshape(used, 1)).reshape(points);
            NDArray normal = sub.create(grid).div(Math.sqrt(2)).erf().add(1).mul(0.5);
            double[] gap = mixture.sub(normal).abs().toDoubleArray();
            double h = grid[1] - grid[0];
            double w = 0;
            for (int k = 0; k + 1 < points; k++) {
                w += 0.5 * (gap[k] + gap[k + 1]) * h;
            }
            return w;
        }
    }
}
