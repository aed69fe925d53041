package org.reprobench.papers.quantumtunnelingwalk;

/**
 * The code's fair-comparison rule: SGD with step s and noise s is Euler-Maruyama Langevin at
 * temperature s/2, whose stationary law on the grid is proportional to exp(-2 f / s). The learning
 * rate is chosen so that this Gibbs law's expected loss equals the QTW's time-averaged expected loss.
 * Scalar root finding: plain Java.
 */
public final class GibbsMatching {
    private GibbsMatching() {
    }

    /** E[f] under exp(-2f/s) on the grid points (the code's Z = sum(exp(-2 f0/s) dx)). */
    public static double gibbsExpectedLoss(double[] f, double s) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : f) {
            min = Math.min(min, v);
        }
        double z = 0;
        double m = 0;
        for (double v : f) {
            double w = Math.exp(-2 * (v - min) / s);
            z += w;
            m += v * w;
        }
        return m / z;
    }

    /** The s whose Gibbs expected loss equals the target (E[f] increases with s, so bisection). */
    public static double matchedLearningRate(double[] f, double targetLoss) {
        double lo = 1e-4;
        double hi = 50;
        for (int i = 0; i < 200; i++) {
            double mid = Math.sqrt(lo * hi);
            if (gibbsExpectedLoss(f, mid) < targetLoss) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    /** The code's time grid for the QTW expected loss: linspace(0, 1000) (100 points). */
    public static double[] codeTimes() {
        double[] t = new double[100];
        for (int i = 0; i < 100; i++) {
            t[i] = 1000.0 * i / 99;
        }
        return t;
    }
}
