package org.reprobench.datasets;

import java.util.SplittableRandom;

/** Seeded background noises for the synthetic spoken words: white, pink, brown, and a mixture. */
final class NoiseGenerator {
    enum Kind { WHITE, PINK, BROWN, MIXED }

    private NoiseGenerator() {
    }

    /** {@code n} samples of the given kind with unit RMS. */
    static float[] noise(Kind kind, int n, SplittableRandom rng) {
        float[] x = switch (kind) {
            case WHITE -> white(n, rng);
            case PINK -> pink(n, rng);
            case BROWN -> brown(n, rng);
            case MIXED -> mix(normalised(pink(n, rng)), normalised(brown(n, rng)), normalised(white(n, rng)), rng);
        };
        return normalised(x);
    }

    static float[] white(int n, SplittableRandom rng) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) gaussian(rng);
        }
        return x;
    }

    /** Pink (1/f) noise: Paul Kellett's economical filter of white noise. */
    static float[] pink(int n, SplittableRandom rng) {
        float[] x = new float[n];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        double b4 = 0;
        double b5 = 0;
        double b6 = 0;
        for (int i = 0; i < n; i++) {
            double w = gaussian(rng);
            b0 = 0.99886 * b0 + w * 0.0555179;
            b1 = 0.99332 * b1 + w * 0.0750759;
            b2 = 0.96900 * b2 + w * 0.1538520;
            b3 = 0.86650 * b3 + w * 0.3104856;
            b4 = 0.55000 * b4 + w * 0.5329522;
            b5 = -0.7616 * b5 - w * 0.0168980;
            x[i] = (float) (b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362);
            b6 = w * 0.115926;
        }
        return x;
    }

    /** Brown (1/f^2) noise: leaky integral of white noise. */
    static float[] brown(int n, SplittableRandom rng) {
        float[] x = new float[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            s = 0.995 * s + 0.1 * gaussian(rng);
            x[i] = (float) s;
        }
        return x;
    }

    private static float[] mix(float[] a, float[] b, float[] c, SplittableRandom rng) {
        double wa = rng.nextDouble();
        double wb = rng.nextDouble();
        double wc = 0.3 * rng.nextDouble();
        float[] x = new float[a.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (wa * a[i] + wb * b[i] + wc * c[i]);
        }
        return x;
    }

    static float[] normalised(float[] x) {
        double rms = rms(x, 0, x.length);
        if (rms > 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (x[i] / rms);
            }
        }
        return x;
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return to > from ? Math.sqrt(s / (to - from)) : 0;
    }

    /** Standard normal by Box-Muller (SplittableRandom has no nextGaussian in Java 17). */
    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
