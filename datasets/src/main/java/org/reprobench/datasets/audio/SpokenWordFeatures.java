package org.reprobench.datasets.audio;

/**
 * The MFCC-39 input of the MAML spoken-word paper's code: 13 MFCCs (see
 * {@link FeatureConfig#mamlSpokenWords()}), their deltas and delta-deltas (width 9), stacked into
 * 39 rows, normalised globally (one mean and one standard deviation over the whole matrix), then
 * zero-padded at the end or cut to 101 frames (1 s at a 10 ms hop). A clip shorter than the delta
 * window is first zero-padded to 101 frames of MFCCs, as that code does.
 */
public final class SpokenWordFeatures {
    public static final int ROWS = 39;
    public static final int FRAMES = 101;
    public static final int DELTA_WIDTH = 9;

    private SpokenWordFeatures() {
    }

    /** MFCC-39 of a clip, row-major [row][frame], length 39 * 101. */
    public static float[] mfcc39(float[] samples) {
        return mfcc39(samples, FeatureConfig.mamlSpokenWords());
    }

    public static float[] mfcc39(float[] samples, FeatureConfig config) {
        double[][] m = Mfcc.compute(samples, config);
        int frames = m.length == 0 ? 0 : m[0].length;
        if (frames < DELTA_WIDTH) {
            m = padFrames(m, FRAMES);
            frames = FRAMES;
        }
        double[][] d1 = Deltas.delta(m, DELTA_WIDTH, 1);
        double[][] d2 = Deltas.delta(m, DELTA_WIDTH, 2);
        int rows = 3 * m.length;
        double[][] all = new double[rows][];
        for (int i = 0; i < m.length; i++) {
            all[i] = m[i];
            all[m.length + i] = d1[i];
            all[2 * m.length + i] = d2[i];
        }
        double sum = 0;
        double sq = 0;
        for (double[] row : all) {
            for (double v : row) {
                sum += v;
                sq += v * v;
            }
        }
        double count = (double) rows * frames;
        double mean = sum / count;
        double std = Math.sqrt(Math.max(0, sq / count - mean * mean));
        float[] out = new float[rows * FRAMES];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < Math.min(frames, FRAMES); t++) {
                out[r * FRAMES + t] = (float) (std > 0 ? (all[r][t] - mean) / std : 0);
            }
        }
        return out;
    }

    static double[][] padFrames(double[][] m, int frames) {
        double[][] out = new double[m.length][frames];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out[i], 0, Math.min(frames, m[i].length));
        }
        return out;
    }
}
