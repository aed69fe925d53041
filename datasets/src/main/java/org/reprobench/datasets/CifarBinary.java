package org.reprobench.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIFAR-10 binary format: records of 1 label byte followed by 3072 pixel bytes, 1024 red,
 * 1024 green then 1024 blue, each plane row-major 32x32. Pixels become floats in [0,1] in the
 * same channel-major order (C,H,W), which is what DJL's convolutions take.
 */
public final class CifarBinary {
    public static final int SIDE = 32;
    public static final int PIXELS = 3 * SIDE * SIDE;
    public static final int RECORD = 1 + PIXELS;
    public static final int CLASSES = 10;
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
            "data_batch_5.bin");
    public static final List<String> TEST_FILES = List.of("test_batch.bin");

    private CifarBinary() {
    }

    /** Reads whole record files (each must be a multiple of 3073 bytes) into one set. */
    public static ImageSet read(List<Path> files, String label, boolean standIn, String sha256) throws IOException {
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        byte[] rec = new byte[RECORD];
        for (Path file : files) {
            long size = Files.size(file);
            if (size % RECORD != 0) {
                throw new IOException(file + ": " + size + " bytes is not a whole number of " + RECORD + "-byte CIFAR records");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                while (in.readNBytes(rec, 0, RECORD) == RECORD) {
                    int y = rec[0] & 0xFF;
                    if (y >= CLASSES) {
                        throw new IOException(file + ": label " + y + " in record " + images.size() + " is not a CIFAR-10 class");
                    }
                    labels.add(y);
                    images.add(decode(rec, 1));
                }
            }
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        return new ImageSet(images.toArray(new float[0][]), y, SIDE, SIDE, CLASSES, label, standIn, sha256);
    }

    /** The pixel bytes at {@code off} as floats in [0,1], channel-major. */
    static float[] decode(byte[] rec, int off) {
        float[] x = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            x[i] = (rec[off + i] & 0xFF) / 255f;
        }
        return x;
    }

    /** Class names from {@code batches.meta.txt} (one per line). */
    public static List<String> classNames(Path metaFile) throws IOException {
        return Files.readAllLines(metaFile, StandardCharsets.US_ASCII).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
