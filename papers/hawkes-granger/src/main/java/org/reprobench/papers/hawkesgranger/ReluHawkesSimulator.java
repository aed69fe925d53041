package org.reprobench.papers.hawkesgranger;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact simulation of the ReLU-linear multivariate Hawkes process
 * lambda_i(t) = max(0, mu_i + sum_{t_k &lt; t} A[i, u_k] exp(-beta (t - t_k))) by Ogata thinning
 * with a valid dominating rate.
 *
 * <p>Split the history term into its exciting part E+_i (from A's positive entries) and its
 * inhibiting part E-_i &lt;= 0. Between events E+_i only decays, and lambda_i &lt;= max(0, mu_i +
 * E+_i), so sum_i (mu_i + E+_i(s)) bounds the total rate from s until the next event, whatever
 * the inhibition does. Both parts follow the exponential kernel's recursion, so one proposal
 * costs O(d) and one accepted event O(d): linear in the number of events. Sequential by nature:
 * plain Java.
 */
public final class ReluHawkesSimulator {
    private ReluHawkesSimulator() {
    }

    public static EventSequences generate(Mt19937 rng, double[] mu, double[][] a, double beta, double horizon, int sequences) {
        int d = mu.length;
        for (double m : mu) {
            if (m < 0) {
                throw new IllegalArgumentException("mu must be non-negative");
            }
        }
        double[][] times = new double[sequences][];
        int[][] marks = new int[sequences][];
        double[] excite = new double[d];
        double[] inhibit = new double[d];
        double[] lambda = new double[d];
        for (int m = 0; m < sequences; m++) {
            List<Double> t = new ArrayList<>();
            List<Integer> u = new ArrayList<>();
            java.util.Arrays.fill(excite, 0);
            java.util.Arrays.fill(inhibit, 0);
            double s = 0;
            double lastEvent = 0; // excite/inhibit hold the history terms at this time
            while (true) {
                double sinceLast = Math.exp(-beta * (s - lastEvent));
                double bound = 0;
                for (int i = 0; i < d; i++) {
                    bound += mu[i] + excite[i] * sinceLast;
                }
                if (!(bound > 0)) {
                    break; // no baseline and no excitation left: no further event can occur
                }
                s += -Math.log(1 - rng.nextDouble()) / bound;
                if (s > horizon) {
                    break;
                }
                double decay = Math.exp(-beta * (s - lastEvent));
                double total = 0;
                for (int i = 0; i < d; i++) {
                    lambda[i] = Math.max(0, mu[i] + (excite[i] + inhibit[i]) * decay);
                    total += lambda[i];
                }
                double draw = rng.nextDouble() * bound;
                if (draw < total) {
                    int type = 0;
                    double cumulative = lambda[0];
                    while (draw >= cumulative && type < d - 1) {
                        type++;
                        cumulative += lambda[type];
                    }
                    for (int i = 0; i < d; i++) {
                        excite[i] = excite[i] * decay + Math.max(0, a[i][type]);
                        inhibit[i] = inhibit[i] * decay + Math.min(0, a[i][type]);
                    }
                    lastEvent = s;
                    t.add(s);
                    u.add(type);
                }
            }
            times[m] = t.stream().mapToDouble(Double::doubleValue).toArray();
            marks[m] = u.stream().mapToInt(Integer::intValue).toArray();
        }
        return new EventSequences(d, times, marks);
    }
}
