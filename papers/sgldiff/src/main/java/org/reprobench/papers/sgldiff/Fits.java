package org.reprobench.papers.sgldiff;

import org.reprobench.harness.Stats;

/** The fits reported next to the harness's own (the harness fits the check's series itself). */
final class Fits {
    private Fits() {
    }

    /** Least-squares slope of log y against log x (the harness's fit, shared so the numbers agree). */
    static double logLogSlope(double[] x, double[] y) {
        return Stats.logLogSlope(x, y);
    }

    /** Slope of log y against log x between the last two points. */
    static double lastLocalSlope(double[] x, double[] y) {
        int n = x.length;
        return Math.log(y[n - 1] / y[n - 2]) / Math.log(x[n - 1] / x[n - 2]);
    }

    /** Exponential decay rate: minus the least-squares slope of log y against t over [from, to]. */
    static double decayRate(double[] t, double[] y, double from, double to) {
        int n = 0;
        for (double v : t) {
            n += v >= from && v <= to ? 1 : 0;
        }
        double[] ts = new double[n];
        double[] logs = new double[n];
        for (int k = 0, j = 0; k < t.length; k++) {
            if (t[k] >= from && t[k] <= to) {
                ts[j] = t[k];
                logs[j++] = Math.log(y[k]);
            }
        }
        return -Stats.slope(ts, logs);
    }

    /** A metric name with a parameter, e.g. key("w1_fp", "eta", 0.025) = "w1_fp@eta=0.025". */
    static String key(String name, String param, double value) {
        return name + "@" + param + "=" + org.reprobench.harness.Judge.fmt(value);
    }
}
