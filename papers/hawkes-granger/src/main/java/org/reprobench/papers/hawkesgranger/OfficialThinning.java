package org.reprobench.papers.hawkesgranger;

import java.util.ArrayList;
import java.util.List;

/**
 * The official code's simulator, reproduced to regenerate its example data from its seed: Ogata
 * thinning where the dominating rate is the ReLU intensity summed over types <em>at the current
 * time</em>, re-evaluated from the full history at every proposal (quadratic in the events).
 *
 * <p>With inhibition that rate is not an upper bound: when an inhibiting effect decays the
 * intensity rises after the proposal time, so these data do not follow the nominal ReLU-Hawkes
 * law exactly. {@link ReluHawkesSimulator} is the correct sampler; this class exists only to
 * check, against the shipped example file, that we read the official example right.
 *
 * <p>Draw order per proposal as in the official code: u (waiting time), then D (accept and type);
 * a last accepted event past the horizon is dropped. Sums run left to right as Python's
 * {@code sum} does. Scalar and sequential by nature: plain Java.
 */
public final class OfficialThinning {
    private OfficialThinning() {
    }

    public static EventSequences generate(Mt19937 rng, double[] mu, double[][] a, double beta, double horizon, int sequences) {
        double[][] times = new double[sequences][];
        int[][] marks = new int[sequences][];
        for (int m = 0; m < sequences; m++) {
            List<Double> t = new ArrayList<>();
            List<Integer> u = new ArrayList<>();
            double s = 0;
            while (s <= horizon) {
                double[] lambda = reluIntensity(s, t, u, mu, a, beta);
                double bar = leftSum(lambda, lambda.length);
                double w = -Math.log(rng.nextDouble()) / bar;
                s = s + w;
                double draw = rng.nextDouble();
                double[] next = reluIntensity(s, t, u, mu, a, beta);
                if (draw * bar <= leftSum(next, next.length)) {
                    int type = 0;
                    while (draw * bar > leftSum(next, type + 1)) {
                        type++;
                    }
                    t.add(s);
                    u.add(type);
                }
            }
            if (!t.isEmpty() && t.get(t.size() - 1) > horizon) {
                t.remove(t.size() - 1);
                u.remove(u.size() - 1);
            }
            times[m] = t.stream().mapToDouble(Double::doubleValue).toArray();
            marks[m] = u.stream().mapToInt(Integer::intValue).toArray();
        }
        return new EventSequences(mu.length, times, marks);
    }

    private static double[] reluIntensity(double s, List<Double> t, List<Integer> u, double[] mu, double[][] a, double beta) {
        int d = mu.length;
        double[] decay = new double[t.size()];
        for (int k = 0; k < decay.length; k++) {
            decay[k] = Math.exp(-(beta * (s - t.get(k))));
        }
        double[] lambda = new double[d];
        for (int i = 0; i < d; i++) {
            double excitation = 0;
            for (int k = 0; k < decay.length; k++) {
                excitation += a[i][u.get(k)] * decay[k];
            }
            lambda[i] = Math.max(0, mu[i] + excitation);
        }
        return lambda;
    }

    private static double leftSum(double[] x, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += x[i];
        }
        return sum;
    }
}
