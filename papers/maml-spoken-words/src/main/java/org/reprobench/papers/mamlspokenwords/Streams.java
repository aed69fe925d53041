package org.reprobench.papers.mamlspokenwords;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Independent random streams derived from a run seed and a purpose ("init", "train-tasks",
 * "test-episodes", ...), so that each seed's numbers depend on that seed alone and changing how
 * one stream is consumed never shifts another.
 */
final class Streams {
    private Streams() {
    }

    static Random random(long seed, String purpose) {
        return new Random(mix(seed, purpose));
    }

    static long mix(long seed, String purpose) {
        long h = 0x9E3779B97F4A7C15L ^ seed;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = splitMix(h + b);
        }
        return splitMix(h);
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
