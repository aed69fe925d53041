package org.reprobench.datasets.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Spectral features checked against hand computations on synthetic signals. */
class FeaturesTest {
    private static final FeatureConfig MAML = FeatureConfig.mamlSpokenWords();
    /** The same without pre-emphasis, so that a tone's spectrum has its textbook values. */
    private static final FeatureConfig PLAIN = new FeatureConfig(16_000, 400, 400, 160, 128, 64, 8000, 13, 0, true, true, 80, 1e-10);

    static float[] tone(double hz, double amplitude, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / 16_000));
        }
        return x;
    }

    @Test
    void fftMatchesTheDefinitionForMixedRadixAndPrimeLengths() {
        for (int n : new int[] {1, 2, 7, 12, 400, 512}) {
            Random r = new Random(n);
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = r.nextGaussian();
                im[i] = r.nextGaussian();
            }
            double[] outRe = new double[n];
            double[] outIm = new double[n];
            new Fft(n).transform(re, im, outRe, outIm);
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < n; j++) {
                    double a = -2 * Math.PI * k * j / n;
                    sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                    si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
                }
                assertEquals(sr, outRe[k], 1e-9 * n, "n=" + n + " k=" + k);
                assertEquals(si, outIm[k], 1e-9 * n, "n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void realPowerThroughAHalfLengthTransformMatchesTheFullTransform() {
        for (int n : new int[] {2, 4, 6, 10, 400, 512, 9}) {
            Random r = new Random(n);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian();
            }
            double[] outRe = new double[n];
            double[] outIm = new double[n];
            Fft fft = new Fft(n);
            fft.transform(x, new double[n], outRe, outIm);
            double[] power = new double[n / 2 + 1];
            fft.realPower(x, power);
            for (int k = 0; k <= n / 2; k++) {
                double expected = outRe[k] * outRe[k] + outIm[k] * outIm[k];
                assertEquals(expected, power[k], 1e-9 * (1 + expected), "n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void powerSpectrumOfABinCentredToneHasItsHandComputedValues() {
        // 1000 Hz = bin 25 of a 400-point FFT at 16 kHz: exactly 25 periods per frame. The periodic
        // Hann window sums to N/2 and its DFT is N/2 at 0 and -N/4 at +-1 bin, so a sine of
        // amplitude A gives |X[25]| = A N/4 and |X[24]| = |X[26]| = A N/8, zero elsewhere nearby.
        double a = 0.5;
        double[][] s = Spectrogram.power(Spectrogram.preEmphasis(tone(1000, a, 16_000), 0), PLAIN);
        assertEquals(101, s.length, "1 + 16000/160 centred frames");
        double[] frame = s[50];
        assertEquals(Math.pow(a * 400 / 4, 2), frame[25], 1e-6 * frame[25]);
        assertEquals(Math.pow(a * 400 / 8, 2), frame[24], 1e-6 * frame[25]);
        assertEquals(Math.pow(a * 400 / 8, 2), frame[26], 1e-6 * frame[25]);
        assertEquals(0, frame[23], 1e-6 * frame[25]);
        assertEquals(0, frame[100], 1e-6 * frame[25]);
    }

    @Test
    void reflectionPaddingIsNumpys() {
        FeatureConfig c = new FeatureConfig(16_000, 4, 4, 1, 1, 0, 8000, 1, 0, true, true, 0, 1e-10);
        assertArrayEquals(new double[] {3, 2, 1, 2, 3, 4, 3, 2}, Spectrogram.pad(new double[] {1, 2, 3, 4}, c));
        FeatureConfig zeros = new FeatureConfig(16_000, 4, 4, 1, 1, 0, 8000, 1, 0, true, false, 0, 1e-10);
        assertArrayEquals(new double[] {0, 0, 1, 2, 3, 4, 0, 0}, Spectrogram.pad(new double[] {1, 2, 3, 4}, zeros));
    }

    @Test
    void slaneyMelScaleAtHandComputedPoints() {
        assertEquals(7.5, MelFilterBank.hzToMel(500), 1e-12, "linear below 1 kHz: 200/3 Hz per mel");
        assertEquals(15.0, MelFilterBank.hzToMel(1000), 1e-12);
        assertEquals(42.0, MelFilterBank.hzToMel(6400), 1e-9, "27 mels per factor 6.4 above 1 kHz");
        assertEquals(4321.0, MelFilterBank.melToHz(MelFilterBank.hzToMel(4321)), 1e-9);
        double[] edges = MelFilterBank.edges(128, 64, 8000);
        assertEquals(64, edges[0], 1e-9);
        assertEquals(8000, edges[129], 1e-9);
    }

    @Test
    void eachMelFilterIsATrianglePeakingAtItsCentreWithSlaneyArea() {
        double[][] w = MelFilterBank.weights(MAML);
        double[] f = MelFilterBank.edges(128, 64, 8000);
        for (int i = 0; i < 128; i++) {
            // Slaney normalisation: peak height 2 / (upper edge - lower edge), i.e. unit area in Hz.
            double peak = 2 / (f[i + 2] - f[i]);
            for (int k = 0; k < w[i].length; k++) {
                double hz = k * 40.0;
                assertTrue(w[i][k] >= 0 && w[i][k] <= peak + 1e-12);
                if (hz <= f[i] || hz >= f[i + 2]) {
                    assertEquals(0, w[i][k], 1e-15, "band " + i + " bin " + k);
                }
            }
        }
    }

    @Test
    void aToneLightsTheMelBandWhoseCentreIsNearest() {
        // Hand computation: mel(64 Hz) = 0.96, mel(8 kHz) = 45.2455, 129 steps of 0.343299 mel;
        // band i peaks at mel 0.96 + (i+1) 0.343299, so band 40 peaks at 1002.4 Hz and band 39 at
        // 979.5 Hz. The 1 kHz tone sits at 89.5 % of band 40's rising edge, so band 40 wins.
        double[][] logMel = LogMel.compute(tone(1000, 0.5, 16_000), PLAIN);
        assertEquals(40, argMax(logMel, 50));
        // And for 3 kHz: mel(3000) = 15 + ln(3)/0.0687517 = 30.979; (30.979 - 0.96)/0.343299 = 87.44,
        // so band 86 (peak at edge 87, 2991 Hz) is the nearest.
        assertEquals(86, argMax(LogMel.compute(tone(3000, 0.5, 16_000), PLAIN), 50));
    }

    private static int argMax(double[][] bandsByFrame, int frame) {
        int best = 0;
        for (int b = 1; b < bandsByFrame.length; b++) {
            if (bandsByFrame[b][frame] > bandsByFrame[best][frame]) {
                best = b;
            }
        }
        return best;
    }

    @Test
    void powerToDbFloorsAtAminAndTopDb() {
        double[][] db = LogMel.powerToDb(new double[][] {{1, 1e-3, 0}, {1e-12, 10, 100}}, 1e-10, 80);
        assertArrayEquals(new double[] {0, -30, -60}, db[0], 1e-9, "100 dB peak - 80 = -60 floor");
        assertArrayEquals(new double[] {-60, 10, 20}, db[1], 1e-9);
        double[][] noTop = LogMel.powerToDb(new double[][] {{0, 1}}, 1e-10, 0);
        assertArrayEquals(new double[] {-100, 0}, noTop[0], 1e-9);
    }

    @Test
    void orthonormalDctOfKnownVectors() {
        double[] constant = new double[128];
        java.util.Arrays.fill(constant, 2.0);
        double[] y = Mfcc.dct(constant, 13);
        assertEquals(2.0 * Math.sqrt(128), y[0], 1e-9);
        for (int k = 1; k < 13; k++) {
            assertEquals(0, y[k], 1e-9);
        }
        double[] cosine = new double[128];
        for (int n = 0; n < 128; n++) {
            cosine[n] = Math.cos(Math.PI * 3 * (2 * n + 1) / 256.0);
        }
        double[] z = Mfcc.dct(cosine, 13);
        for (int k = 0; k < 13; k++) {
            assertEquals(k == 3 ? 8.0 : 0.0, z[k], 1e-9, "sqrt(N/2) = 8 at k = 3");
        }
    }

    @Test
    void mfccOfSilenceIsTheDctOfTheAminFloor() {
        // Every mel power is 0 -> 10 log10(1e-10) = -100 dB in every band; the orthonormal DCT of a
        // constant -100 over 128 bands is -100 sqrt(128) = -1131.37 at 0 and 0 elsewhere.
        double[][] m = Mfcc.compute(new float[16_000], MAML);
        assertEquals(13, m.length);
        assertEquals(101, m[0].length);
        for (int t = 0; t < 101; t++) {
            assertEquals(-100 * Math.sqrt(128), m[0][t], 1e-6);
            for (int k = 1; k < 13; k++) {
                assertEquals(0, m[k][t], 1e-6);
            }
        }
    }

    @Test
    void deltasAreSavitzkyGolayWithInterpolatedEdges() {
        int frames = 20;
        double[][] ramp = new double[1][frames];
        double[][] square = new double[1][frames];
        for (int t = 0; t < frames; t++) {
            ramp[0][t] = 3 * t + 1;
            square[0][t] = t * t;
        }
        for (double v : Deltas.delta(ramp, 9, 1)[0]) {
            assertEquals(3, v, 1e-9);
        }
        for (double v : Deltas.delta(ramp, 9, 2)[0]) {
            assertEquals(0, v, 1e-9);
        }
        for (double v : Deltas.delta(square, 9, 2)[0]) {
            assertEquals(2, v, 1e-9, "a quadratic fit is exact: second derivative 2 everywhere");
        }
        double[] d1 = Deltas.delta(square, 9, 1)[0];
        for (int t = 0; t < frames; t++) {
            // A line fitted to t^2 over a symmetric window has the slope at the window's centre, 2c;
            // the first and last 4 frames use the first and last full windows (centres 4 and 15).
            double centre = t < 4 ? 4 : t > frames - 5 ? frames - 5 : t;
            assertEquals(2 * centre, d1[t], 1e-9, "t=" + t);
        }
        // The interior first-order filter is the classic k / 60 over k = -4..4.
        double[] c = Deltas.savgolCoefficients(4, 1, 1, 0);
        for (int k = -4; k <= 4; k++) {
            assertEquals(k / 60.0, c[k + 4], 1e-12);
        }
    }

    @Test
    void mfcc39IsNormalisedAndHasTheFixedShape() {
        float[] f = SpokenWordFeatures.mfcc39(tone(700, 0.3, 16_000));
        assertEquals(39 * 101, f.length);
        double mean = 0;
        double sq = 0;
        for (float v : f) {
            mean += v;
            sq += v * v;
        }
        mean /= f.length;
        assertEquals(0, mean, 1e-5);
        assertEquals(1, Math.sqrt(sq / f.length - mean * mean), 1e-4);

        float[] shortClip = SpokenWordFeatures.mfcc39(tone(700, 0.3, 800)); // 6 frames < delta width
        assertEquals(39 * 101, shortClip.length, "padded to 101 frames before the deltas");
        float[] longClip = SpokenWordFeatures.mfcc39(tone(700, 0.3, 24_000));
        assertEquals(39 * 101, longClip.length, "cut to 101 frames");
    }
}
