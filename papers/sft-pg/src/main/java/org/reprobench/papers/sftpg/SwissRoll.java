package org.reprobench.papers.sftpg;

import java.util.SplittableRandom;

/**
 * The toy data of the official code: scikit-learn's make_swiss_roll(n, noise = 0.05), columns
 * (x, z), divided by 20 (the discarded height coordinate is not drawn). Same formula, Java's random numbers (the official script sets no seed,
 * so bit-equality with Python is not defined anyway).
 */
public final class SwissRoll {
    public static final double NOISE = 0.05;
    public static final double SCALE = 20;

    private SwissRoll() {
    }

    /** n points, row-major (x, y) pairs. */
    public static float[] sample(int n, SplittableRandom rng) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1.5 * Math.PI * (1 + 2 * rng.nextDouble());
        }
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double x = t[i] * Math.cos(t[i]) + NOISE * rng.nextGaussian();
            double z = t[i] * Math.sin(t[i]) + NOISE * rng.nextGaussian();
            out[2 * i] = (float) (x / SCALE);
            out[2 * i + 1] = (float) (z / SCALE);
        }
        return out;
    }
}
