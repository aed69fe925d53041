package org.reprobench.datasets.audio;

/** MFCCs as {@code librosa.feature.mfcc}: the orthonormal DCT-II of the log-mel spectrogram (dB) along the bands. */
public final class Mfcc {
    private Mfcc() {
    }

    /** [coefficient][frame], nMfcc coefficients. */
    public static double[][] compute(float[] x, FeatureConfig c) {
        return fromLogMel(LogMel.compute(x, c), c.nMfcc());
    }

    public static double[][] fromLogMel(double[][] logMel, int nMfcc) {
        int bands = logMel.length;
        int frames = bands == 0 ? 0 : logMel[0].length;
        double[][] basis = dctBasis(nMfcc, bands);
        double[][] out = new double[nMfcc][frames];
        for (int k = 0; k < nMfcc; k++) {
            for (int t = 0; t < frames; t++) {
                double acc = 0;
                for (int b = 0; b < bands; b++) {
                    acc += basis[k][b] * logMel[b][t];
                }
                out[k][t] = acc;
            }
        }
        return out;
    }

    /** Orthonormal DCT-II of one vector, first k coefficients (scipy.fftpack.dct(type=2, norm='ortho')). */
    public static double[] dct(double[] x, int k) {
        double[][] basis = dctBasis(k, x.length);
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            for (int n = 0; n < x.length; n++) {
                y[i] += basis[i][n] * x[n];
            }
        }
        return y;
    }

    /** Rows of the orthonormal DCT-II matrix: sqrt(2/N) cos(pi k (2n+1) / 2N), row 0 scaled to sqrt(1/N). */
    static double[][] dctBasis(int k, int n) {
        double[][] b = new double[k][n];
        for (int i = 0; i < k; i++) {
            double scale = i == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
            for (int j = 0; j < n; j++) {
                b[i][j] = scale * Math.cos(Math.PI * i * (2 * j + 1) / (2.0 * n));
            }
        }
        return b;
    }
}
