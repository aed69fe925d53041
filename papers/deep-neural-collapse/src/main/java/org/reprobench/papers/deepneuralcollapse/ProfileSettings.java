package org.reprobench.papers.deepneuralcollapse;

import org.reprobench.api.Profile;

/**
 * Sizes per profile. The paper's own widths, n, lambda, learning rate and step counts could not be
 * read (see the card); every profile is therefore "reduced". The DUFM defaults (lambda = 5e-3 for
 * every W_l and H_1, lr = 0.5, entries N(0, 1/width)) follow the same authors' DUFM convention
 * quoted from their NeurIPS 2024 follow-up, as the brief reports it.
 */
record ProfileSettings(
        // depth sweep (claims on DNC metrics and on the closed-form optimum)
        int[] depths, int sweepPerClass, int sweepWidth, int sweepSteps, int checkpointEvery,
        // regularisation threshold
        int[] thresholdDepths, double[] thresholdFactors, int thresholdPerClass, int thresholdWidth, int thresholdInits,
        int thresholdSteps,
        // width
        int widthDepth, int[] widths, int widthPerClass, int widthInits, int widthSteps,
        // trained network on the stand-in images
        int imagesPerClass, int trainSteps, int trainCheckpointEvery) {

    static final double LAMBDA = 5e-3;
    static final double LR = 0.5;
    static final int CLASSES = 2;
    /** A run "reaches the optimum" when its loss is within this relative gap of the closed form. */
    static final double SUCCESS_GAP = 1e-3;
    /** Below and above the threshold lambda* the claims on the regimes are judged at these factors. */
    static final double BELOW = 0.5;
    static final double ABOVE = 1.5;
    static final int NARROW = 4;
    static final int WIDE = 16;

    static ProfileSettings of(Profile p) {
        return switch (p) {
            case SMOKE -> new ProfileSettings(new int[] {3}, 10, 32, 4000, 250,
                    new int[] {3}, new double[] {BELOW, ABOVE}, 10, 16, 2, 2000,
                    3, new int[] {NARROW, WIDE}, 10, 4, 2000,
                    40, 300, 100);
            case CI -> new ProfileSettings(new int[] {2, 3, 4, 5}, 10, 32, 12000, 250,
                    new int[] {3, 4}, new double[] {BELOW, 0.8, 1.05, ABOVE}, 10, 16, 3, 6000,
                    3, new int[] {2, NARROW, 8, WIDE}, 10, 10, 6000,
                    100, 6000, 500);
            case PAPER -> new ProfileSettings(new int[] {2, 3, 4, 5, 6}, 50, 32, 40000, 500,
                    new int[] {3, 4, 5}, new double[] {BELOW, 0.8, 0.95, 1.05, 1.2, ABOVE}, 10, 16, 10, 20000,
                    3, new int[] {2, 3, NARROW, 6, 8, 12, WIDE, 32}, 10, 10, 20000,
                    100, 20000, 500);
        };
    }
}
