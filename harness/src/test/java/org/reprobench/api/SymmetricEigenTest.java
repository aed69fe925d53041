package org.reprobench.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
    @Test
    void twoByTwoHasItsClosedForm() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {3, 1}, e.values(), 1e-15);
        double r = Math.sqrt(0.5);
        assertEquals(r, Math.abs(e.vectors()[0][0]), 1e-15);
        assertEquals(e.vectors()[0][0], e.vectors()[1][0], 1e-15, "(1, 1)/sqrt 2 for the value 3");
        assertEquals(-e.vectors()[0][1], e.vectors()[1][1], 1e-15, "(1, -1)/sqrt 2 for the value 1");
    }

    @Test
    void secondDifferenceMatrixHasCosineEigenvalues() {
        int n = 12;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 2;
            if (i + 1 < n) {
                a[i][i + 1] = -1;
                a[i + 1][i] = -1;
            }
        }
        double[] values = SymmetricEigen.of(a).values();
        for (int k = 1; k <= n; k++) {
            // descending: index k-1 holds 2 + 2 cos(k pi / (n + 1))
            assertEquals(2 + 2 * Math.cos(k * Math.PI / (n + 1)), values[k - 1], 1e-13);
        }
    }

    @Test
    void vectorsReconstructTheMatrix() {
        double[][] a = {{4, 1, -2}, {1, 3, 0.5}, {-2, 0.5, 1e-9}};
        SymmetricEigen e = SymmetricEigen.of(a);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += e.vectors()[i][k] * e.values()[k] * e.vectors()[j][k];
                }
                assertEquals(a[i][j], s, 1e-13);
            }
        }
    }
}
