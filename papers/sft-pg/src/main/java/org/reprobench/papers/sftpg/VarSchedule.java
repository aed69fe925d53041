package org.reprobench.papers.sftpg;

import java.util.function.DoubleUnaryOperator;

/**
 * The FastDPM "VAR" fast sampler that SFT-PG starts from on CIFAR-10 and CelebA-64 (S = 10,
 * quadratic noise schedule, kappa = 1), computed exactly as the official code does it.
 *
 * <p>The pretrained DDPM has T = 1000 steps with betas linear from 1e-4 to 0.02. FastDPM picks S
 * variances beta~_i = beta_0 (1 + i x)^2 and finds x by bisection so that prod(1 - beta~) matches
 * the full chain's alpha-bar_T. For S = 10 the quadratic family cannot reach that target inside the
 * bisection's domain (0, 0.95 / sqrt(beta_0) / S): the search saturates at its right edge and the
 * short chain ends at Gamma-bar_S = 0.0208 instead of 4.0e-5. That is reproduced here on purpose: it
 * is the sampler the paper fine-tunes. Each short step is then mapped to a continuous DDPM time tau
 * by inverting a Stirling approximation of log alpha-bar(t), again by bisection.
 *
 * <p>Plain doubles: a handful of scalar bisections, nothing for DJL to vectorise. Values the
 * official code keeps in float32 (the training betas, the cumulative products) are rounded to
 * float here too, so the bracket searches see the same numbers.
 */
public final class VarSchedule {
    /** The pretrained DDPMs' diffusion: T steps, betas linear from BETA_0 to BETA_T. */
    public static final int T = 1000;
    public static final double BETA_0 = 1e-4;
    public static final double BETA_T = 0.02;
    /** Standard deviation the official sampler uses for the last step (sigma would be 0 there). */
    public static final double LAST_STEP_STD = 0.001;

    private final double[] betaTilde;
    private final double[] gammaBar;
    private final double[] tau;
    private final double[] xMultiplier;
    private final double[] epsMultiplier;
    private final double[] std;

    private VarSchedule(double[] betaTilde, double[] gammaBar, double[] tau, double[] xMultiplier,
                        double[] epsMultiplier, double[] std) {
        this.betaTilde = betaTilde;
        this.gammaBar = gammaBar;
        this.tau = tau;
        this.xMultiplier = xMultiplier;
        this.epsMultiplier = epsMultiplier;
        this.std = std;
    }

    /** The noise-level families of FastDPM. */
    public enum Family { LINEAR, QUADRATIC }

    /** The schedule of S steps; the paper uses {@code of(10, QUADRATIC, 1.0)}. */
    public static VarSchedule of(int s, Family family, double kappa) {
        if (s < 2) {
            throw new IllegalArgumentException("a VAR schedule needs at least 2 steps, got " + s);
        }
        if (!(kappa >= 0 && kappa <= 1)) {
            throw new IllegalArgumentException("kappa must be in [0, 1], got " + kappa);
        }
        double[] betaTilde = varNoise(s, family);
        double[] gammaBar = new double[s];
        float g = 1f;
        for (int i = 0; i < s; i++) {
            g *= 1f - (float) betaTilde[i];     // float32 cumulative product, as in the official code
            gammaBar[i] = g;
        }
        double[] tau = continuousSteps(gammaBar);
        double[] xm = new double[s];
        double[] em = new double[s];
        double[] sd = new double[s];
        for (int i = 0; i < s; i++) {           // i: sampling order, from noise to data
            int j = s - 1 - i;                  // index of the current noise level in gammaBar
            double alphaNext = i == s - 1 ? 1.0 : gammaBar[j - 1];
            double sigma = i == s - 1 ? 0.0
                    : kappa * Math.sqrt((1 - alphaNext) / (1 - gammaBar[j]) * (1 - gammaBar[j] / alphaNext));
            xm[i] = Math.sqrt(alphaNext / gammaBar[j]);
            em[i] = Math.sqrt(1 - alphaNext - sigma * sigma) - Math.sqrt(1 - gammaBar[j]) * xm[i];
            sd[i] = i == s - 1 ? LAST_STEP_STD : sigma;
        }
        return new VarSchedule(betaTilde, gammaBar, tau, xm, em, sd);
    }

    /** alpha-bar_T of the pretrained chain, in float64 as the official target is computed. */
    public static double fullChainAlphaBar() {
        double p = 1;
        for (int t = 0; t < T; t++) {
            p *= 1 - linspace(BETA_0, BETA_T, T, t);
        }
        return p;
    }

    static double[] varNoise(int s, Family family) {
        double target = fullChainAlphaBar();
        java.util.function.DoubleFunction<double[]> g;
        double left;
        double right;
        if (family == Family.LINEAR) {
            g = x -> {
                double[] b = new double[s];
                for (int i = 0; i < s; i++) {
                    b[i] = linspace(BETA_0, x, s, i);
                }
                return b;
            };
            left = BETA_0;
            right = 0.99;
        } else {
            g = x -> {
                double[] b = new double[s];
                for (int i = 0; i < s; i++) {
                    b[i] = BETA_0 * (1 + i * x) * (1 + i * x);
                }
                return b;
            };
            left = 0.0;
            right = 0.95 / Math.sqrt(BETA_0) / s;
        }
        DoubleUnaryOperator prod = x -> {
            double p = 1;
            for (double b : g.apply(x)) {
                p *= 1 - b;
            }
            return p;
        };
        return g.apply(bisearch(prod, left, right, target, 1e-4));
    }

    /**
     * FastDPM's bisection: for a decreasing f, moves towards the x where f(x) first drops to
     * target, stopping once f(x) lies in [target, (1 + sign * eps) target]; 1000 halvings at most,
     * so a target outside the domain ends at the domain's edge.
     */
    static double bisearch(DoubleUnaryOperator f, double left, double right, double target, double eps) {
        double sign = target < 0 ? -1 : 1;
        double x = (left + right) / 2;
        for (int k = 0; k < 1000; k++) {
            x = (left + right) / 2;
            double fx = f.applyAsDouble(x);
            if (fx < target) {
                right = x;
            } else if (fx > (1 + sign * eps) * target) {
                left = x;
            } else {
                break;
            }
        }
        return x;
    }

    /** The continuous DDPM time of each short step, in sampling order (largest first). */
    static double[] continuousSteps(double[] gammaBar) {
        // The training schedule in float32, as torch builds it.
        float b0 = (float) BETA_0;
        float bT = (float) BETA_T;
        float[] alphaBar = new float[T];
        float a = 1f;
        for (int t = 0; t < T; t++) {
            a *= 1f - (float) linspace(BETA_0, BETA_T, T, t);
            alphaBar[t] = a;
        }
        int s = gammaBar.length;
        double[] steps = new double[s];
        for (int k = 0; k < s; k++) {
            int t = s - 1 - k;
            // np.log of a float32 value stays float32 in the official code
            double target = (float) Math.log((float) gammaBar[t]);
            double adapted = T - 1;
            for (int i = 0; i < T - 1; i++) {
                if (alphaBar[i] >= (float) gammaBar[t] && (float) gammaBar[t] > alphaBar[i + 1]) {
                    adapted = bisearch(x -> logContinuousNoise(x, b0, bT), i - 0.01, i + 1.01, target, 1e-8);
                    break;
                }
            }
            steps[k] = adapted;
        }
        return steps;
    }

    /** log alpha-bar at a continuous time t, from Stirling's approximation of the Gamma function. */
    static double logContinuousNoise(double t, float beta0, float betaT) {
        double deltaBeta = (double) (betaT - beta0) / (T - 1);   // the difference is taken in float32
        double c = (1.0 - beta0) / deltaBeta;
        double t1 = t + 1;
        return t1 * Math.log(deltaBeta) + logGamma(c + 1) - logGamma(c - t1 + 1);
    }

    /** log Gamma(x) by Stirling with the 1/(12 y) correction, y = x - 1. */
    static double logGamma(double x) {
        double y = x - 1;
        return Math.log(2 * Math.PI * y) / 2 + y * (Math.log(y) - 1) + Math.log(1 + 1 / (12 * y));
    }

    private static double linspace(double start, double end, int n, int i) {
        return start + (end - start) * i / (n - 1);
    }

    public int steps() {
        return betaTilde.length;
    }

    /** The S short-chain variances beta~ (in noise-level order, smallest first). */
    public double[] betaTilde() {
        return betaTilde.clone();
    }

    /** Gamma-bar = cumprod(1 - beta~), in noise-level order. */
    public double[] gammaBar() {
        return gammaBar.clone();
    }

    /** Continuous DDPM time fed to the network at each sampling step (sampling order). */
    public double[] tau() {
        return tau.clone();
    }

    /** Multiplier of x at each sampling step: x_next = m x + c eps + std z. */
    public double[] xMultiplier() {
        return xMultiplier.clone();
    }

    /** Multiplier c of the network's eps at each sampling step. */
    public double[] epsMultiplier() {
        return epsMultiplier.clone();
    }

    /** Standard deviation of each sampling step, also used in the log-probability (0.001 last). */
    public double[] std() {
        return std.clone();
    }
}
