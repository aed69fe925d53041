package org.reprobench.papers.hawkesgranger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExcitationFeaturesTest {

    static EventSequences randomSequences(long seed, int types, int sequences, int maxEvents, double meanGap) {
        Random r = new Random(seed);
        double[][] t = new double[sequences][];
        int[][] u = new int[sequences][];
        for (int s = 0; s < sequences; s++) {
            int n = 1 + r.nextInt(maxEvents);
            t[s] = new double[n];
            u[s] = new int[n];
            double time = 0;
            for (int k = 0; k < n; k++) {
                time += -meanGap * Math.log(1 - r.nextDouble()) + 1e-9;
                t[s][k] = time;
                u[s][k] = r.nextInt(types);
            }
        }
        return new EventSequences(types, t, u);
    }

    /** The recursion with a sliding window against the definition, summed pair by pair. */
    @Test
    void recursionMatchesTheDefinition() {
        double beta = 0.8;
        EventSequences data = randomSequences(1, 3, 12, 60, 0.7);
        for (double memory : new double[] {Double.POSITIVE_INFINITY, 8, 2.5, 0.3}) {
            ExcitationFeatures f = ExcitationFeatures.of(data, beta, memory);
            int row = 0;
            for (int s = 0; s < data.sequenceCount(); s++) {
                double[] t = data.times(s);
                int[] u = data.marks(s);
                for (int n = 0; n < t.length; n++, row++) {
                    double[] expected = new double[3];
                    for (int k = 0; k < n; k++) {
                        if (t[n] - t[k] < memory) {
                            expected[u[k]] += Math.exp(-beta * (t[n] - t[k]));
                        }
                    }
                    for (int j = 0; j < 3; j++) {
                        assertEquals(expected[j], f.feature(row, j), 1e-13, "memory " + memory + " event " + row + " type " + j);
                    }
                }
            }
        }
    }

    /** G_j = sum over type-j events of (1 - e^{-beta (t_N - t_n)}) / beta, and sum of t_N. */
    @Test
    void compensatorTermsMatchTheirFormula() {
        double beta = 1.3;
        EventSequences data = randomSequences(2, 4, 7, 30, 1.0);
        ExcitationFeatures f = ExcitationFeatures.of(data, beta, 5);
        double[] g = new double[4];
        double last = 0;
        for (int s = 0; s < data.sequenceCount(); s++) {
            double[] t = data.times(s);
            int[] u = data.marks(s);
            double tN = t[t.length - 1];
            last += tN;
            for (int n = 0; n < t.length; n++) {
                g[u[n]] += (1 - Math.exp(-beta * (tN - t[n]))) / beta;
            }
        }
        for (int j = 0; j < 4; j++) {
            assertEquals(g[j], f.compensatorWeights()[j], 1e-12);
        }
        assertEquals(last, f.lastTimeSum(), 1e-12);
        assertEquals(data.eventCount(), f.events());
    }

    @Test
    void firstEventOfASequenceHasNoHistory() {
        EventSequences data = new EventSequences(2, new double[][] {{1.0, 2.0}, {0.5}}, new int[][] {{0, 1}, {1}});
        ExcitationFeatures f = ExcitationFeatures.of(data, 1.0);
        assertEquals(0, f.feature(0, 0), 0);
        assertEquals(Math.exp(-1.0), f.feature(1, 0), 1e-15);
        assertEquals(0, f.feature(2, 0), 0); // a new sequence starts empty
        assertEquals(0, f.feature(2, 1), 0);
    }
}
