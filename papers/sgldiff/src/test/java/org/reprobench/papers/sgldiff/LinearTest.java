package org.reprobench.papers.sgldiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinearTest {
    @Test
    void eigenvaluesOfAKnownMatrix() {
        // [[2,1,0],[1,2,1],[0,1,2]] has eigenvalues 2 - sqrt 2, 2, 2 + sqrt 2
        double[][] a = {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}};
        assertArrayEquals(new double[] {2 - Math.sqrt(2), 2, 2 + Math.sqrt(2)}, Linear.symmetricEigenvalues(a), 1e-12);
    }

    @Test
    void gelbrichOfIsotropicGaussianAndOfAShift() {
        double[][] sigma = {{4, 0}, {0, 4}};
        // ||2I - I||_F = sqrt 2, and a shift (3, 4) adds 25 under the root
        assertEquals(Math.sqrt(2), Linear.gelbrichToStandardNormal(new double[2], sigma), 1e-12);
        assertEquals(Math.sqrt(27), Linear.gelbrichToStandardNormal(new double[] {3, 4}, sigma), 1e-12);
    }

    @Test
    void gelbrichIsRotationInvariant() {
        double c = Math.cos(0.4);
        double s = Math.sin(0.4);
        double l1 = 3;
        double l2 = 0.5;
        double[][] sigma = {{c * c * l1 + s * s * l2, c * s * (l1 - l2)}, {c * s * (l1 - l2), s * s * l1 + c * c * l2}};
        double expected = Math.sqrt(Math.pow(Math.sqrt(l1) - 1, 2) + Math.pow(Math.sqrt(l2) - 1, 2));
        assertEquals(expected, Linear.gelbrichToStandardNormal(new double[2], sigma), 1e-12);
    }
}
