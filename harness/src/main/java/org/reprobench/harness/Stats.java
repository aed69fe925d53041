package org.reprobench.harness;

/** Summary of a claim's values over seeds: n, mean, sample standard deviation, min, max. */
public record Stats(int n, double mean, double sd, double min, double max) {

    public static Stats of(double[] xs) {
        int n = xs.length;
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
        return new Stats(n, mean, sd, min, max);
    }

    /** Least-squares slope of y on x. */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a slope needs two or more (x, y) points, got " + x.length);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("a slope needs at least two distinct x values");
        }
        return sxy / sxx;
    }

    /** Least-squares slope of log y on log x: the exponent of a power law y ~ x^slope. */
    public static double logLogSlope(double[] x, double[] y) {
        double[] lx = new double[x.length];
        double[] ly = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0)) {
                throw new IllegalArgumentException("log-log slope needs positive x and y; point " + i
                        + " is (" + x[i] + ", " + y[i] + ")");
            }
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
        }
        return slope(lx, ly);
    }
}
