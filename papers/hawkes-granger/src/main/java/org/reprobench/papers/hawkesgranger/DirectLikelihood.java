package org.reprobench.papers.hawkesgranger;

/**
 * The log-likelihood straight from its definition, with a double loop over event pairs (quadratic,
 * plain Java): an independent check of the recursive features and of the DJL evaluation.
 *
 * <p>Per sequence, with t_N its last event: sum_n log(mu[u_n] + sum_{k &lt; n, t_n - t_k &lt;
 * memory} A[u_n, u_k] e^{-beta (t_n - t_k)}) - t_N sum_i mu_i + sum_n sum_i A[i, u_n] / beta
 * (e^{-beta (t_N - t_n)} - 1). This is the official code's formula (linear intensity inside the
 * log; compensator up to t_N, not T, and without the memory cut). NaN when some intensity is
 * non-positive.
 */
public final class DirectLikelihood {
    private DirectLikelihood() {
    }

    public static double logLikelihood(EventSequences data, double[] mu, double[][] a, double beta, double memory) {
        double total = 0;
        int d = data.types();
        for (int s = 0; s < data.sequenceCount(); s++) {
            double[] t = data.timesView(s);
            int[] u = data.marksView(s);
            int n = t.length;
            if (n == 0) {
                continue;
            }
            double tN = t[n - 1];
            double events = 0;
            double compensator = 0;
            for (int k = 0; k < n; k++) {
                double lambda = mu[u[k]];
                for (int j = 0; j < k; j++) {
                    if (t[k] - t[j] < memory) {
                        lambda += a[u[k]][u[j]] * Math.exp(-beta * (t[k] - t[j]));
                    }
                }
                events += lambda > 0 ? Math.log(lambda) : Double.NaN;
                for (int i = 0; i < d; i++) {
                    compensator += a[i][u[k]] / beta * (Math.exp(-beta * (tN - t[k])) - 1);
                }
            }
            double muSum = 0;
            for (double m : mu) {
                muSum += m;
            }
            total += events - tN * muSum + compensator;
        }
        return total;
    }
}
