package org.reprobench.papers.quantumtunnelingwalk;

import java.util.function.DoubleUnaryOperator;

/**
 * The exact expected hitting time of the code's 1-D SGD, without Monte Carlo. The iteration
 * x' = x - s f'(x) - s xi (xi ~ N(0,1)), with x' rejected (stay put) outside [lo, hi], is a Markov
 * chain on the line; m(x), the expected number of iterations until x >= target, solves
 * m(x) = 1 + r(x) m(x) + int_lo^target K(x, y) m(y) dy,
 * with K the Gaussian kernel of mean x - s f'(x) and sd s, and r(x) the rejection probability. We
 * discretise the integral by the midpoint rule on cells much narrower than s (Nystroem) and solve
 * the banded system I - W directly (an M-matrix: elimination without pivoting is stable). The
 * hitting time in the code's units is s times the number of iterations.
 * A banded elimination is sequential by nature: plain Java.
 */
public final class SgdMeanHittingTime {
    private SgdMeanHittingTime() {
    }

    /** Expected hitting time s * m(x0) for the paper's landscape (box [0, L], target x >= L - 2a, x0 = a). */
    public static double forLandscape(DoubleWellLandscape land, double s, int cellsPerStep) {
        return solve(land::gradient, 0, land.length(), land.targetStart(), land.a(), s, cellsPerStep);
    }

    /**
     * Expected hitting time (iterations times s) from x0 of {x >= target} for the SGD on [lo, hi]
     * with gradient grad, using cells of width s / cellsPerStep.
     */
    public static double solve(DoubleUnaryOperator grad, double lo, double hi, double target, double x0, double s,
                               int cellsPerStep) {
        double delta = s / cellsPerStep;
        int n = (int) Math.ceil((target - lo) / delta);
        delta = (target - lo) / n;
        double[] y = new double[n];
        double[] mu = new double[n];
        double maxShift = 0;
        for (int i = 0; i < n; i++) {
            y[i] = lo + (i + 0.5) * delta;
            mu[i] = y[i] - s * grad.applyAsDouble(y[i]);
            maxShift = Math.max(maxShift, Math.abs(mu[i] - y[i]));
        }
        int w = (int) Math.ceil((9 * s + maxShift) / delta) + 1; // kernel mass beyond 9 sd is < 1e-18
        int width = 2 * w + 1;
        double[][] band = new double[n][width]; // band[i][j - i + w] = A_ij
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = 1;
            int from = Math.max(0, i - w);
            int to = Math.min(n - 1, i + w);
            double kept = 0;
            for (int j = from; j <= to; j++) {
                double kij = delta * gauss((y[j] - mu[i]) / s) / s;
                band[i][j - i + w] -= kij;
                kept += kij;
            }
            // rejected mass = 1 - kept - hit, so that each row of the chain sums to one exactly:
            // an inexact row sum would act as a source of probability as large as the escape rate
            double reject = 1 - kept - hitProbability(mu[i], s, target, hi);
            band[i][w] += 1 - reject;
        }
        // banded LU without pivoting, then back substitution
        for (int k = 0; k < n; k++) {
            double pivot = band[k][w];
            int last = Math.min(n - 1, k + w);
            for (int i = k + 1; i <= last; i++) {
                double factor = band[i][k - i + w] / pivot;
                if (factor == 0) {
                    continue;
                }
                for (int j = k; j <= last; j++) {
                    band[i][j - i + w] -= factor * band[k][j - k + w];
                }
                rhs[i] -= factor * rhs[k];
            }
        }
        double[] m = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double acc = rhs[i];
            int last = Math.min(n - 1, i + w);
            for (int j = i + 1; j <= last; j++) {
                acc -= band[i][j - i + w] * m[j];
            }
            m[i] = acc / band[i][w];
        }
        // Nystroem interpolation at the start point
        double mu0 = x0 - s * grad.applyAsDouble(x0);
        double acc = 1;
        double kept = 0;
        for (int j = 0; j < n; j++) {
            double k0j = delta * gauss((y[j] - mu0) / s) / s;
            acc += k0j * m[j];
            kept += k0j;
        }
        double reject = 1 - kept - hitProbability(mu0, s, target, hi);
        return s * acc / (1 - reject);
    }

    /** P(target <= proposal <= hi) for a proposal ~ N(mean, s^2); relative accuracy in the tails. */
    private static double hitProbability(double mean, double s, double target, double hi) {
        return normalCdf((mean - target) / s) - normalCdf((mean - hi) / s);
    }

    static double gauss(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /** Standard normal CDF via erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
