package org.reprobench.datasets.audio;

/** Short-time power spectrum |STFT|^2 with a periodic Hann window, as librosa.stft computes it. */
public final class Spectrogram {
    private Spectrogram() {
    }

    /** Periodic Hann window of length w, centred in a frame of length n (zeros outside). */
    public static double[] hann(int w, int n) {
        double[] out = new double[n];
        int off = (n - w) / 2;
        for (int i = 0; i < w; i++) {
            out[off + i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / w);
        }
        return out;
    }

    /** Applies pre-emphasis y[0] = x[0], y[n] = x[n] - a x[n-1]. */
    public static double[] preEmphasis(float[] x, double a) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] - (i > 0 ? a * x[i - 1] : 0);
        }
        return y;
    }

    /** Power spectrum, indexed [frame][bin] (bins 0..nFft/2). */
    public static double[][] power(double[] x, FeatureConfig c) {
        double[] padded = pad(x, c);
        int frames = c.frames(x.length);
        int bins = c.bins();
        double[] window = hann(c.winLength(), c.nFft());
        Fft fft = new Fft(c.nFft());
        double[] frame = new double[c.nFft()];
        double[][] s = new double[frames][bins];
        for (int t = 0; t < frames; t++) {
            int start = t * c.hop();
            for (int i = 0; i < c.nFft(); i++) {
                frame[i] = padded[start + i] * window[i];
            }
            fft.realPower(frame, s[t]);
        }
        return s;
    }

    /** numpy 'reflect' padding (edge sample not repeated) or zeros, nFft/2 each side when centred. */
    static double[] pad(double[] x, FeatureConfig c) {
        if (!c.center()) {
            return x;
        }
        int p = c.nFft() / 2;
        double[] out = new double[x.length + 2 * p];
        System.arraycopy(x, 0, out, p, x.length);
        if (c.reflectPad() && x.length > 1) {
            for (int i = 1; i <= p; i++) {
                out[p - i] = x[reflect(i, x.length)];
                out[p + x.length - 1 + i] = x[reflect(x.length - 1 + i, x.length)];
            }
        }
        return out;
    }

    /** Index i reflected into [0, n) without repeating the edges (period 2n-2). */
    static int reflect(int i, int n) {
        int period = 2 * n - 2;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
