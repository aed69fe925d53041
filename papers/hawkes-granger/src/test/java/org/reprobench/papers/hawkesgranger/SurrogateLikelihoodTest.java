package org.reprobench.papers.hawkesgranger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SurrogateLikelihoodTest {
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static double total(SurrogateLikelihood lik, double[] mu, double[][] a, boolean surrogate) {
        double[][] theta = SurrogateLikelihood.blocksOf(new double[][] {mu}, new double[][][] {a});
        return Arrays.stream(surrogate ? lik.surrogateLogLikelihood(theta) : lik.logLikelihood(theta)).sum();
    }

    /** Two events (type 0 at t1, type 1 at t2): the log-likelihood written out by hand. */
    @Test
    void twoEventsByHand() {
        double beta = 0.8;
        double t1 = 1.5;
        double t2 = 2.75;
        double[] mu = {0.3, 0.2};
        double[][] a = {{0.4, -0.1}, {0.6, 0.25}};
        EventSequences data = new EventSequences(2, new double[][] {{t1, t2}}, new int[][] {{0, 1}});
        double expected = Math.log(mu[0]) + Math.log(mu[1] + a[1][0] * Math.exp(-beta * (t2 - t1)))
                - t2 * (mu[0] + mu[1])
                + (a[0][0] + a[1][0]) / beta * (Math.exp(-beta * (t2 - t1)) - 1);   // the t2 event adds e^0 - 1 = 0
        try (SurrogateLikelihood lik = SurrogateLikelihood.allTypes(manager, List.of(ExcitationFeatures.of(data, beta)))) {
            assertEquals(expected, total(lik, mu, a, false), 1e-14);
        }
        assertEquals(expected, DirectLikelihood.logLikelihood(data, mu, a, beta, Double.POSITIVE_INFINITY), 1e-14);
    }

    /** DJL evaluation = the quadratic definition, with and without a memory cut. */
    @Test
    void matchesTheDirectSum() {
        EventSequences data = ExcitationFeaturesTest.randomSequences(3, 3, 10, 40, 0.8);
        double[] mu = {0.5, 0.3, 0.4};
        double[][] a = {{0.2, 0.1, 0.0}, {0.3, 0.0, -0.05}, {0.1, 0.2, 0.1}};
        for (double memory : new double[] {Double.POSITIVE_INFINITY, 3}) {
            try (SurrogateLikelihood lik = SurrogateLikelihood.allTypes(manager, List.of(ExcitationFeatures.of(data, 0.8, memory)))) {
                double direct = DirectLikelihood.logLikelihood(data, mu, a, 0.8, memory);
                assertEquals(direct, total(lik, mu, a, false), 1e-10 * Math.abs(direct));
            }
        }
    }

    /** The official gradient is the gradient of the log-likelihood divided by M: central differences. */
    @Test
    void gradientMatchesFiniteDifferences() {
        EventSequences data = ExcitationFeaturesTest.randomSequences(4, 3, 10, 25, 0.8);
        double[] mu = {0.5, 0.3, 0.4};
        double[][] a = {{0.2, 0.1, 0.05}, {0.3, 0.02, -0.05}, {0.1, 0.2, 0.1}};
        for (double memory : new double[] {Double.POSITIVE_INFINITY, 2}) {
            try (SurrogateLikelihood lik = SurrogateLikelihood.allTypes(manager, List.of(ExcitationFeatures.of(data, 0.8, memory)))) {
                double[][] g = lik.gradient(SurrogateLikelihood.blocksOf(new double[][] {mu}, new double[][][] {a}));
                double h = 1e-6;
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j <= 3; j++) {
                        double[] mp = mu.clone();
                        double[] mm = mu.clone();
                        double[][] ap = TwoPhaseFit.deepCopy(a);
                        double[][] am = TwoPhaseFit.deepCopy(a);
                        if (j == 0) {
                            mp[i] += h;
                            mm[i] -= h;
                        } else {
                            ap[i][j - 1] += h;
                            am[i][j - 1] -= h;
                        }
                        double fd = (total(lik, mp, ap, false) - total(lik, mm, am, false)) / (2 * h) / data.sequenceCount();
                        assertEquals(fd, g[i][j], 1e-6 * Math.max(1, Math.abs(fd)), "memory " + memory + " block " + i + " entry " + j);
                    }
                }
            }
        }
    }

    /**
     * Where some linear intensities are negative the exact likelihood is undefined (NaN) and the
     * official gradient drops those events: it is then the gradient of the surrogate.
     */
    @Test
    void negativeIntensitiesAreDroppedBySurrogateAndGradient() {
        EventSequences data = ExcitationFeaturesTest.randomSequences(5, 2, 8, 30, 0.5);
        double[] mu = {0.05, 0.4};
        double[][] a = {{0.1, -0.9}, {0.2, 0.1}};
        try (SurrogateLikelihood lik = SurrogateLikelihood.allTypes(manager, List.of(ExcitationFeatures.of(data, 1.0)))) {
            assertTrue(Double.isNaN(total(lik, mu, a, false)), "some type-0 intensity should be negative here");
            double[][] g = lik.gradient(SurrogateLikelihood.blocksOf(new double[][] {mu}, new double[][][] {a}));
            double h = 1e-7;
            double[][] ap = TwoPhaseFit.deepCopy(a);
            double[][] am = TwoPhaseFit.deepCopy(a);
            ap[0][1] += h;
            am[0][1] -= h;
            double fd = (total(lik, mu, ap, true) - total(lik, mu, am, true)) / (2 * h) / data.sequenceCount();
            assertEquals(fd, g[0][2], 1e-5 * Math.max(1, Math.abs(fd)));
        }
    }

    /** One block on its own, and data sets of different sizes in one padded batch, give the same numbers. */
    @Test
    void blocksAndBatchesAgreeWithSeparateEvaluations() {
        EventSequences small = ExcitationFeaturesTest.randomSequences(6, 3, 3, 10, 0.9);
        EventSequences large = ExcitationFeaturesTest.randomSequences(7, 3, 9, 50, 0.9);
        ExcitationFeatures fs = ExcitationFeatures.of(small, 0.8, 4);
        ExcitationFeatures fl = ExcitationFeatures.of(large, 0.8, 4);
        double[][] mu = {{0.5, 0.3, 0.4}, {0.2, 0.6, 0.1}};
        double[][][] a = {{{0.2, 0.1, 0.05}, {0.3, 0.02, 0.0}, {0.1, 0.2, 0.1}}, {{0.1, 0.0, 0.3}, {0.0, 0.2, 0.1}, {0.4, 0.1, 0.0}}};
        try (SurrogateLikelihood both = SurrogateLikelihood.allTypes(manager, List.of(fs, fl));
             SurrogateLikelihood onlyLarge = SurrogateLikelihood.allTypes(manager, List.of(fl));
             SurrogateLikelihood type2 = SurrogateLikelihood.oneType(manager, fl, 2)) {
            double[][] gBoth = both.gradient(SurrogateLikelihood.blocksOf(mu, a));
            double[][] gLarge = onlyLarge.gradient(SurrogateLikelihood.blocksOf(new double[][] {mu[1]}, new double[][][] {a[1]}));
            double[] gType2 = type2.gradient(new double[][] {SurrogateLikelihood.block(mu[1][2], a[1][2])})[0];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j <= 3; j++) {
                    assertEquals(gLarge[i][j], gBoth[3 + i][j], 1e-12);
                }
            }
            for (int j = 0; j <= 3; j++) {
                assertEquals(gLarge[2][j], gType2[j], 1e-12);
            }
            double[] perSet = SurrogateLikelihood.perDataSet(both.logLikelihood(SurrogateLikelihood.blocksOf(mu, a)), 3);
            assertEquals(DirectLikelihood.logLikelihood(small, mu[0], a[0], 0.8, 4), perSet[0], 1e-10);
            assertEquals(DirectLikelihood.logLikelihood(large, mu[1], a[1], 0.8, 4), perSet[1], 1e-9);
        }
    }

    /** The benchmark's plain-Java comparator computes the same gradient as the DJL path. */
    @Test
    void plainLoopGradientAgreesWithDjl() throws Exception {
        ExcitationFeatures f = ExcitationFeatures.of(ExampleData.load().head(20), ExampleData.BETA, ExampleData.GRADIENT_MEMORY);
        double[][] theta = SurrogateLikelihood.blocksOf(new double[][] {ExampleData.TRUE_MU}, new double[][][] {ExampleData.TRUE_A});
        try (SurrogateLikelihood lik = SurrogateLikelihood.allTypes(manager, List.of(f))) {
            double[][] djl = lik.gradient(theta);
            double[][] plain = LikelihoodGradientBenchmark.plainGradient(f, theta);
            for (int i = 0; i < djl.length; i++) {
                assertArrayEquals(plain[i], djl[i], 1e-10);
            }
        }
    }
}
