package org.reprobench.papers.quantumtunnelingwalk;

import java.util.function.DoubleUnaryOperator;

/**
 * The closed form behind Kramers' law in 1-D: for dX = -f'(X) dt + sqrt(2D) dW with a reflecting
 * wall at lo, the mean first passage time from x0 to target is
 * T = (1/D) int_{x0}^{target} exp(f(y)/D) int_{lo}^{y} exp(-f(z)/D) dz dy.
 * The paper's SGD (step s, noise s) is this diffusion with D = s/2 in time units of s per step.
 * For a barrier of height dH it grows as exp(dH/D) = exp(2 dH / s) (Arrhenius), with Kramers'
 * prefactor 2 pi / sqrt(f''(min) |f''(max)|). Evaluated by the trapezoid rule on a fine grid.
 */
public final class DiffusionMeanFirstPassage {
    private DiffusionMeanFirstPassage() {
    }

    public static double time(DoubleUnaryOperator f, double lo, double x0, double target, double s, int points) {
        double d = s / 2;
        double h = (target - lo) / (points - 1);
        double ref = f.applyAsDouble(x0);
        double inner = 0;
        double prevInner = 0;
        double outer = 0;
        double prevOuterIntegrand = Double.NaN;
        double prevZ = Math.exp(-(f.applyAsDouble(lo) - ref) / d);
        for (int i = 0; i < points; i++) {
            double y = lo + i * h;
            double fy = f.applyAsDouble(y) - ref;
            if (i > 0) {
                double z = Math.exp(-fy / d);
                inner += 0.5 * (z + prevZ) * h;
                prevZ = z;
            }
            double integrand = Math.exp(fy / d) * inner;
            if (y >= x0 - 1e-12 && !Double.isNaN(prevOuterIntegrand) && lo + (i - 1) * h >= x0 - 1e-12) {
                outer += 0.5 * (integrand + prevOuterIntegrand) * h;
            }
            prevOuterIntegrand = integrand;
            prevInner = inner;
        }
        return outer / d;
    }
}
