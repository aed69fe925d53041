package org.reprobench.papers.gfssharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The closed-form GFS sharpness against hand computations and exact special cases. */
class ScalarGfsTest {
    static NDManager m;

    @BeforeAll
    static void open() {
        m = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        m.close();
    }

    static double[] phi(double y, double[]... w) {
        return phi(m, y, w);
    }

    static double[] phi(NDManager m, double y, double[]... w) {
        int[] depths = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            depths[i] = w[i].length;
        }
        ScalarNetworks nets = new ScalarNetworks(depths, y, m);
        return ScalarGfs.solve(nets, nets.weights(w, m), null).sharpness().toDoubleArray();
    }

    @Test
    void balancedMinimiserHasTheSmallestSharpnessDyToTheTwoMinusTwoOverD() {
        double y = 2.5;
        for (int d : new int[] {2, 3, 4, 6}) {
            double[] w = new double[d];
            java.util.Arrays.fill(w, Math.pow(y, 1.0 / d));
            assertEquals(ScalarGfs.minimalSharpness(d, y), phi(y, w)[0], 1e-12 * d);
            assertEquals(d * Math.pow(y, 2 - 2.0 / d), ScalarGfs.minimalSharpness(d, y), 1e-12);
        }
    }

    @Test
    void depthTwoMatchesSqrtOfImbalanceSquaredPlusFourYSquared() {
        // s1 s2 = y and s1^2 - s2^2 = delta give s1^2 + s2^2 = sqrt(delta^2 + 4 y^2) = y^2 (1/s1^2 + 1/s2^2)
        Random r = new Random(3);
        for (int k = 0; k < 20; k++) {
            double a = 0.2 + 2 * r.nextDouble();
            double b = 0.2 + 2 * r.nextDouble();
            double y = 0.5 + r.nextDouble();
            double delta = a * a - b * b;
            assertEquals(Math.sqrt(delta * delta + 4 * y * y), phi(y, new double[] {a, b})[0], 1e-12);
        }
    }

    @Test
    void handComputedDepthThreeCase() {
        // w = (1.6, 0.5, 1.2), y = 1: the root c of (2.56 + c)(0.25 + c)(1.44 + c) = 1, found by bisection here
        double lo = -0.25 + 1e-12;
        double hi = 1;
        for (int i = 0; i < 200; i++) {
            double c = 0.5 * (lo + hi);
            if ((2.56 + c) * (0.25 + c) * (1.44 + c) > 1) {
                hi = c;
            } else {
                lo = c;
            }
        }
        double c = 0.5 * (lo + hi);
        double expected = 1 / (2.56 + c) + 1 / (0.25 + c) + 1 / (1.44 + c);
        assertEquals(expected, phi(1, new double[] {1.6, 0.5, 1.2})[0], 1e-12);
        // and the value a numeric gradient flow gave in the research notes (RK4, 4.827304 at loss 1e-12)
        assertEquals(4.827312, expected, 1e-6);
    }

    @Test
    void flowLimitIsAMinimiserWithTheSameImbalances() {
        ScalarNetworks nets = new ScalarNetworks(new int[] {3, 4, 2}, 1.7, m);
        NDArray w = nets.weights(new double[][] {{1.6, -0.5, -1.2}, {0.7, 1.9, 1.1, 0.6}, {3.0, 0.2}}, m);
        ScalarGfs.Solution sol = ScalarGfs.solve(nets, w, null);
        NDArray s = ScalarGfs.flowLimit(nets, w, sol.c());
        assertArrayEquals(new double[] {1.7, 1.7, 1.7}, nets.product(s).toDoubleArray(), 1e-12);
        double[] before = w.square().sub(w.square().get(":, 0:1")).mul(nets.mask).toDoubleArray();
        double[] after = s.square().sub(s.square().get(":, 0:1")).mul(nets.mask).toDoubleArray();
        assertArrayEquals(before, after, 1e-12);
        // signs are kept
        assertEquals(-1, Math.signum(s.getDouble(0, 1)));
    }

    @Test
    void mixedDepthsInOneTensorGiveTheSameValuesAsAlone() {
        double[] a = {1.3, 0.8, 1.05};
        double[] b = {1.5, 0.6, 1.1, 0.9, 1.2, 0.7};
        double[] c = {2.0, 0.6};
        double[] together = phi(1, a, b, c);
        assertEquals(phi(1, a)[0], together[0], 1e-14);
        assertEquals(phi(1, b)[0], together[1], 1e-14);
        assertEquals(phi(1, c)[0], together[2], 1e-14);
    }

    @Test
    void warmStartsFarFromTheRootConvergeToTheSameValue() {
        ScalarNetworks nets = new ScalarNetworks(new int[] {4, 4}, 1, m);
        NDArray w = nets.weights(new double[][] {{1.8, 0.45, 1.3, 1.0}, {0.01, 3, 2, 5}}, m);
        double[] cold = ScalarGfs.solve(nets, w, null).sharpness().toDoubleArray();
        double[] warmLow = ScalarGfs.solve(nets, w, m.create(new double[] {-30, -40})).sharpness().toDoubleArray();
        double[] warmHigh = ScalarGfs.solve(nets, w, m.create(new double[] {5, 5})).sharpness().toDoubleArray();
        assertArrayEquals(cold, warmLow, 1e-12 * cold[1]);
        assertArrayEquals(cold, warmHigh, 1e-12 * cold[1]);
    }
}
