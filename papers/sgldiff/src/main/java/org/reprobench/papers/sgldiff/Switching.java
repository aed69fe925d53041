package org.reprobench.papers.sgldiff;

/**
 * How SGLDiff picks the next data subset when its exponential clock (mean waiting time eta) rings.
 * The paper's own convention could not be read (see README); both are simulated, and every
 * closed form here goes through {@link #effectiveEta}.
 */
public enum Switching {
    /** The next subset is drawn uniformly from all N, so it may repeat the current one. */
    UNIFORM(0),
    /** The next subset is drawn uniformly from the N - 1 others. */
    TO_OTHER(1);

    /** Smallest increment (mod N) added to the current index at a switch. */
    final int lowestIncrement;

    Switching(int lowestIncrement) {
        this.lowestIncrement = lowestIncrement;
    }

    /**
     * The mean waiting time of the equivalent UNIFORM process. The index noise decorrelates at rate
     * 1/eta with uniform redraws and at rate N/((N-1) eta) when the subset must change, so the latter
     * behaves like the former with eta (N-1)/N.
     */
    public double effectiveEta(double eta, int subsets) {
        return this == UNIFORM ? eta : eta * (subsets - 1) / subsets;
    }

    /**
     * kappa = eta'/(1 + eta'): for unit-Hessian Gaussian subsets the limit covariance of SGLDiff is
     * I + kappa Cov_i(m_i) (derived from the generator in the research brief; checked here by exact
     * simulation and by the Fokker-Planck solver).
     */
    public double kappa(double eta, int subsets) {
        double e = effectiveEta(eta, subsets);
        return e / (1 + e);
    }
}
