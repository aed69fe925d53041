package org.reprobench.papers.gfssharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The adaptive integrator against exp(-lambda t), row by row. */
class DormandPrinceTest {

    /** Rows [x, t] with x' = -lambda x, t' = 1, stopped once t >= 1. */
    static double[][] solve(double[] lambdas, double rtol) {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = lambdas.length;
            double[] y0 = new double[2 * n];
            for (int i = 0; i < n; i++) {
                y0[2 * i] = 1;
            }
            NDArray lambda = m.create(lambdas, new Shape(n, 1));
            NDArray start = m.create(y0, new Shape(n, 2));
            NDArray h0 = m.zeros(new Shape(n)).toType(start.getDataType(), false).add(1e-3);
            DormandPrince.Result r = DormandPrince.integrate(
                    y -> y.get(":, 0:1").mul(lambda).neg().concat(y.get(":, 1:2").onesLike(), 1),
                    start, h0, rtol, 1e-14, y -> y.get(":, 1").gte(1), 10_000, () -> { });
            assertTrue(r.finished().all().getBoolean());
            double[] y = r.y().toDoubleArray();
            double[][] out = new double[n][];
            for (int i = 0; i < n; i++) {
                out[i] = new double[] {y[2 * i], y[2 * i + 1]};
            }
            return out;
        }
    }

    @Test
    void matchesTheExponentialToTheTolerance() {
        double[] lambdas = {0.5, 3, 20};
        double[][] y = solve(lambdas, 1e-10);
        for (int i = 0; i < lambdas.length; i++) {
            double t = y[i][1];
            assertEquals(Math.exp(-lambdas[i] * t), y[i][0], 1e-8 * Math.exp(-lambdas[i] * t) + 1e-13);
        }
    }

    @Test
    void aRowDoesNotDependOnTheOtherRows() {
        double[][] together = solve(new double[] {0.5, 3, 20}, 1e-9);
        double[][] alone = solve(new double[] {3}, 1e-9);
        assertArrayEquals(alone[0], together[1], 0);
    }
}
