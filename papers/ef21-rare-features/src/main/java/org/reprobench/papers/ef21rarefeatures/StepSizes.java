package org.reprobench.papers.ef21rarefeatures;

/**
 * EF21 step sizes for a contractive compressor with parameter alpha (||C(v) - v||^2 <= (1 - alpha)||v||^2):
 * theta = 1 - sqrt(1 - alpha), beta = (1 - alpha) / (1 - sqrt(1 - alpha)), and
 * <ul>
 *   <li>GD: 1 / L;</li>
 *   <li>standard EF21 (EF21 paper, Theorem 1): 1 / (L + L~ sqrt(beta/theta));</li>
 *   <li>EF21 in the rare-features regime ("ours"): 1 / (L + L+ sqrt(beta/theta) sqrt(c/n)).</li>
 * </ul>
 */
record StepSizes(double alpha, double theta, double beta, double gammaGd, double gammaStandard, double gammaRareFeatures) {

    /** Which contraction parameter the Top1 compressor is credited with. */
    enum Alpha {
        /** alpha = K/d: Top-K on a dense d-vector, what the official code uses ({@code compressor.getAlphaContraction()}). */
        CODE_K_OVER_D,
        /**
         * alpha = K/r: Top-K on a vector with at most r non-zeros. Valid here because every EF21 message
         * grad f_i(x) - g_i is supported on S_i, |S_i| <= r; it is the reading under which the
         * abstract's bit count carries the factor r.
         */
        THEORY_K_OVER_R;

        double of(int k, SmoothnessConstants s) {
            return this == CODE_K_OVER_D ? k / (double) s.d() : Math.min(1.0, k / (double) s.r());
        }

        String label() {
            return this == CODE_K_OVER_D ? "alpha=K/d" : "alpha=K/r";
        }
    }

    static StepSizes of(SmoothnessConstants s, double alpha) {
        double theta = theta(alpha);
        double beta = (1 - alpha) / theta;
        double root = sqrtBetaOverTheta(alpha);
        return new StepSizes(alpha, theta, beta, 1 / s.l(), 1 / (s.l() + s.lTilde() * root),
                1 / (s.l() + s.lPlus() * root * Math.sqrt(s.cOverN())));
    }

    static StepSizes top1(SmoothnessConstants s, Alpha rule) {
        return of(s, rule.of(1, s));
    }

    double sqrtBetaOverTheta() {
        return Math.sqrt(beta / theta);
    }

    static double theta(double alpha) {
        return 1 - Math.sqrt(1 - alpha);
    }

    /** sqrt(beta/theta) = sqrt(1 - alpha) / (1 - sqrt(1 - alpha)). */
    static double sqrtBetaOverTheta(double alpha) {
        double theta = theta(alpha);
        return Math.sqrt((1 - alpha) / theta) / Math.sqrt(theta);
    }

    /** How much larger the rare-features step is than the standard one. */
    double gain() {
        return gammaRareFeatures / gammaStandard;
    }
}
