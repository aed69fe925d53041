package org.reprobench.papers.ef21rarefeatures;

import org.reprobench.api.Profile;

/**
 * Sizes per profile. The paper's synthetic setting (official {@code final_cvx.sh}) is n = 100
 * clients, d = 500 features, m = 12 samples per client, c/n in {0.05, 0.5, 0.9}, 100 000 EF21
 * rounds and 2 000 GD rounds.
 *
 * @param constantsN  clients of the instances whose constants are computed (claims 1-2)
 * @param constantsD  features of those instances
 * @param runN        clients of the instances the methods run on (claims 3-4)
 * @param runD        features of those instances
 * @param m           samples per client
 * @param ef21Rounds  EF21 rounds
 * @param gdRounds    GD rounds
 */
record ProfileSettings(int constantsN, int constantsD, int runN, int runD, int m, int ef21Rounds, int gdRounds) {

    /** The c/n values of the paper's synthetic experiments. */
    static final double[] C_OVER_N = {0.05, 0.5, 0.9};

    /** Samples per client in the official generator spec ({@code samples_per_client:12}). */
    static final int SAMPLES_PER_CLIENT = 12;

    /** The accuracy target of the bit-count claim, relative to ||grad f(x^0)||^2. */
    static final double EPS_RELATIVE = 1e-3;

    static ProfileSettings of(Profile profile) {
        return switch (profile) {
            case SMOKE -> new ProfileSettings(10, 40, 10, 40, SAMPLES_PER_CLIENT, 1_500, 150);
            // Constants at the paper's size (cheap); runs at n = 20, d = 100 so that 3 seeds x 3 methods x
            // 3 c/n values fit the two-minute ci budget on two shared cores.
            case CI -> new ProfileSettings(100, 500, 20, 100, SAMPLES_PER_CLIENT, 8_000, 300);
            case PAPER -> new ProfileSettings(100, 500, 100, 500, SAMPLES_PER_CLIENT, 100_000, 2_000);
        };
    }
}
