package org.reprobench.papers.hawkesgranger;

/**
 * What the exponential-kernel likelihood needs from the data, computed once per data set, decay and
 * memory, so that every later evaluation is a few matrix products.
 *
 * <p>For event n of type u_n at time t_n, {@code feature[n][j]} is the decayed count of earlier
 * type-j events within the memory: sum over k &lt; n with u_k = j and t_n - t_k &lt; memory of
 * exp(-beta (t_n - t_k)). The linear intensity at the event is then
 * {@code mu[u_n] + A[u_n, :] . feature[n]}. The compensator of sequence s, integrated up to its
 * last event t_N as the official code does, is {@code t_N sum(mu) + sum_ij A_ij G_ij} with
 * {@code G_j = sum over type-j events of (1 - exp(-beta (t_N - t_n))) / beta}; it does not
 * depend on the memory (the official code truncates only the event terms).
 *
 * <p>The features come from the kernel's recursion S(t_n) = e^{-beta dt} (S(t_{n-1}) +
 * e_{u_{n-1}}) minus the events leaving the memory window: linear in the number of events. This
 * loop is sequential by nature, so it is plain Java; the optimisation loops use DJL.
 */
public final class ExcitationFeatures {
    private final int types;
    private final int sequences;
    private final int[] marks;
    private final double[] features;
    private final double[] compensatorWeights;
    private final double lastTimeSum;
    private final double beta;
    private final double memory;

    private ExcitationFeatures(int types, int sequences, int[] marks, double[] features, double[] compensatorWeights,
                               double lastTimeSum, double beta, double memory) {
        this.types = types;
        this.sequences = sequences;
        this.marks = marks;
        this.features = features;
        this.compensatorWeights = compensatorWeights;
        this.lastTimeSum = lastTimeSum;
        this.beta = beta;
        this.memory = memory;
    }

    /** Features with unlimited memory. */
    public static ExcitationFeatures of(EventSequences data, double beta) {
        return of(data, beta, Double.POSITIVE_INFINITY);
    }

    public static ExcitationFeatures of(EventSequences data, double beta, double memory) {
        if (!(beta > 0) || !(memory > 0)) {
            throw new IllegalArgumentException("beta and memory must be positive");
        }
        int d = data.types();
        int total = data.eventCount();
        int[] marks = new int[total];
        double[] feat = new double[total * d];
        double[] weights = new double[d];
        double lastSum = 0;
        int offset = 0;
        double[] window = new double[d];
        int[] inWindow = new int[d];
        for (int s = 0; s < data.sequenceCount(); s++) {
            double[] t = data.timesView(s);
            int[] u = data.marksView(s);
            int n = t.length;
            if (n == 0) {
                continue; // an empty sequence adds nothing: no event terms and t_N taken as 0
            }
            java.util.Arrays.fill(window, 0);
            java.util.Arrays.fill(inWindow, 0);
            int first = 0; // oldest event still inside the memory window
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    double decay = Math.exp(-beta * (t[k] - t[k - 1]));
                    window[u[k - 1]] += 1;
                    inWindow[u[k - 1]]++;
                    for (int j = 0; j < d; j++) {
                        window[j] *= decay;
                    }
                    while (first < k && !(t[k] - t[first] < memory)) {
                        int j = u[first];
                        window[j] -= Math.exp(-beta * (t[k] - t[first]));
                        if (--inWindow[j] == 0) {
                            window[j] = 0; // no rounding residue once a type has left the window
                        }
                        first++;
                    }
                }
                marks[offset + k] = u[k];
                System.arraycopy(window, 0, feat, (offset + k) * d, d);
            }
            double tN = t[n - 1];
            lastSum += tN;
            for (int k = 0; k < n; k++) {
                weights[u[k]] += (1 - Math.exp(-beta * (tN - t[k]))) / beta;
            }
            offset += n;
        }
        return new ExcitationFeatures(d, data.sequenceCount(), marks, feat, weights, lastSum, beta, memory);
    }

    public int types() {
        return types;
    }

    public int sequences() {
        return sequences;
    }

    public int events() {
        return marks.length;
    }

    public double beta() {
        return beta;
    }

    public double memory() {
        return memory;
    }

    /** Type of each event, all sequences concatenated. */
    public int[] marks() {
        return marks.clone();
    }

    /** Row-major events x types. */
    public double[] features() {
        return features.clone();
    }

    /** Read-only views for the hot loops of this package. */
    double[] featuresView() {
        return features;
    }

    int[] marksView() {
        return marks;
    }

    public double feature(int event, int sourceType) {
        return features[event * types + sourceType];
    }

    /** G_j of the compensator, summed over sequences. */
    public double[] compensatorWeights() {
        return compensatorWeights.clone();
    }

    /** Sum over sequences of the last event time t_N. */
    public double lastTimeSum() {
        return lastTimeSum;
    }

    /** Features of the events of one type, row-major (count x types). */
    public double[] featuresOfType(int type) {
        int count = 0;
        for (int u : marks) {
            count += u == type ? 1 : 0;
        }
        double[] out = new double[count * types];
        int r = 0;
        for (int n = 0; n < marks.length; n++) {
            if (marks[n] == type) {
                System.arraycopy(features, n * types, out, r * types, types);
                r++;
            }
        }
        return out;
    }
}
