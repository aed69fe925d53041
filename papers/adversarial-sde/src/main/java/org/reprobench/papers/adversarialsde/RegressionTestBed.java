package org.reprobench.papers.adversarialsde;

/**
 * One-dimensional linear regression under an l2-ball adversary of radius eps, where everything
 * the adversarial-training dynamics needs has a closed form.
 *
 * <p>Data: x ~ N(0,1), y = thetaStar x + xi, xi ~ N(0, sigma^2); loss l = (theta x - y)^2 / 2.
 * The residual r = theta x - y is N(0, s^2) with s^2 = (theta - thetaStar)^2 + sigma^2. The
 * worst perturbation |delta| <= eps moves x by eps sign(r theta) (one normalised-gradient ascent
 * step is therefore exact here), which makes |r| grow by eps |theta|. Hence the robust risk
 * R(theta) = E (|r| + eps |theta|)^2 / 2 = [s^2 + 2 sqrt(2/pi) eps |theta| s + eps^2 theta^2] / 2.
 *
 * <p>The stochastic gradient of adversarial training at theta is g = r' (x + delta), r' the
 * perturbed residual. Its mean is R'(theta) (Danskin) and its variance follows from x given r
 * being Gaussian and from the half-normal moments of |r|; see {@link #gradientVariance}.
 *
 * <p>Plain doubles: these are scalar formulas evaluated point by point (grid nodes of the PDE
 * solver, a root search), where DJL would only add call overhead.
 */
public final class RegressionTestBed {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private final double thetaStar;
    private final double sigma;
    private final double eps;

    public RegressionTestBed(double thetaStar, double sigma, double eps) {
        this.thetaStar = thetaStar;
        this.sigma = sigma;
        this.eps = eps;
    }

    /** The setting of the brief and of claims 1 and 4: thetaStar = 1, sigma = 0.5. */
    public static RegressionTestBed standard(double eps) {
        return new RegressionTestBed(1.0, 0.5, eps);
    }

    public double thetaStar() {
        return thetaStar;
    }

    public double sigma() {
        return sigma;
    }

    public double eps() {
        return eps;
    }

    /** Standard deviation of the clean residual at theta. */
    public double residualScale(double theta) {
        double u = theta - thetaStar;
        return Math.sqrt(u * u + sigma * sigma);
    }

    /** Robust (adversarial) risk R(theta); eps = 0 gives the clean risk. */
    public double robustRisk(double theta) {
        double s = residualScale(theta);
        return 0.5 * (s * s + 2 * SQRT_2_OVER_PI * eps * Math.abs(theta) * s + eps * eps * theta * theta);
    }

    /** R'(theta), the drift of adversarial training (with a minus sign). Kinked at theta = 0. */
    public double robustRiskGradient(double theta) {
        double s = residualScale(theta);
        double u = theta - thetaStar;
        return u + SQRT_2_OVER_PI * eps * (Math.signum(theta) * s + Math.abs(theta) * u / s) + eps * eps * theta;
    }

    /**
     * Variance of one adversarial-training stochastic gradient at theta (batch size 1).
     * With a = |r| (half-normal, moments m_k), A = eps|theta|, c = u/s^2, b = eps sign(theta),
     * v = 1 - u^2/s^2: g = (a + A)(sign(r) x + b) and x | r ~ N(u r / s^2, v), so
     * E g^2 = E[(a + A)^2 ((c a + b)^2 + v)], a polynomial of degree 4 in a.
     */
    public double gradientVariance(double theta) {
        double s = residualScale(theta);
        double u = theta - thetaStar;
        double bigA = eps * Math.abs(theta);
        double c = u / (s * s);
        double b = eps * Math.signum(theta);
        double v = 1 - u * u / (s * s);
        double[] m = {1, s * SQRT_2_OVER_PI, s * s, 2 * SQRT_2_OVER_PI * s * s * s, 3 * s * s * s * s};
        double k0 = b * b + v;
        double[] p = {
            bigA * bigA * k0,
            2 * bigA * k0 + 2 * bigA * bigA * b * c,
            k0 + 4 * bigA * b * c + bigA * bigA * c * c,
            2 * b * c + 2 * bigA * c * c,
            c * c};
        double second = 0;
        for (int k = 0; k < 5; k++) {
            second += p[k] * m[k];
        }
        double mean = robustRiskGradient(theta);
        return second - mean * mean;
    }

    /**
     * The minimiser of the robust risk. R is convex (a square of a non-negative convex function),
     * so R' is non-decreasing and bisection on R' = 0 over [0, thetaStar] (the adversary only
     * shrinks, for thetaStar > 0) finds it to machine precision.
     */
    public double robustMinimiser() {
        if (eps == 0) {
            return thetaStar;
        }
        double lo = 0;
        double hi = thetaStar;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            double mid = 0.5 * (lo + hi);
            if (robustRiskGradient(mid) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
