package org.reprobench.datasets;

/**
 * Band-limited resampling by windowed-sinc interpolation (Blackman window, 32 zero crossings
 * wide at the lower of the two rates' Nyquist frequencies, cut-off at 95 % of it). Good enough
 * for speech at 22.05 kHz -> 16 kHz; not a mastering-grade converter.
 */
public final class Resampler {
    private static final int HALF_ZEROS = 16;

    private Resampler() {
    }

    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return x.clone();
        }
        double ratio = (double) toRate / fromRate;
        double cutoff = 0.95 * Math.min(1.0, ratio); // as a fraction of the input Nyquist frequency
        double halfWidth = HALF_ZEROS / cutoff;      // in input samples
        int n = (int) Math.floor(x.length * ratio);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double p = i / ratio;
            int lo = (int) Math.ceil(p - halfWidth);
            int hi = (int) Math.floor(p + halfWidth);
            double acc = 0;
            for (int k = Math.max(0, lo); k <= Math.min(x.length - 1, hi); k++) {
                double d = p - k;
                acc += x[k] * cutoff * sinc(cutoff * d) * blackman(d / halfWidth);
            }
            y[i] = (float) acc;
        }
        return y;
    }

    static double sinc(double t) {
        if (Math.abs(t) < 1e-12) {
            return 1.0;
        }
        double a = Math.PI * t;
        return Math.sin(a) / a;
    }

    /** Blackman window on [-1, 1]. */
    static double blackman(double u) {
        if (Math.abs(u) >= 1) {
            return 0;
        }
        double t = Math.PI * (u + 1); // 0..2pi
        return 0.42 - 0.5 * Math.cos(t) + 0.08 * Math.cos(2 * t);
    }
}
