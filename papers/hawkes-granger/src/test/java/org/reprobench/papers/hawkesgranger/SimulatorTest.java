package org.reprobench.papers.hawkesgranger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    /**
     * 1-D Hawkes, mu = 0.5, A = 0.4, beta = 0.8 (branching ratio n = A / beta = 0.5):
     * E N(T) = mu T / (1 - n) - mu n (1 - e^{-beta (1 - n) T}) / (beta (1 - n)^2) = 198.75 at T = 200.
     * The count's sd per sequence is about sqrt(mu T / (1 - n)^3) = 28, so 400 sequences give
     * the mean to about 0.7 %; allow 3 %.
     */
    @Test
    void meanCountMatchesTheClosedForm() {
        double mu = 0.5;
        double a = 0.4;
        double beta = 0.8;
        double horizon = 200;
        double n = a / beta;
        double expected = mu * horizon / (1 - n) - mu * n * (1 - Math.exp(-beta * (1 - n) * horizon)) / (beta * (1 - n) * (1 - n));
        EventSequences data = ReluHawkesSimulator.generate(new Mt19937(11), new double[] {mu}, new double[][] {{a}}, beta, horizon, 400);
        double mean = (double) data.eventCount() / data.sequenceCount();
        assertEquals(198.75, expected, 1e-9);
        assertEquals(expected, mean, 0.03 * expected);
    }

    /**
     * Time rescaling with strong inhibition: between consecutive events the compensator of the
     * total ReLU intensity is Exp(1) distributed if the sampler is exact. Kolmogorov-Smirnov at
     * the 1 % level (sqrt(n) D &lt; 1.628). The official sampler, whose dominating rate is not a
     * bound once inhibition decays, fails the same test: the check has power.
     */
    @Test
    void rescaledWaitingTimesAreUnitExponential() {
        double[] mu = {0.4, 0.3};
        double[][] a = {{0.3, -1.5}, {0.8, 0.0}};
        double exact = scaledKs(ReluHawkesSimulator.generate(new Mt19937(12), mu, a, 1.0, 150, 40), mu, a, 1.0);
        double official = scaledKs(OfficialThinning.generate(new Mt19937(12), mu, a, 1.0, 150, 40), mu, a, 1.0);
        assertTrue(exact < 1.628, "exact sampler: sqrt(n) KS = " + exact);
        assertTrue(official > 1.628, "official sampler: sqrt(n) KS = " + official);
    }

    /** sqrt(n) times the KS distance of the rescaled waiting times to Exp(1). */
    static double scaledKs(EventSequences data, double[] mu, double[][] a, double beta) {
        List<Double> rescaled = new ArrayList<>();
        for (int s = 0; s < data.sequenceCount(); s++) {
            double[] t = data.times(s);
            int[] u = data.marks(s);
            double[] history = new double[mu.length]; // sum_k A[i, u_k] e^{-beta (t_prev - t_k)} over past events
            double previous = 0;
            for (int k = 0; k < t.length; k++) {
                double z = 0;
                for (int i = 0; i < mu.length; i++) {
                    z += reluIntegral(mu[i], history[i], beta, t[k] - previous);
                }
                rescaled.add(z);
                for (int i = 0; i < mu.length; i++) {
                    history[i] = history[i] * Math.exp(-beta * (t[k] - previous)) + a[i][u[k]];
                }
                previous = t[k];
            }
        }
        double[] z = rescaled.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertTrue(z.length > 1000, "enough events: " + z.length);
        double ks = 0;
        for (int i = 0; i < z.length; i++) {
            double cdf = 1 - Math.exp(-z[i]);
            ks = Math.max(ks, Math.max((i + 1.0) / z.length - cdf, cdf - (double) i / z.length));
        }
        return ks * Math.sqrt(z.length);
    }

    /**
     * The integral over [0, w] of max(0, mu + h e^{-beta s}) with mu &gt;= 0, in closed form. With
     * h &lt; 0 the intensity rises; it is 0 until s* = ln(-h / mu) / beta when that is positive.
     */
    static double reluIntegral(double mu, double h, double beta, double w) {
        double start = 0;
        if (h < 0 && mu + h < 0) {
            if (mu <= 0) {
                return 0;
            }
            start = Math.log(-h / mu) / beta;
            if (start >= w) {
                return 0;
            }
        }
        return mu * (w - start) + h / beta * (Math.exp(-beta * start) - Math.exp(-beta * w));
    }

    @Test
    void reluIntegralByHand() {
        // mu = 1, h = -2, beta = ln 2: zero until s* = 1, then 1 - 2^{1-s}; over [0, 3]: 2 - 2 (1/2 - 1/8) / ln 2
        double expected = 2 - 2 * (0.5 - 0.125) / Math.log(2);
        assertEquals(expected, reluIntegral(1, -2, Math.log(2), 3), 1e-14);
        assertEquals(0.7 * 2 + 0.3 / 1.5 * (1 - Math.exp(-3)), reluIntegral(0.7, 0.3, 1.5, 2), 1e-14);
        assertEquals(0, reluIntegral(0, -0.4, 1, 5), 0);
    }

    /**
     * The official simulator, re-implemented, regenerates the README example from numpy seed 1234:
     * the same 12,447 events, types identical, times equal bit for bit to the shipped file (whose
     * times are printed with 17 significant digits, so they parse back exactly).
     */
    @Test
    void officialThinningRegeneratesTheExampleData() throws Exception {
        EventSequences shipped = ExampleData.load();
        EventSequences ours = OfficialThinning.generate(new Mt19937(ExampleData.DATA_SEED), ExampleData.TRUE_MU, ExampleData.TRUE_A,
                ExampleData.BETA, ExampleData.HORIZON, ExampleData.SEQUENCES);
        assertEquals(12447, shipped.eventCount());
        assertEquals(shipped.eventCount(), ours.eventCount());
        for (int s = 0; s < shipped.sequenceCount(); s++) {
            assertArrayEquals(shipped.marks(s), ours.marks(s), "types of sequence " + s);
            assertArrayEquals(shipped.times(s), ours.times(s), 0.0, "times of sequence " + s + " (bit for bit)");
        }
        assertArrayEquals(new int[] {2433, 2910, 3347, 2810, 947}, ours.countsByType());
    }

    @Test
    void exactSamplerStaysInsideTheHorizonAndOrdersTimes() {
        EventSequences data = ReluHawkesSimulator.generate(new Mt19937(13), ExampleData.TRUE_MU, ExampleData.TRUE_A, 0.8, 50, 5);
        for (int s = 0; s < data.sequenceCount(); s++) {
            double[] t = data.times(s);
            assertTrue(Arrays.stream(t).allMatch(x -> x > 0 && x <= 50));
        }
    }
}
