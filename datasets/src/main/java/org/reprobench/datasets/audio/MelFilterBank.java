package org.reprobench.datasets.audio;

/**
 * Triangular mel filters on the Slaney mel scale with Slaney area normalisation, the librosa
 * default ({@code librosa.filters.mel(htk=False, norm='slaney')}). The Slaney scale is linear
 * below 1 kHz (200/3 Hz per mel) and logarithmic above (27 mels per factor 6.4).
 */
public final class MelFilterBank {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private MelFilterBank() {
    }

    public static double hzToMel(double hz) {
        return hz < MIN_LOG_HZ ? hz / F_SP : MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
    }

    public static double melToHz(double mel) {
        return mel < MIN_LOG_MEL ? F_SP * mel : MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
    }

    /** The n+2 band edges (Hz), equally spaced in mel between fMin and fMax; band i peaks at edge i+1. */
    public static double[] edges(int nMels, double fMin, double fMax) {
        double lo = hzToMel(fMin);
        double hi = hzToMel(fMax);
        double[] out = new double[nMels + 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = melToHz(lo + (hi - lo) * i / (nMels + 1));
        }
        return out;
    }

    private static final java.util.Map<FeatureConfig, double[][]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #weights} computed once per configuration (callers must not modify the result). */
    static double[][] cachedWeights(FeatureConfig c) {
        return CACHE.computeIfAbsent(c, MelFilterBank::weights);
    }

    /** Weights [band][bin] for bins 0..nFft/2. */
    public static double[][] weights(FeatureConfig c) {
        int bins = c.bins();
        double[] f = edges(c.nMels(), c.fMin(), c.fMax());
        double[][] w = new double[c.nMels()][bins];
        for (int i = 0; i < c.nMels(); i++) {
            double enorm = 2.0 / (f[i + 2] - f[i]);
            for (int k = 0; k < bins; k++) {
                double hz = k * (double) c.sampleRate() / c.nFft();
                double lower = (hz - f[i]) / (f[i + 1] - f[i]);
                double upper = (f[i + 2] - hz) / (f[i + 2] - f[i + 1]);
                w[i][k] = Math.max(0, Math.min(lower, upper)) * enorm;
            }
        }
        return w;
    }
}
