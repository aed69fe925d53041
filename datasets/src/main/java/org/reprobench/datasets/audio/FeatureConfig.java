package org.reprobench.datasets.audio;

/**
 * Parameters of the spectral features, named as librosa names them.
 *
 * @param sampleRate  Hz
 * @param nFft        FFT length (samples)
 * @param winLength   Hann window length (samples), centred in the FFT frame when shorter
 * @param hop         hop between frames (samples)
 * @param nMels       mel bands
 * @param fMin        lowest mel-filter frequency (Hz)
 * @param fMax        highest (Hz)
 * @param nMfcc       DCT coefficients kept
 * @param preEmphasis coefficient of y[n] = x[n] - a x[n-1] (0: none)
 * @param center      pad nFft/2 samples on each side so frame t is centred on sample t*hop
 * @param reflectPad  pad by reflection (librosa before 0.10) rather than zeros (librosa 0.10+)
 * @param topDb       dynamic range kept below the maximum by power_to_db (dB; <= 0: no limit)
 * @param amin        floor of the power before the logarithm
 */
public record FeatureConfig(int sampleRate, int nFft, int winLength, int hop, int nMels, double fMin, double fMax, int nMfcc,
                            double preEmphasis, boolean center, boolean reflectPad, double topDb, double amin) {

    public FeatureConfig {
        if (winLength > nFft || hop < 1 || nMels < 1 || nMfcc > nMels || fMax > sampleRate / 2.0 || fMin < 0 || fMin >= fMax) {
            throw new IllegalArgumentException("inconsistent feature parameters: " + this);
        }
    }

    /**
     * The MFCC setting of the MAML spoken-word paper's code (config/conversion_method/mfcc.yaml,
     * librosa defaults otherwise): 16 kHz, n_fft = win_length = 400 (25 ms), hop 160 (10 ms),
     * 128 Slaney mel bands from 64 to 8000 Hz, 13 MFCCs, pre-emphasis 0.97, centred frames with
     * reflection padding (librosa < 0.10, which the code's positional calls require), power_to_db
     * with ref 1, amin 1e-10, top_db 80.
     */
    public static FeatureConfig mamlSpokenWords() {
        return new FeatureConfig(16_000, 400, 400, 160, 128, 64, 8000, 13, 0.97, true, true, 80, 1e-10);
    }

    /** Frames of a signal of n samples. */
    public int frames(int n) {
        int padded = center ? n + 2 * (nFft / 2) : n;
        return padded < nFft ? 0 : 1 + (padded - nFft) / hop;
    }

    public int bins() {
        return nFft / 2 + 1;
    }
}
