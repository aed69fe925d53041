package org.reprobench.papers.byzsgdnm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttackTest {
    private NDManager m;
    // One run, 5 workers (2 Byzantine), 2 coordinates. Honest rows 2..4.
    private NDArray u;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
        u = m.create(new double[] {9, 9, 8, 8, 1, 2, 3, 6, 5, 1}, new Shape(1, 5, 2));
    }

    @AfterEach
    void close() {
        m.close();
    }

    /** Golden values computed with scipy.stats.norm.ppf (the brief's [M] values). */
    @Test
    void alieZFromKarimireddysRule() {
        assertEquals(0.2533471, LittleIsEnough.zMax(m, 8, 3), 1e-6); // Phi^-1(3/5)
        assertEquals(-0.1800124, LittleIsEnough.zMax(m, 8, 1), 1e-6); // Phi^-1(3/7)
    }

    @Test
    void alieSendsMeanMinusZStd() {
        // Honest x: 1, 3, 5 -> mean 3, unbiased std 2; y: 2, 6, 1 -> mean 3, std sqrt((1 + 9 + 4) / 2) = sqrt(7).
        NDArray out = new LittleIsEnough(0.5).apply(u, 2);
        double[] byz = {3 - 0.5 * 2, 3 - 0.5 * Math.sqrt(7)};
        assertArrayEquals(new double[] {byz[0], byz[1], byz[0], byz[1], 1, 2, 3, 6, 5, 1},
                out.reshape(10).toDoubleArray(), 1e-12);
    }

    @Test
    void foeSendsMinusEpsilonMean() {
        NDArray out = new FallOfEmpires(0.1).apply(u, 2);
        assertArrayEquals(new double[] {-0.3, -0.3, -0.3, -0.3, 1, 2, 3, 6, 5, 1}, out.reshape(10).toDoubleArray(), 1e-12);
    }

    @Test
    void bitFlipSendsMinusTenTimesItsOwnMomentum() {
        NDArray out = new BitFlip().apply(u, 2);
        assertArrayEquals(new double[] {-90, -90, -80, -80, 1, 2, 3, 6, 5, 1}, out.reshape(10).toDoubleArray(), 1e-12);
    }

    @Test
    void noByzantineWorkersMeansNoChange() {
        assertSame(u, new LittleIsEnough(0.25).apply(u, 0));
        assertSame(u, new FallOfEmpires(0.1).apply(u, 0));
        assertSame(u, new BitFlip().apply(u, 0));
        assertSame(u, Attack.NONE.apply(u, 2));
    }
}
