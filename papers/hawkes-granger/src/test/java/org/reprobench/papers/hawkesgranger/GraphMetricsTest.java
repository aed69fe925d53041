package org.reprobench.papers.hawkesgranger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GraphMetricsTest {

    @Test
    void countsSupportAndSignsByHand() {
        double[][] truth = {{0, 0.3, -0.5}, {0.1, 0, 0}, {0, -0.3, 0}};
        double[][] estimate = {{0.02, 0.28, -0.4}, {0.2, 0.07, 0}, {0, 0.06, 0}};
        GraphMetrics.Recovery r = GraphMetrics.recovery(truth, estimate, 0.05);
        // true edges: (0,1)+ (0,2)- (1,0)+ (2,1)-; found: (0,1)+ (0,2)- (1,0)+ (1,1)+ (2,1)+
        assertEquals(4, r.truePositives());
        assertEquals(1, r.falsePositives());
        assertEquals(0, r.falseNegatives());
        assertEquals(3, r.signedTruePositives());
        assertEquals(2, r.signedFalsePositives()); // (1,1) and (2,1) with the wrong sign
        assertEquals(1, r.signedFalseNegatives()); // (2,1)
        assertEquals(2.0 * 4 / (2 * 4 + 1 + 0), r.supportF1(), 1e-15);
        assertEquals(2.0 * 3 / (2 * 3 + 2 + 1), r.signedF1(), 1e-15);
        assertEquals(0.75, r.signAccuracy(), 1e-15);
        assertEquals(2, r.inhibitoryTrue());
        assertEquals(1, r.inhibitoryFound());
    }

    @Test
    void distances() {
        double[][] a = {{1, -2}, {0, 0.5}};
        double[][] b = {{0.5, -2}, {0.25, 0}};
        assertEquals(1.25, GraphMetrics.l1(a, b), 1e-15);
        assertEquals(0.5, GraphMetrics.maxAbs(a, b), 1e-15);
    }
}
