package org.reprobench.papers.gfssharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.reprobench.datasets.ImageSet;

/** Pooling, standardisation and the class selection of the stand-in regression set, on hand-made images. */
class StandInImagesTest {

    @Test
    void poolsStandardisesAndAlternatesTheTwoClasses() {
        // 8x8 images (2x2 features after 4x4 pooling); image i is constant i/10; labels 6, 0, 3, 0, 6
        int n = 5;
        float[][] images = new float[n][64];
        int[] labels = {6, 0, 3, 0, 6};
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(images[i], i / 10f);
        }
        ImageSet set = new ImageSet(images, labels, 8, 8, 10, "hand-made", true, "abc");
        StandInImages s = StandInImages.from(set, 2);
        assertEquals(4, s.features());
        assertArrayEquals(new double[] {1, -1, 1, -1}, s.y(), 0);
        // mean of the reference images (all five) is 0.2, deviation sqrt(0.02); scaled by 1/sqrt(4)
        double sd = Math.sqrt(0.02);
        double first = (0.1 - 0.2) / sd / 2; // image 1 is the first of class 0
        double second = (0.0 - 0.2) / sd / 2; // image 0 is the first of class 6
        assertEquals(first, s.x()[0][0], 1e-6);
        assertEquals(second, s.x()[1][3], 1e-6);
        assertEquals(true, s.standIn());
    }
}
