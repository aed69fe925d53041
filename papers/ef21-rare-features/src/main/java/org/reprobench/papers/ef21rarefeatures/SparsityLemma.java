package org.reprobench.papers.ef21rarefeatures;

import java.util.SplittableRandom;

/**
 * The aggregation inequality behind the sqrt(c/n) factor: if every coordinate is non-zero in at
 * most c of the vectors a_1..a_n, then ||(1/n) sum_i a_i||^2 <= (c/n) (1/n) sum_i ||a_i||^2
 * (Cauchy-Schwarz per coordinate over its at most c owners). Plain Java: it is checked on a few
 * hundred short vectors, a scalar loop.
 */
final class SparsityLemma {
    private SparsityLemma() {
    }

    /** ||(1/n) sum a_i||^2 divided by (c/n)(1/n) sum ||a_i||^2: at most 1 when the lemma holds. */
    static double ratio(double[][] vectors, int c) {
        int n = vectors.length;
        int d = vectors[0].length;
        double lhs = 0;
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (double[] a : vectors) {
                s += a[j];
            }
            lhs += (s / n) * (s / n);
        }
        double sumSq = 0;
        for (double[] a : vectors) {
            for (double x : a) {
                sumSq += x * x;
            }
        }
        return lhs / ((c / (double) n) * sumSq / n);
    }

    /** Random vectors supported on the clients' feature sets (standard normal entries there). */
    static double[][] randomOnSupports(RareFeaturesProblem p, SplittableRandom rng) {
        double[][] v = new double[p.n()][p.d()];
        for (int i = 0; i < p.n(); i++) {
            for (int j = 0; j < p.d(); j++) {
                if (p.owns()[i][j]) {
                    v[i][j] = gaussian(rng);
                }
            }
        }
        return v;
    }

    /** a_i = indicator of S_i: with exactly c owners per feature the lemma holds with equality. */
    static double[][] indicators(RareFeaturesProblem p) {
        double[][] v = new double[p.n()][p.d()];
        for (int i = 0; i < p.n(); i++) {
            for (int j = 0; j < p.d(); j++) {
                v[i][j] = p.owns()[i][j] ? 1 : 0;
            }
        }
        return v;
    }

    /** The largest ratio over `draws` random supported vector sets. */
    static double worstRandomRatio(RareFeaturesProblem p, int draws, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double worst = 0;
        for (int k = 0; k < draws; k++) {
            worst = Math.max(worst, ratio(randomOnSupports(p, rng), p.c()));
        }
        return worst;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
