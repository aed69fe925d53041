package org.reprobench.papers.mamlspokenwords;

import java.util.Locale;

/**
 * A difference of mean accuracies a - b over meta-test episodes, with its normal 95 % interval
 * (episodes are independent draws; the official notebook also reports normal 95 % intervals).
 * {@link #paired} when a and b were measured on the same episodes (two methods), {@link #independent}
 * when on different ones (two cells of the grid). A claim holds at a seed when the interval's lower
 * end is above zero: the gap is resolved, not just positive by luck.
 */
record Gap(double mean, double halfWidth, int n, boolean paired) {
    static final double Z95 = 1.959964;

    static Gap paired(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return new Gap(mean(d), Z95 * Math.sqrt(variance(d) / d.length), d.length, true);
    }

    static Gap independent(double[] a, double[] b) {
        double se2 = variance(a) / a.length + variance(b) / b.length;
        return new Gap(mean(a) - mean(b), Z95 * Math.sqrt(se2), Math.min(a.length, b.length), false);
    }

    double lower() {
        return mean - halfWidth;
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /** Sample variance (n - 1 in the denominator). */
    static double variance(double[] xs) {
        if (xs.length < 2) {
            return Double.NaN;
        }
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return ss / (xs.length - 1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%+.3f, 95%% CI [%+.3f, %+.3f] (%d %s episodes)", mean, mean - halfWidth, mean + halfWidth, n,
                paired ? "paired" : "independent");
    }
}
