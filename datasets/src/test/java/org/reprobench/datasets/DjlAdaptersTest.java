package org.reprobench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DJL datasets: shapes, labels and a seeded order. */
class DjlAdaptersTest {
    @TempDir
    Path tmp;

    static ImageSet tinyCifarLike(int n) {
        float[][] x = new float[n][3 * 4 * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(x[i], i / (float) n);
            y[i] = i % 10;
        }
        return new ImageSet(x, y, 4, 4, 10, "tiny", true, "0".repeat(64));
    }

    private static List<Long> order(ImageDataset d, NDManager m) throws Exception {
        List<Long> seen = new ArrayList<>();
        for (Batch b : d.getData(m)) {
            // the image value encodes the index: i / n
            float[] first = b.getData().head().toFloatArray();
            long per = 3 * 4 * 4;
            for (int k = 0; k < b.getSize(); k++) {
                seen.add((long) Math.round(first[(int) (k * per)] * d.size()));
            }
            b.close();
        }
        return seen;
    }

    @Test
    void imageDatasetGivesChannelMajorImagesAndSeededOrder() throws Exception {
        ImageSet set = tinyCifarLike(20);
        try (NDManager m = NDManager.newBaseManager()) {
            ImageDataset d = ImageDataset.builder(set).optSeededSampling(6, 7).build();
            Record r = d.get(m, 3);
            assertEquals(new Shape(3, 4, 4), r.getData().head().getShape());
            assertEquals(3f, r.getLabels().head().getFloat());

            List<Long> a = order(d, m);
            List<Long> again = order(ImageDataset.builder(set).optSeededSampling(6, 7).build(), m);
            List<Long> other = order(ImageDataset.builder(set).optSeededSampling(6, 8).build(), m);
            assertEquals(a, again, "same seed, same order");
            assertNotEquals(a, other);
            assertEquals(20, a.stream().distinct().count(), "an epoch visits every image once");
            assertNotEquals(a, order(d, m), "the next epoch is another permutation");
        }
    }

    @Test
    void arrayDatasetHoldsTheWholeSet() throws Exception {
        ImageSet set = tinyCifarLike(10);
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset d = ImageDataset.toArrayDataset(set, m, 4, 1);
            int seen = 0;
            for (Batch b : d.getData(m)) {
                NDArray x = b.getData().head();
                assertEquals(3, x.getShape().get(1));
                assertEquals(4, x.getShape().get(2));
                seen += (int) x.getShape().get(0);
                b.close();
            }
            assertEquals(10, seen);
        }
    }

    @Test
    void seededPermutationIsAPermutation() {
        int[] p = SeededSampler.permutation(1000, 3);
        int[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(p, SeededSampler.permutation(1000, 3));
    }

    @Test
    void spokenWordDatasetReadsTheSpeechCommandsLayout() throws Exception {
        Path root = tmp.resolve("sc");
        String[] words = {"up", "down", "left"};
        for (int w = 0; w < words.length; w++) {
            for (int s = 0; s < 3; s++) {
                float[] x = new float[16_000];
                for (int i = 4000; i < 12_000; i++) {
                    x[i] = (float) (0.3 * Math.sin(2 * Math.PI * (300 + 500 * w) * i / 16_000.0));
                }
                Path f = root.resolve(words[w]).resolve("spk" + s + "_nohash_0.wav");
                Files.createDirectories(f.getParent());
                new WavFile(16_000, x).write(f);
            }
        }
        Files.writeString(root.resolve("validation_list.txt"), "");
        Files.writeString(root.resolve("testing_list.txt"), "up/spk2_nohash_0.wav\ndown/spk2_nohash_0.wav\nleft/spk2_nohash_0.wav\n");

        SpokenWordDataset train = SpokenWordDataset.builder(root).optSplit(SpeechCommands.Split.TRAIN).optSeededSampling(2, 1).build();
        assertEquals(List.of("down", "left", "up"), train.words());
        assertEquals(6, train.size());
        SpokenWordDataset test = SpokenWordDataset.builder(root).optSplit(SpeechCommands.Split.TEST).optWords(List.of("up", "left"))
                .optFeatures(SpokenWordDataset.Features.LOG_MEL).optSeededSampling(2, 1).build();
        assertEquals(2, test.size());
        try (NDManager m = NDManager.newBaseManager()) {
            Record r = train.get(m, 0);
            assertEquals(new Shape(1, 39, 101), r.getData().head().getShape());
            assertEquals(0f, r.getLabels().head().getFloat(), "first clip is 'down', class 0");
            Record t = test.get(m, 0);
            assertEquals(new Shape(1, 128, 101), t.getData().head().getShape());
            assertEquals(1f, t.getLabels().head().getFloat(), "'left' is class 1 of [up, left]");
        }
    }
}
