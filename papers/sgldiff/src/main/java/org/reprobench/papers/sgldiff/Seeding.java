package org.reprobench.papers.sgldiff;

import ai.djl.engine.Engine;

/** Seeds PyTorch's generator from the run seed, salted per claim so claims do not share streams. */
final class Seeding {
    private Seeding() {
    }

    static void seed(long runSeed, int claimSalt) {
        Engine.getInstance().setRandomSeed((int) (runSeed * 1_000_003L + claimSalt));
    }
}
