package org.reprobench.datasets.audio;

/** Mel power spectrogram and its decibel form ({@code librosa.feature.melspectrogram} + {@code power_to_db}). */
public final class LogMel {
    private LogMel() {
    }

    /** Mel power spectrogram [band][frame] of a signal (pre-emphasis applied when configured). */
    public static double[][] melPower(float[] x, FeatureConfig c) {
        double[][] s = Spectrogram.power(Spectrogram.preEmphasis(x, c.preEmphasis()), c);
        double[][] w = MelFilterBank.cachedWeights(c);
        int frames = s.length;
        double[][] m = new double[c.nMels()][frames];
        for (int b = 0; b < c.nMels(); b++) {
            double[] wb = w[b];
            int lo = 0;
            while (lo < wb.length && wb[lo] == 0) {
                lo++;
            }
            int hi = wb.length - 1;
            while (hi >= lo && wb[hi] == 0) {
                hi--;
            }
            for (int t = 0; t < frames; t++) {
                double acc = 0;
                for (int k = lo; k <= hi; k++) {
                    acc += wb[k] * s[t][k];
                }
                m[b][t] = acc;
            }
        }
        return m;
    }

    /** Log-mel spectrogram in dB [band][frame]: 10 log10(max(amin, S)), floored at max - topDb. */
    public static double[][] compute(float[] x, FeatureConfig c) {
        return powerToDb(melPower(x, c), c.amin(), c.topDb());
    }

    /** {@code librosa.power_to_db(S, ref=1.0, amin, top_db)}. */
    public static double[][] powerToDb(double[][] s, double amin, double topDb) {
        double max = Double.NEGATIVE_INFINITY;
        double[][] out = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = new double[s[i].length];
            for (int t = 0; t < s[i].length; t++) {
                out[i][t] = 10 * Math.log10(Math.max(amin, s[i][t]));
                max = Math.max(max, out[i][t]);
            }
        }
        if (topDb > 0) {
            double floor = max - topDb;
            for (double[] row : out) {
                for (int t = 0; t < row.length; t++) {
                    row[t] = Math.max(row[t], floor);
                }
            }
        }
        return out;
    }
}
