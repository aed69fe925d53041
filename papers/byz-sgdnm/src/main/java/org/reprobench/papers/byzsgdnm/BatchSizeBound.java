package org.reprobench.papers.byzsgdnm;

import java.util.function.DoubleUnaryOperator;

/**
 * The paper's two upper bounds as functions of the per-worker batch size B at a fixed budget of
 * gradient computations C = T B m (1 - delta), and their closed-form minimisers.
 *
 * <p>Plain doubles: these are scalar formulas evaluated a few thousand times, so DJL would only
 * add JNI overhead. The bounds are written literally as the paper prints them (the sum of its
 * terms with T substituted), not in the A1 + A2 B^-1/2 + A3 B form, so that the numerical
 * minimiser is an independent check of the closed forms.
 *
 * @param lipschitz L (Assumption 3)
 * @param f0 F0 >= F(w0) - F*
 * @param sigma sigma, the gradient noise of a single sample (Assumption 1)
 * @param budget C, gradient computations on non-Byzantine workers
 * @param c the aggregator constant c of a (delta_max, c)-robust aggregator (Definition 1)
 * @param workers m
 */
public record BatchSizeBound(double lipschitz, double f0, double sigma, double budget, double c, int workers) {

    /** U(B) of Section 3.1: inequality (3) for ByzSGDm with T = C / (B m (1 - delta)). */
    public double byzSgdm(double delta, double batch) {
        double m = workers;
        double s2 = sigma * sigma;
        double noise = s2 * (1 + c * delta * m) * (1 - delta) / budget;
        return 16 * Math.sqrt(noise) * (Math.sqrt(10 * lipschitz * f0) + Math.sqrt(3 * c * delta * s2 / batch))
                + 32 * lipschitz * f0 * batch * m * (1 - delta) / budget
                + 20 * noise;
    }

    /** Equation (4): the minimiser B* of U(B) (Proposition 1), defined for delta > 0. */
    public double optimalBatchSgdm(double delta) {
        double m = workers;
        return Math.cbrt(3 / (16 * lipschitz * lipschitz * f0 * f0 * m))
                * Math.cbrt(c * delta * (1 + c * delta * m) / (m * (1 - delta)))
                * Math.pow(sigma, 4.0 / 3.0) * Math.cbrt(budget);
    }

    /** The right-hand side of inequality (5) for ByzSGDnm (Proposition 2) with T = C / (B m (1 - delta)). */
    public double byzSgdnm(double delta, double batch) {
        double m = workers;
        double t = budget / (batch * m * (1 - delta));
        double k = Math.sqrt(2 * c * m * delta * (1 - delta)) + 1;
        double lf = lipschitz * f0;
        return 6 * Math.sqrt(k) * Math.pow(5 * lf * sigma * sigma / (t * batch * m * (1 - delta)), 0.25)
                + 12 * Math.sqrt(5 * lf / t)
                + 27 * Math.pow(k, 1.5) * sigma * sigma
                / (4 * Math.sqrt(5 * t * batch * batch * m * m * (1 - delta) * (1 - delta) * lf));
    }

    /** Proposition 2: the minimiser B~* of the right-hand side of (5). */
    public double optimalBatchSgdnm(double delta) {
        double m = workers;
        double k = Math.sqrt(2 * c * m * delta * (1 - delta)) + 1;
        return 9 * Math.pow(k, 1.5) * sigma * sigma / (80 * m * (1 - delta) * lipschitz * f0);
    }

    /**
     * The minimiser of a unimodal function of B > 0, found by golden-section search on log B over
     * [e^-60, e^60]; accurate to a relative 1e-12 or so in B.
     */
    public static double argmin(DoubleUnaryOperator f) {
        double lo = -60;
        double hi = 60;
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double f1 = f.applyAsDouble(Math.exp(x1));
        double f2 = f.applyAsDouble(Math.exp(x2));
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
            if (f1 <= f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - g * (hi - lo);
                f1 = f.applyAsDouble(Math.exp(x1));
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + g * (hi - lo);
                f2 = f.applyAsDouble(Math.exp(x2));
            }
        }
        return Math.exp((lo + hi) / 2);
    }
}
