package org.reprobench.papers.hawkesgranger;

/**
 * How well an estimated interaction matrix recovers the true Granger-causal graph. An entry counts
 * as an edge when |A_ij| &gt; threshold; its sign says exciting (+) or inhibiting (-). All d x d
 * entries count (the diagonal too: self-excitation is an edge like any other).
 */
public final class GraphMetrics {
    private GraphMetrics() {
    }

    /** sum_ij |A_ij - B_ij|. */
    public static double l1(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += Math.abs(a[i][j] - b[i][j]);
            }
        }
        return s;
    }

    public static double l1(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s;
    }

    /** max_ij |A_ij - B_ij|. */
    public static double maxAbs(double[][] a, double[][] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return m;
    }

    /** Counts of the support (unsigned) and signed comparison at one threshold. */
    public record Recovery(int truePositives, int falsePositives, int falseNegatives, int signedTruePositives,
                           int signedFalsePositives, int signedFalseNegatives, int inhibitoryTrue, int inhibitoryFound) {

        /** F1 of the support, ignoring signs. */
        public double supportF1() {
            return f1(truePositives, falsePositives, falseNegatives);
        }

        /** F1 of signed edges: an edge with the wrong sign is both a false positive and a false negative. */
        public double signedF1() {
            return f1(signedTruePositives, signedFalsePositives, signedFalseNegatives);
        }

        /** Among true edges found, the share with the right sign (1 when none is found). */
        public double signAccuracy() {
            return truePositives == 0 ? 1 : (double) signedTruePositives / truePositives;
        }

        private static double f1(int tp, int fp, int fn) {
            return tp + fp + fn == 0 ? 1 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
    }

    public static Recovery recovery(double[][] truth, double[][] estimate, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int stp = 0;
        int sfp = 0;
        int sfn = 0;
        int inhibitory = 0;
        int inhibitoryFound = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int j = 0; j < truth[i].length; j++) {
                int t = (int) Math.signum(truth[i][j]);
                int e = Math.abs(estimate[i][j]) > threshold ? (int) Math.signum(estimate[i][j]) : 0;
                if (t != 0 && e != 0) {
                    tp++;
                } else if (e != 0) {
                    fp++;
                } else if (t != 0) {
                    fn++;
                }
                if (e != 0 && e == t) {
                    stp++;
                } else {
                    sfp += e != 0 ? 1 : 0;
                    sfn += t != 0 ? 1 : 0;
                }
                if (t < 0) {
                    inhibitory++;
                    inhibitoryFound += e < 0 ? 1 : 0;
                }
            }
        }
        return new Recovery(tp, fp, fn, stp, sfp, sfn, inhibitory, inhibitoryFound);
    }
}
