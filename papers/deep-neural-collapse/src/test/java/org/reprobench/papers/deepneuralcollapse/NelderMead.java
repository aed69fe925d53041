package org.reprobench.papers.deepneuralcollapse;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** A plain Nelder-Mead simplex search, for checking closed forms against direct minimisation. */
final class NelderMead {
    private NelderMead() {
    }

    static double minimise(ToDoubleFunction<double[]> f, double[] start, int iterations) {
        int n = start.length;
        double[][] x = new double[n + 1][];
        double[] fx = new double[n + 1];
        x[0] = start.clone();
        for (int i = 0; i < n; i++) {
            x[i + 1] = start.clone();
            x[i + 1][i] += 0.1;
        }
        for (int i = 0; i <= n; i++) {
            fx[i] = f.applyAsDouble(x[i]);
        }
        for (int it = 0; it < iterations; it++) {
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(fx[a], fx[b]));
            double[][] xs = new double[n + 1][];
            double[] fs = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                xs[i] = x[order[i]];
                fs[i] = fx[order[i]];
            }
            System.arraycopy(xs, 0, x, 0, n + 1);
            System.arraycopy(fs, 0, fx, 0, n + 1);
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += x[i][j] / n;
                }
            }
            double[] reflected = affine(centroid, x[n], -1);
            double fr = f.applyAsDouble(reflected);
            if (fr < fx[0]) {
                double[] expanded = affine(centroid, x[n], -2);
                double fe = f.applyAsDouble(expanded);
                if (fe < fr) {
                    x[n] = expanded;
                    fx[n] = fe;
                } else {
                    x[n] = reflected;
                    fx[n] = fr;
                }
            } else if (fr < fx[n - 1]) {
                x[n] = reflected;
                fx[n] = fr;
            } else {
                double[] contracted = affine(centroid, x[n], 0.5);
                double fc = f.applyAsDouble(contracted);
                if (fc < fx[n]) {
                    x[n] = contracted;
                    fx[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        x[i] = affine(x[0], x[i], 0.5);
                        fx[i] = f.applyAsDouble(x[i]);
                    }
                }
            }
        }
        double best = fx[0];
        for (double v : fx) {
            best = Math.min(best, v);
        }
        return best;
    }

    /** centroid + t (point - centroid). */
    private static double[] affine(double[] centroid, double[] point, double t) {
        double[] r = new double[centroid.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = centroid[i] + t * (point[i] - centroid[i]);
        }
        return r;
    }
}
