package org.reprobench.papers.byzsgdnm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reprobench.papers.byzsgdnm.ByzantineTraining.Method;
import org.reprobench.papers.byzsgdnm.ByzantineTraining.Run;

class ByzantineTrainingTest {
    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    /** u_1 = beta u_0 + (1 - beta) g_1 with beta = 0.9, then once more, by hand. */
    @Test
    void emaMomentum() {
        NDArray u = m.create(new double[] {1, 2});
        ByzantineTraining.updateMomentum(u, m.create(new double[] {3, 5}), 0.9);
        assertArrayEquals(new double[] {1.2, 2.3}, u.toDoubleArray(), 1e-12);
        ByzantineTraining.updateMomentum(u, m.create(new double[] {-8, 0}), 0.9);
        assertArrayEquals(new double[] {0.9 * 1.2 - 0.8, 0.9 * 2.3}, u.toDoubleArray(), 1e-12);
    }

    /** ByzSGDnm moves by exactly lr; ByzSGDm by lr times the aggregate; a zero aggregate moves nothing. */
    @Test
    void normalisedAndPlainUpdates() {
        NDArray theta = m.zeros(new Shape(3, 3), ai.djl.ndarray.types.DataType.FLOAT64);
        NDArray a = m.create(new double[] {3, 4, 0, 3, 4, 0, 0, 0, 0}, new Shape(3, 3));
        NDArray lr = m.create(new double[] {0.1, 0.1, 0.1}, new Shape(3, 1));
        NDArray nm = m.create(new double[] {1, 0, 1}, new Shape(3, 1));
        ByzantineTraining.applyUpdate(theta, a, lr, nm, nm.neg().add(1));
        assertArrayEquals(new double[] {-0.06, -0.08, 0, -0.3, -0.4, 0, 0, 0, 0}, theta.reshape(9).toDoubleArray(), 1e-12);
        assertEquals(0.1, theta.get(0).norm().getDouble(), 1e-12);
    }

    @Test
    void shardsAreDisjointPermutations() {
        int[][] o = ByzantineTraining.shuffledShards(4, 25, 3, 1);
        for (int w = 0; w < 4; w++) {
            int[] sorted = o[w].clone();
            Arrays.sort(sorted);
            for (int i = 0; i < 25; i++) {
                assertEquals(w * 25 + i, sorted[i]);
            }
        }
        assertFalse(Arrays.equals(o[0], ByzantineTraining.shuffledShards(4, 25, 3, 2)[0]), "reshuffled each epoch");
    }

    /** A few epochs on a separable mixture under ALIE with CM: finite, well above chance, T as defined. */
    @Test
    void trainsOnAMixtureUnderAttack() {
        ByzantineTraining.Data data = StandInData.gaussianMixture(16, 4, 1.0, 800, 400, 3).data();
        ByzantineTraining.Setting s = new ByzantineTraining.Setting(8, 3, LittleIsEnough.forWorkers(m, 8, 3), 5, 2, 0.9);
        List<Run> runs = List.of(new Run(Method.SGDM, 0.1), new Run(Method.SGDNM, 0.1));
        int[] ticks = {0};
        ByzantineTraining.Result r = ByzantineTraining.train(m, data, new WorkerMlp(16, 8, 4), s,
                x -> new CoordinateMedian(), runs, 1, () -> ticks[0]++, 400);
        assertEquals(2 * (100 / 5), r.iterations());
        assertEquals(r.iterations(), ticks[0]);
        for (int k = 0; k < 2; k++) {
            assertFalse(r.diverged()[k]);
            assertTrue(r.finalAccuracy()[k] > 0.6, "run " + k + ": " + r.finalAccuracy()[k]);
            assertTrue(Double.isFinite(r.epochLoss()[k][1]) && r.epochLoss()[k][1] < r.epochLoss()[k][0] + 0.5);
        }
    }
}
