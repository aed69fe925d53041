package org.reprobench.datasets;

import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Shuffled order from a seed, unlike DJL's {@code RandomSampler}, which draws from a global
 * generator. Epoch e (the e-th call of {@link #sample}) gets the e-th permutation of the seeded
 * stream, so the same seed gives the same sequence of epochs on every run.
 */
public final class SeededSampler implements Sampler.SubSampler {
    private final SplittableRandom rng;

    public SeededSampler(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** Batches in seeded order. */
    public static Sampler batches(long seed, int batchSize, boolean dropLast) {
        return new BatchSampler(new SeededSampler(seed), batchSize, dropLast);
    }

    /** A seeded permutation of 0..n-1. */
    public static int[] permutation(int n, long seed) {
        return permute(n, new SplittableRandom(seed));
    }

    @Override
    public synchronized Iterator<Long> sample(RandomAccessDataset dataset) {
        int n = Math.toIntExact(dataset.size());
        int[] p = permute(n, rng);
        return LongStream.range(0, n).map(i -> p[(int) i]).iterator();
    }

    /** A permutation of 0..n-1 drawn from rng (Fisher-Yates, n - 1 draws), for callers that share a stream. */
    public static int[] permute(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
