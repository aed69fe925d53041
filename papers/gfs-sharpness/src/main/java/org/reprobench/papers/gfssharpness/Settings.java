package org.reprobench.papers.gfssharpness;

import org.reprobench.api.Profile;

/**
 * Sizes per profile. The scalar-network settings (depths, step sizes, number of initialisations,
 * steps) are ours: the paper's figures could not be read (see the card). The paper profile is a
 * larger sweep of the same design, not the paper's own setting.
 */
final class Settings {
    /** Target of the scalar networks' single example. */
    static final double Y = 1.0;
    static final int[] DEPTHS = {2, 3, 4, 6};

    private Settings() {
    }

    static ScalarSweep.Settings scalarSweep(Profile p) {
        return switch (p) {
            case SMOKE -> new ScalarSweep.Settings(DEPTHS, new double[] {0.6, 0.95, 1.1, 1.3}, 8,
                    new double[] {1.5, 1.7}, 6, 1500, Y);
            case CI -> new ScalarSweep.Settings(DEPTHS, new double[] {0.6, 0.8, 0.95, 1.05, 1.1, 1.2, 1.3, 1.4}, 24,
                    new double[] {1.5, 1.6, 1.7}, 24, 5000, Y);
            case PAPER -> new ScalarSweep.Settings(DEPTHS, new double[] {0.6, 0.8, 0.95, 1.05, 1.1, 1.2, 1.3, 1.4}, 128,
                    new double[] {1.5, 1.6, 1.7}, 128, 20000, Y);
        };
    }

    /** Initialisations per depth for the closed form against an integrated flow. */
    static int flowChecksPerDepth(Profile p) {
        return switch (p) {
            case SMOKE -> 4;
            case CI -> 16;
            case PAPER -> 64;
        };
    }

    /** The squared regression runs: images per class, initialisations, GD steps. */
    record Regression(int perClass, double[] q, int inits, int steps, int flowChecks) {
    }

    static Regression regression(Profile p) {
        return switch (p) {
            case SMOKE -> new Regression(8, new double[] {0.9, 1.3}, 1, 200, 0);
            case CI -> new Regression(8, new double[] {0.9, 1.1, 1.3, 1.6}, 3, 1000, 0);
            case PAPER -> new Regression(8, new double[] {0.9, 1.1, 1.3, 1.6}, 16, 6000, 2);
        };
    }

    /** The tanh network runs: images per class, width, q = phi(theta0) eta / 2, GD steps, checkpoint spacing. */
    record Network(int perClass, int hidden, double q, int steps, int every, double flowLoss, int powerIterations) {
    }

    static Network network(Profile p) {
        return switch (p) {
            case SMOKE -> new Network(4, 16, 1.5, 300, 100, 1e-5, 30);
            case CI -> new Network(4, 32, 1.5, 1000, 100, 1e-5, 40);
            case PAPER -> new Network(8, 32, 1.5, 4000, 200, 1e-6, 100);
        };
    }
}
