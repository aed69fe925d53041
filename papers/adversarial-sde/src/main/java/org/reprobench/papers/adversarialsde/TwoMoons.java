package org.reprobench.papers.adversarialsde;

import java.util.SplittableRandom;

/**
 * The synthetic two-class data of claims 2 and 3: two interleaved half circles ("two moons",
 * radius 1) with Gaussian noise, centred at the origin; labels +1 (upper moon) and -1.
 * Points are stored row-major, two coordinates each.
 */
public record TwoMoons(double[] points, double[] labels) {

    public static TwoMoons sample(int n, double noise, SplittableRandom rng) {
        double[] pts = new double[2 * n];
        double[] lab = new double[n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * rng.nextDouble();
            boolean upper = rng.nextBoolean();
            double x = upper ? Math.cos(t) : 1 - Math.cos(t);
            double y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
            pts[2 * i] = x - 0.5 + noise * gaussian(rng);
            pts[2 * i + 1] = y - 0.25 + noise * gaussian(rng);
            lab[i] = upper ? 1 : -1;
        }
        return new TwoMoons(pts, lab);
    }

    public int size() {
        return labels.length;
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller; u1 in (0, 1] keeps the log finite
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
