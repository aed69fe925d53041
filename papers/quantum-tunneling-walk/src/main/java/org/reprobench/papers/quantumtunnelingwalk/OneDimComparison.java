package org.reprobench.papers.quantumtunnelingwalk;

import ai.djl.ndarray.NDManager;

/**
 * Everything the 1-D comparison needs for one landscape: the QTW from the spectrum (local ground
 * state on [0, 2a), restart protocol with window tau), the Gibbs-matched SGD learning rate, and the
 * SGD's exact expected hitting time at a given learning rate.
 */
public record OneDimComparison(DoubleWellLandscape landscape, double h, int n, double[] taus, double[] qtwHittingTime,
                               double timeAveragedLoss, double matchedS, double capturedWeight, double overlapLowest3) {

    /** Eigenpairs kept: the initial state's weight beyond them is below 1e-5 for every landscape used here. */
    static final int EIGENPAIRS = 80;

    public static OneDimComparison of(NDManager parent, DoubleWellLandscape land, double h, int n, double[] taus) {
        Hamiltonian1D ham = new Hamiltonian1D(land, h, n);
        double[] u0 = ham.localGroundState(2 * land.a());
        try (NDManager m = parent.newSubManager()) {
            SpectralWalk walk = new SpectralWalk(m, ham.lowest(EIGENPAIRS), new double[][] {u0}, ham.targetMask(), ham.loss());
            double[] hit = walk.expectedHittingTime(taus)[0];
            double[] loss = walk.expectedLoss(GibbsMatching.codeTimes())[0];
            double avg = 0;
            for (double v : loss) {
                avg += v / loss.length;
            }
            double s = GibbsMatching.matchedLearningRate(ham.loss(), avg);
            return new OneDimComparison(land, h, n, taus.clone(), hit, avg, s, walk.capturedWeight()[0], walk.weightOnLowest(3)[0]);
        }
    }

    /** E[T_QTW] at the given window (must be one of taus). */
    public double qtw(double tau) {
        for (int i = 0; i < taus.length; i++) {
            if (taus[i] == tau) {
                return qtwHittingTime[i];
            }
        }
        throw new IllegalArgumentException("tau " + tau + " was not computed");
    }

    /** The smallest E[T_QTW] over the windows computed (the best tau for this landscape). */
    public double bestQtw() {
        double best = Double.POSITIVE_INFINITY;
        for (double t : qtwHittingTime) {
            best = Math.min(best, t);
        }
        return best;
    }

    /** Exact E[T_SGD] (time units) at learning rate s. */
    public double sgd(double s) {
        return SgdMeanHittingTime.forLandscape(landscape, s, 8);
    }

    /** Windows 100, 150, ..., 1000 (always containing the code's 288). */
    public static double[] windows() {
        double[] t = new double[20];
        for (int i = 0; i < 19; i++) {
            t[i] = 100 + 50 * i;
        }
        t[19] = 288;
        return t;
    }
}
