package org.reprobench.papers.deepneuralcollapse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprobench.api.Progress;

/** A seed's run must not depend on which other seeds share its batch (shards must merge exactly). */
class SeedSeparabilityTest {

    @Test
    void seedTwoAloneEqualsSeedTwoInABatch() {
        ProfileSettings p = new ProfileSettings(new int[] {3}, 4, 8, 300, 100, null, null, 0, 0, 0, 0,
                0, null, 0, 0, 0, 0, 0, 0);
        Progress none = new Progress() {
            @Override
            public void step() {
            }

            @Override
            public void stepBy(long n) {
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            List<DepthSweep.Trace> three = DepthSweep.run(m, List.of(1L, 2L, 3L), 3, p, none);
            List<DepthSweep.Trace> one = DepthSweep.run(m, List.of(2L), 3, p, none);
            LayerReport a = three.get(1).last();
            LayerReport b = one.get(0).last();
            assertEquals(b.loss(), a.loss(), 1e-13 * Math.abs(b.loss()));
            assertEquals(b.nc2()[2], a.nc2()[2], 1e-9);
            assertEquals(one.get(0).geometry().worstRelativeError(), three.get(1).geometry().worstRelativeError(), 1e-9);
        }
    }
}
