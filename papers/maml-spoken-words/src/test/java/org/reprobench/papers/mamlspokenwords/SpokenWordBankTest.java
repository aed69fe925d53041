package org.reprobench.papers.mamlspokenwords;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.reprobench.datasets.audio.SpokenWordFeatures;

class SpokenWordBankTest {
    @Test
    void timePoolingAveragesConsecutiveFrames() {
        SpokenWordBank bank = SpokenWordBank.synthetic(2, 2, 7);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] pooled = bank.toNDArray(m, 2).toFloatArray();
            float[] full = bank.toNDArray(m, 1).toFloatArray();
            int frames = SpokenWordBank.framesAfterPooling(2);
            assertEquals(50, frames);
            int raw = SpokenWordFeatures.FRAMES;
            for (int clip : new int[] {0, 3}) {
                for (int row : new int[] {0, 17, 38}) {
                    for (int t : new int[] {0, 24, 49}) {
                        float a = full[clip * 39 * raw + row * raw + 2 * t];
                        float b = full[clip * 39 * raw + row * raw + 2 * t + 1];
                        assertEquals((a + b) / 2, pooled[clip * 39 * frames + row * frames + t], 1e-6);
                    }
                }
            }
        }
    }
}
