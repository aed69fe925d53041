package org.reprobench.papers.hawkesgranger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DagRecipeTest {

    /** The official recipe with d = 5 gives the README example's ground truth (after one rejected seed). */
    @Test
    void regeneratesTheExampleGroundTruth() {
        DagRecipe.Truth truth = DagRecipe.generate(5, ExampleData.DAG_SEED);
        assertArrayEquals(ExampleData.TRUE_MU, truth.mu(), 0.0);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(ExampleData.TRUE_A[i], truth.a()[i], 1e-15, "row " + i);
        }
        assertEquals(6790, truth.seedUsed());
    }

    /** exp([[0, a], [b, 0]]) = [[cosh r, a sinh(r) / r], [b sinh(r) / r, cosh r]] with r = sqrt(ab). */
    @Test
    void matrixExponentialMatchesClosedForms() {
        double a = 1.7;
        double b = 0.9;
        double r = Math.sqrt(a * b);
        double[][] e = DagRecipe.expm(new double[][] {{0, a}, {b, 0}});
        assertEquals(Math.cosh(r), e[0][0], 1e-13);
        assertEquals(a * Math.sinh(r) / r, e[0][1], 1e-13);
        assertEquals(b * Math.sinh(r) / r, e[1][0], 1e-13);
        double[][] nilpotent = DagRecipe.expm(new double[][] {{0, 3, 0}, {0, 0, 2}, {0, 0, 0}});
        assertArrayEquals(new double[] {1, 3, 3}, nilpotent[0], 1e-14);   // I + N + N^2 / 2
        assertEquals(0, DagRecipe.acyclicity(new double[][] {{0, 3, 0}, {0, 0, 2}, {0, 0, 0}}), 0.0);
        assertEquals(Math.exp(2.5), DagRecipe.expm(new double[][] {{2.5}})[0][0], 1e-12);
    }

    @Test
    void largerGraphsKeepTheRecipeShape() {
        DagRecipe.Truth truth = DagRecipe.generate(10, ExampleData.DAG_SEED);
        int negatives = 0;
        for (int i = 0; i < 10; i++) {
            double rowSum = 0;
            for (int j = 0; j < 10; j++) {
                double v = truth.a()[i][j];
                negatives += v < 0 ? 1 : 0;
                rowSum += v;
                assertEquals(0, Math.abs(v * 10 - Math.rint(v * 10)), 1e-9, "entries are multiples of 0.1");
            }
            assertEquals(0, Math.abs(truth.mu()[i] * 10 - Math.rint(truth.mu()[i] * 10)), 1e-9);
        }
        assertEquals(2, negatives);
    }

    /** numpy's pairwise sum: 8 partial sums for 8..128 elements, a plain loop below 8. */
    @Test
    void numpySumOrder() {
        double[] x = {0.1, 0.2, 0.3, 0.1, 0.1, 0.2, 0.3, 0.1, 0.4, 0.5};
        double r = ((0.1 + 0.2) + (0.3 + 0.1)) + ((0.1 + 0.2) + (0.3 + 0.1));
        assertEquals((r + 0.4) + 0.5, DagRecipe.NumpySum.of(x), 0.0);
        assertEquals(((0.1 + 0.2) + 0.3), DagRecipe.NumpySum.of(new double[] {0.1, 0.2, 0.3}), 0.0);
    }
}
