package org.reprobench.papers.byzsgdnm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Aggregators on small fixed vectors, against hand computations. */
class AggregatorTest {
    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    /** {@code (R, n, d)} from rows given as doubles (float64 so that hand values compare tightly). */
    private NDArray block(double[][][] runs) {
        int r = runs.length;
        int n = runs[0].length;
        int d = runs[0][0].length;
        double[] flat = new double[r * n * d];
        for (int i = 0; i < r; i++) {
            for (int k = 0; k < n; k++) {
                System.arraycopy(runs[i][k], 0, flat, (i * n + k) * d, d);
            }
        }
        return m.create(flat, new Shape(r, n, d));
    }

    private static double[] row(NDArray a, int r) {
        return a.get(r).toType(DataType.FLOAT64, false).toDoubleArray();
    }

    @Test
    void coordinateMedianEvenAndOdd() {
        // Two runs of 8 workers in 2-D: the median of an even count is the mean of the middle two.
        NDArray u = block(new double[][][] {
            {{5, 0}, {1, 7}, {9, 2}, {3, 3}, {7, 1}, {2, 8}, {8, 4}, {4, 6}},
            {{0, 0}, {0, 0}, {0, 0}, {1, 1}, {2, 2}, {100, -100}, {100, -100}, {100, -100}}});
        NDArray med = new CoordinateMedian().aggregate(u);
        assertArrayEquals(new double[] {4.5, 3.5}, row(med, 0), 1e-12); // sorted x: 1 2 3 4 5 7 8 9
        assertArrayEquals(new double[] {1.5, 0}, row(med, 1), 1e-12); // sorted x: 0 0 0 1 2 100 ..; y: -100 x3, 0 0 0 1 2
        NDArray odd = block(new double[][][] {{{3}, {-1}, {10}, {2}, {7}}});
        assertArrayEquals(new double[] {3}, row(new CoordinateMedian().aggregate(odd), 0), 0);
    }

    /** The comparator network sorts every 0/1 input (the 0-1 principle), for n = 1..12. */
    @Test
    void sortingNetworkSortsAllZeroOneInputs() {
        for (int n = 1; n <= 12; n++) {
            List<int[]> net = SortingNetwork.comparators(n);
            for (int mask = 0; mask < (1 << n); mask++) {
                int[] x = new int[n];
                for (int i = 0; i < n; i++) {
                    x[i] = (mask >> i) & 1;
                }
                int[] sorted = x.clone();
                Arrays.sort(sorted);
                for (int[] c : net) {
                    if (x[c[0]] > x[c[1]]) {
                        int t = x[c[0]];
                        x[c[0]] = x[c[1]];
                        x[c[1]] = t;
                    }
                }
                assertArrayEquals(sorted, x, "n = " + n);
            }
        }
        assertEquals(19, SortingNetwork.comparators(8).size());
    }

    /** The pruned network still puts the right values at the median positions, on random inputs. */
    @Test
    void prunedNetworkGivesTheMedianPositions() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n = 2; n <= 11; n++) {
            int lo = (n - 1) / 2;
            int hi = n / 2;
            List<int[]> net = SortingNetwork.comparatorsFor(n, lo, hi);
            assertTrue(net.size() <= SortingNetwork.comparators(n).size());
            for (int trial = 0; trial < 200; trial++) {
                double[] x = r.doubles(n).toArray();
                double[] sorted = x.clone();
                Arrays.sort(sorted);
                for (int[] c : net) {
                    double a = Math.min(x[c[0]], x[c[1]]);
                    x[c[1]] = Math.max(x[c[0]], x[c[1]]);
                    x[c[0]] = a;
                }
                assertEquals(sorted[lo], x[lo], 0);
                assertEquals(sorted[hi], x[hi], 0);
            }
        }
    }

    @Test
    void geometricMedianWeiszfeldSteps() {
        // One smoothed Weiszfeld step from 0: weights 1/||x_k|| = 1/5, 1/2, 1 (nu = 0.1 not active).
        NDArray u = block(new double[][][] {{{3, 4}, {0, 2}, {1, 0}}});
        NDArray z1 = new GeometricMedian(1, 0.1).aggregate(u);
        assertArrayEquals(new double[] {1.6 / 1.7, 1.8 / 1.7}, row(z1, 0), 1e-12);
        // Second step by hand from z1.
        double[] z = {1.6 / 1.7, 1.8 / 1.7};
        double[][] x = {{3, 4}, {0, 2}, {1, 0}};
        double[] num = new double[2];
        double den = 0;
        for (double[] xk : x) {
            double w = 1 / Math.max(Math.hypot(xk[0] - z[0], xk[1] - z[1]), 0.1);
            num[0] += w * xk[0];
            num[1] += w * xk[1];
            den += w;
        }
        assertArrayEquals(new double[] {num[0] / den, num[1] / den}, row(new GeometricMedian(2, 0.1).aggregate(u), 0), 1e-12);
        // Many steps on an equilateral triangle converge to its centre (the Fermat point).
        double h = Math.sqrt(3) / 2;
        NDArray tri = block(new double[][][] {{{1, 0}, {-0.5, h}, {-0.5, -h}}});
        assertArrayEquals(new double[] {0, 0}, row(new GeometricMedian(200, 1e-9).aggregate(tri), 0), 1e-9);
    }

    @Test
    void krumPicksTheVectorWithTheClosestNeighbours() {
        // n = 5, f = 1: scores are sums of the 2 smallest squared distances to the others.
        // 0: 1 + 4 = 5; 1: 1 + 1 = 2; 2: 1 + 4 = 5; 10: 1 + 64; 11: 1 + 81 -> pick 1.
        NDArray u = block(new double[][][] {{{0}, {1}, {2}, {10}, {11}}, {{11}, {10}, {2}, {1}, {0}}});
        NDArray k = new Krum(1).aggregate(u);
        assertArrayEquals(new double[] {1}, row(k, 0), 0);
        assertArrayEquals(new double[] {1}, row(k, 1), 0);
    }

    @Test
    void centeredClippingKeepsItsCentre() {
        NDArray u = block(new double[][][] {{{3, 4}, {0, 0.05}}});
        CenteredClipping cc = new CenteredClipping(1.0, m);
        // From centre 0: (3, 4) is clipped to (0.6, 0.8), (0, 0.05) is kept; their mean.
        double[] v1 = {0.3, 0.425};
        assertArrayEquals(v1, row(cc.aggregate(u), 0), 1e-12);
        // The next round starts from v1.
        double[] d1 = {3 - v1[0], 4 - v1[1]};
        double[] d2 = {0 - v1[0], 0.05 - v1[1]};
        double s1 = Math.min(1, 1.0 / Math.hypot(d1[0], d1[1]));
        double s2 = Math.min(1, 1.0 / Math.hypot(d2[0], d2[1]));
        double[] v2 = {v1[0] + (s1 * d1[0] + s2 * d2[0]) / 2, v1[1] + (s1 * d1[1] + s2 * d2[1]) / 2};
        assertArrayEquals(v2, row(cc.aggregate(u), 0), 1e-12);
    }

    @Test
    void nearestNeighbourMixing() {
        // n = 4, f = 1: each vector becomes the mean of its 3 nearest, itself included.
        NDArray u = block(new double[][][] {{{0}, {1}, {3}, {10}}});
        NearestNeighbourMixing nnm = new NearestNeighbourMixing(1, new MeanAggregator());
        assertArrayEquals(new double[] {4.0 / 3, 4.0 / 3, 4.0 / 3, 14.0 / 3},
                nnm.mix(u).get(0).reshape(4).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {(4.0 + 14.0 / 3) / 4}, row(nnm.aggregate(u), 0), 1e-12);
    }

    @Test
    void nonFiniteVectorsAreZeroedBeforeAggregation() {
        NDArray u = block(new double[][][] {{{Double.NaN, 1}, {2, 2}, {Double.POSITIVE_INFINITY, 0}, {3, 3}}});
        assertArrayEquals(new double[] {0, 0, 2, 2, 0, 0, 3, 3},
                Aggregator.sanitize(u).reshape(8).toDoubleArray(), 0);
        NDArray finite = block(new double[][][] {{{1, 2}, {3, 4}}});
        assertTrue(Aggregator.sanitize(finite) == finite, "all-finite input passes through untouched");
    }

    /**
     * The brief's breakdown test: 5 honest N(mu, I) in d = 1000 and 3 outliers at mu + 100. The
     * mean moves by 37.5 per coordinate; the robust rules stay within O(1) of mu; none returns NaN
     * when the outliers are NaN instead.
     */
    @Test
    void robustRulesResistFarOutliersAndNaN() {
        int d = 1000;
        SplittableRandom r = new SplittableRandom(11);
        double[][][] far = new double[1][8][d];
        double[][][] nan = new double[1][8][d];
        double[] mu = new double[d];
        for (int j = 0; j < d; j++) {
            mu[j] = r.nextGaussian();
        }
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < d; j++) {
                far[0][k][j] = k < 3 ? mu[j] + 100 : mu[j] + r.nextGaussian();
                nan[0][k][j] = k < 3 ? Double.NaN : far[0][k][j];
            }
        }
        NDArray outliers = block(far);
        NDArray nans = block(nan);
        NDArray truth = m.create(mu);
        double meanShift = new MeanAggregator().aggregate(outliers).get(0).sub(truth).mean().getDouble();
        assertEquals(37.5, meanShift, 0.2);
        for (Aggregator a : List.of(new CoordinateMedian(), new GeometricMedian(3, 0.1), new Krum(3),
                new NearestNeighbourMixing(3, new CoordinateMedian()))) {
            double rms = a.aggregate(outliers).get(0).sub(truth).norm().getDouble() / Math.sqrt(d);
            assertTrue(rms < 1.5, a.name() + " moved by " + rms + " per coordinate");
            double rmsNan = a.aggregate(nans).get(0).sub(truth).norm().getDouble() / Math.sqrt(d);
            assertTrue(Double.isFinite(rmsNan) && rmsNan < 1.5, a.name() + " with NaN rows: " + rmsNan);
        }
        // CC from the right centre: one step moves at most 3 tau / 8 towards the outliers, plus honest spread.
        CenteredClipping cc = new CenteredClipping(1.0, m);
        NDArray centred = outliers.sub(truth.toType(DataType.FLOAT64, false)); // centre 0 == mu after the shift
        NDArray v = cc.aggregate(centred).get(0);
        // Each outlier pulls by tau / 8 along (1, ..., 1) / sqrt(d); honest unit pulls point in random directions.
        double towardOutliers = v.sum().getDouble() / Math.sqrt(d);
        assertEquals(3.0 / 8, towardOutliers, 0.1);
        assertTrue(v.norm().getDouble() <= 3.0 / 8 + 5.0 / 8 + 1e-9);
    }

    /**
     * ALIE is built to beat the median: with z = 0.2533 its 3 vectors sit just below the honest
     * mean in every coordinate and drag the median of 8 further (about 0.24 sigma per coordinate
     * here) than they drag the mean (about 0.09 sigma). So "the median resists ALIE, the mean does
     * not" is not true; what ALIE defeats is exactly the robust rule.
     */
    @Test
    void alieMovesTheMedianMoreThanTheMean() {
        int d = 2000;
        SplittableRandom r = new SplittableRandom(0);
        double[][][] h = new double[1][8][d];
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < d; j++) {
                h[0][k][j] = r.nextGaussian();
            }
        }
        NDArray u = block(h);
        NDArray honestMean = u.get(":, 3:, :").mean(new int[] {1});
        NDArray received = LittleIsEnough.forWorkers(m, 8, 3).apply(u, 3);
        double cm = new CoordinateMedian().aggregate(received).sub(honestMean).norm().getDouble() / Math.sqrt(d);
        double mean = new MeanAggregator().aggregate(received).sub(honestMean).norm().getDouble() / Math.sqrt(d);
        assertEquals(3.0 / 8 * 0.2533, mean, 0.02); // the mean moves by f/n z std
        assertTrue(cm > 2 * mean, "CM error " + cm + " vs mean error " + mean);
    }
}
