package org.reprobench.papers.gfssharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprobench.api.Outcome;
import org.reprobench.api.Profile;

/** Seeds vectorised into one tensor must not influence each other: seed 2 alone equals seed 2 among 1, 2, 3. */
class SeedSeparabilityTest {

    @Test
    void networkExperimentGivesSeedTwoTheSameSequenceAloneAndInABatch() throws Exception {
        Settings.Network tiny = new Settings.Network(2, 8, 1.5, 40, 20, 1e-3, 10);
        double[] together;
        double[] alone;
        try (NDManager m = NDManager.newBaseManager()) {
            List<Outcome> all = TanhMlpExperiment.create(p -> tiny).run(new TestContext(Profile.SMOKE, List.of(1L, 2L, 3L), m));
            together = all.get(1).sequence();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            alone = TanhMlpExperiment.create(p -> tiny).run(new TestContext(Profile.SMOKE, List.of(2L), m)).get(0).sequence();
        }
        assertArrayEquals(alone, together, 1e-12 * Math.abs(alone[0]));
    }
}
