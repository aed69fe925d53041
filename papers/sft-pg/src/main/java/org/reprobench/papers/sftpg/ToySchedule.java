package org.reprobench.papers.sftpg;

/**
 * The 2-D toy's diffusion (official toy_exp/train.py): T = 10 steps, betas =
 * sigmoid(linspace(-6, 6, 10)) (1e-2 - 1e-5) + 1e-5. Its alpha-bar_T is 0.951: ten forward steps
 * remove only about 2.5 % of the signal, so a sampler that starts from N(0, I) and imitates this
 * backward process cannot reach the data; that gap is what the shortcut has to close.
 *
 * <p>Index t = 0..T-1 is the code's diffusion index: the eps-network is trained on
 * x_t = sqrt(alphaBar[t]) x_0 + sqrt(1 - alphaBar[t]) eps, and the sampler applies t = T-1 first.
 */
public final class ToySchedule {
    public static final int STEPS = 10;

    private final double[] beta = new double[STEPS];
    private final double[] alphaBar = new double[STEPS];

    public ToySchedule() {
        double prod = 1;
        for (int t = 0; t < STEPS; t++) {
            double u = -6 + 12.0 * t / (STEPS - 1);
            beta[t] = 1 / (1 + Math.exp(-u)) * (1e-2 - 1e-5) + 1e-5;
            prod *= 1 - beta[t];
            alphaBar[t] = prod;
        }
    }

    public int steps() {
        return STEPS;
    }

    public double beta(int t) {
        return beta[t];
    }

    public double alpha(int t) {
        return 1 - beta[t];
    }

    public double alphaBar(int t) {
        return alphaBar[t];
    }

    /** Factor of eps in the posterior mean: beta_t / sqrt(1 - alphaBar_t). */
    public double epsFactor(int t) {
        return beta[t] / Math.sqrt(1 - alphaBar[t]);
    }

    /** The sampler's fixed standard deviation at step t ("fixed large": sqrt(beta_t)). */
    public double sigma(int t) {
        return Math.sqrt(beta[t]);
    }
}
