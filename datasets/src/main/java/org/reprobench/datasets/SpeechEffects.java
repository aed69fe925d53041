package org.reprobench.datasets;

/** Small channel effects for the synthetic spoken words: telephone band and a room reverb. */
final class SpeechEffects {
    private SpeechEffects() {
    }

    /** 300-3400 Hz telephone band: second-order high-pass then low-pass (RBJ biquads, Q = 0.707). */
    static float[] telephone(float[] x, int rate) {
        return biquad(biquad(x, rate, 300, true), rate, 3400, false);
    }

    static float[] biquad(float[] x, int rate, double f0, boolean highPass) {
        double w = 2 * Math.PI * f0 / rate;
        double alpha = Math.sin(w) / (2 * 0.7071);
        double cos = Math.cos(w);
        double b0 = highPass ? (1 + cos) / 2 : (1 - cos) / 2;
        double b1 = highPass ? -(1 + cos) : 1 - cos;
        double b2 = b0;
        double a0 = 1 + alpha;
        double a1 = -2 * cos;
        double a2 = 1 - alpha;
        float[] y = new float[x.length];
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double v = (b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = v;
            y[i] = (float) v;
        }
        return y;
    }

    /**
     * Schroeder reverb: four parallel feedback combs and two all-passes, mixed with the dry
     * signal. {@code size} in [0,1] sets the decay; {@code wet} the mix. The output is longer than
     * the input by the tail (0.25 s).
     */
    static float[] reverb(float[] x, int rate, double size, double wet) {
        int tail = rate / 4;
        float[] in = WavFile.fit(x, x.length + tail);
        double[] combMs = {29.7, 37.1, 41.1, 43.7};
        double feedback = 0.70 + 0.25 * size;
        double[] acc = new double[in.length];
        for (double ms : combMs) {
            int d = (int) (ms * rate / 1000);
            double[] buf = new double[in.length];
            for (int i = 0; i < in.length; i++) {
                buf[i] = in[i] + (i >= d ? feedback * buf[i - d] : 0);
                acc[i] += buf[i] / combMs.length;
            }
        }
        for (double ms : new double[] {5.0, 1.7}) {
            int d = (int) (ms * rate / 1000);
            double g = 0.7;
            double[] out = new double[acc.length];
            for (int i = 0; i < acc.length; i++) {
                double delayedIn = i >= d ? acc[i - d] : 0;
                double delayedOut = i >= d ? out[i - d] : 0;
                out[i] = -g * acc[i] + delayedIn + g * delayedOut;
            }
            acc = out;
        }
        float[] y = new float[in.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) ((1 - wet) * in[i] + wet * acc[i]);
        }
        return y;
    }
}
