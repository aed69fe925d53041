package org.reprobench.papers.hawkesgranger;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The two-phase estimator of the paper, with the schedule of the official example.
 *
 * <p><b>Phase 1</b> (all data sets of a batch at once, on DJL): projected gradient ascent on the
 * surrogate log-likelihood over (mu, A), with normalised steps {@code x += lr g / ||g||} for mu and
 * A separately, then mu, A clipped at 0. Non-negative A cannot express inhibition.
 *
 * <p><b>Screen</b>: the squared norms of the rows of the last phase-1 gradient of A; rows are taken,
 * largest first, until they hold 95 % of the total. A row pushing against the projection (it wants
 * negative entries) keeps a large gradient.
 *
 * <p><b>Phase 2</b> (per data set, per selected row, in screen order): unconstrained normalised
 * ascent on row i of A, then on mu_i (projected at 0). A step is taken only while the gradient norm
 * does not grow; otherwise the step size is cut (A: /2, mu: /1.5) and the iterate rolled back.
 * The rollback follows the official code exactly, including its aliasing: its history list keeps
 * the live parameter array as first entry and, after a rollback, the live array is a history entry
 * that later steps modify in place (so a rollback can land on the current point rather than the
 * previous one). {@link History} reproduces this, because the reference run depends on it.
 */
public final class TwoPhaseFit {

    /** The knobs of the algorithm; {@link #official()} is the README example's schedule. */
    public record Settings(int phase1Iterations, double phase1Rate, int rateDecayEvery, double rateDecayFactor,
                           double screenShare, int phase2Iterations, double phase2RateA, double phase2RateMuFraction,
                           double rateFloor, double backoffA, double backoffMu, int monitorEvery) {
        public static Settings official() {
            return new Settings(1000, 3e-2, 250, 5, 0.95, 500, 1e-2, 0.1, 1e-5, 2, 1.5, 50);
        }

        public Settings withPhase1Iterations(int n) {
            return new Settings(n, phase1Rate, rateDecayEvery, rateDecayFactor, screenShare, phase2Iterations, phase2RateA,
                    phase2RateMuFraction, rateFloor, backoffA, backoffMu, monitorEvery);
        }

        public Settings withPhase2Iterations(int n) {
            return new Settings(phase1Iterations, phase1Rate, rateDecayEvery, rateDecayFactor, screenShare, n, phase2RateA,
                    phase2RateMuFraction, rateFloor, backoffA, backoffMu, monitorEvery);
        }
    }

    /** What phase 1 ends with, for every data set of the batch. */
    public record PhaseOne(double[][] mu, double[][][] a, double[][] rowGradientNorms, double[][] monitorLogLik,
                           int[] monitorIterations) {
    }

    /** The estimate of one data set after both phases. */
    public record Estimate(double[] phase1Mu, double[][] phase1A, double[] rowGradientNorms, int[] selectedRows,
                           double[] mu, double[][] a, int[] acceptedStepsA, int[] acceptedStepsMu) {
    }

    private TwoPhaseFit() {
    }

    /**
     * Phase 1 for all data sets at once.
     *
     * @param gradientObjective the surrogate at the gradient memory (8 in the example)
     * @param monitor the surrogate at the monitoring memory (16), or null for no monitoring
     * @param tick called once per iteration (deadline and progress)
     */
    public static PhaseOne phaseOne(SurrogateLikelihood gradientObjective, SurrogateLikelihood monitor, double[][] mu0,
                                    Settings settings, Runnable tick) {
        int batch = mu0.length;
        int d = mu0[0].length;
        double[][] mu = new double[batch][];
        double[][][] a = new double[batch][d][d];
        for (int s = 0; s < batch; s++) {
            mu[s] = mu0[s].clone();
        }
        double rate = settings.phase1Rate();
        double[][] last = null;
        List<double[]> monitorValues = new ArrayList<>();
        List<Integer> monitorIters = new ArrayList<>();
        if (monitor != null) {
            monitorValues.add(SurrogateLikelihood.perDataSet(monitor.surrogateLogLikelihood(SurrogateLikelihood.blocksOf(mu, a)), d));
            monitorIters.add(0);
        }
        for (int it = 0; it < settings.phase1Iterations(); it++) {
            double[][] g = gradientObjective.gradient(SurrogateLikelihood.blocksOf(mu, a));
            for (int s = 0; s < batch; s++) {
                double[] gMu = new double[d];
                double[][] gA = new double[d][];
                for (int i = 0; i < d; i++) {
                    gMu[i] = g[s * d + i][0];
                    gA[i] = Arrays.copyOfRange(g[s * d + i], 1, d + 1);
                }
                normalisedStep(mu[s], gMu, rate);
                normalisedStep(a[s], gA, rate);
                clipAtZero(mu[s]);
                for (double[] row : a[s]) {
                    clipAtZero(row);
                }
            }
            last = g;
            if ((it + 1) % settings.rateDecayEvery() == 0) {
                rate /= settings.rateDecayFactor();
            }
            if (monitor != null && (it + 1) % settings.monitorEvery() == 0) {
                monitorValues.add(SurrogateLikelihood.perDataSet(monitor.surrogateLogLikelihood(SurrogateLikelihood.blocksOf(mu, a)), d));
                monitorIters.add(it + 1);
            }
            tick.run();
        }
        double[][] rowNorms = new double[batch][d];
        if (last != null) {
            for (int s = 0; s < batch; s++) {
                for (int i = 0; i < d; i++) {
                    double sq = 0;
                    for (int j = 1; j <= d; j++) {
                        double v = last[s * d + i][j];
                        sq += v * v;
                    }
                    rowNorms[s][i] = sq;
                }
            }
        }
        double[][] mon = new double[batch][monitorValues.size()];
        for (int k = 0; k < monitorValues.size(); k++) {
            for (int s = 0; s < batch; s++) {
                mon[s][k] = monitorValues.get(k)[s];
            }
        }
        return new PhaseOne(mu, a, rowNorms, mon, monitorIters.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double[] rowGradient(SurrogateLikelihood objective, double muTarget, double[] aRow) {
        return objective.gradient(new double[][] {SurrogateLikelihood.block(muTarget, aRow)})[0];
    }

    /** Rows by decreasing squared gradient norm (ties by index) until their share reaches the threshold. */
    public static int[] screenRows(double[] rowNorms, double share) {
        double total = Arrays.stream(rowNorms).sum();
        Integer[] order = IntStream.range(0, rowNorms.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -rowNorms[i])); // stable: equal norms keep index order
        List<Integer> rows = new ArrayList<>();
        double taken = 0;
        for (int i : order) {
            if (taken >= share) {
                break;
            }
            taken += rowNorms[i] / total;
            rows.add(i);
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Phase 2 on one data set, starting from its phase-1 point.
     *
     * @param features the data set at the gradient memory
     */
    public static Estimate phaseTwo(NDManager manager, ExcitationFeatures features, double[] mu1, double[][] a1,
                                    double[] rowNorms, Settings settings, Runnable tick) {
        int[] rows = screenRows(rowNorms, settings.screenShare());
        double[] mu = mu1.clone();
        double[][] a = deepCopy(a1);
        int[] stepsA = new int[rows.length];
        int[] stepsMu = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            try (SurrogateLikelihood objective = SurrogateLikelihood.oneType(manager, features, i)) {
                // (a) row i of A.
                History<double[][]> history = new History<>(a);
                double rate = settings.phase2RateA();
                for (int it = 0; it < settings.phase2Iterations(); it++) {
                    tick.run();
                    double[] g = Arrays.copyOfRange(rowGradient(objective, mu[i], a[i]), 1, a[i].length + 1);
                    double norm = norm(g);
                    if (norm == 0) {
                        break; // stationary: nothing left to do (the official code would divide by zero)
                    }
                    if (norm <= history.lastNorm()) {
                        for (int j = 0; j < g.length; j++) {
                            a[i][j] += rate * g[j] / norm; // in place on the live array
                        }
                        history.accept(deepCopy(a), norm);
                        stepsA[r]++;
                    } else {
                        rate /= settings.backoffA();
                        if (rate <= settings.rateFloor()) {
                            break; // the official code stops here without rolling back
                        }
                        a = history.rollBack();
                    }
                }
                // (b) mu_i, projected at 0, starting from a step of mu_i / 10.
                History<double[]> muHistory = new History<>(mu);
                rate = mu[i] * settings.phase2RateMuFraction();
                for (int it = 0; it < settings.phase2Iterations(); it++) {
                    tick.run();
                    double g = rowGradient(objective, mu[i], a[i])[0];
                    double norm = Math.abs(g);
                    if (norm == 0) {
                        break;
                    }
                    if (norm <= muHistory.lastNorm()) {
                        mu[i] += rate * g / norm;
                        clipAtZero(mu);
                        if (mu[i] == 0) {
                            break; // at the boundary the projected step cannot move on
                        }
                        muHistory.accept(mu.clone(), norm);
                        stepsMu[r]++;
                    } else {
                        rate /= settings.backoffMu();
                        mu = muHistory.rollBack();
                    }
                    if (rate <= settings.rateFloor()) {
                        break;
                    }
                }
            }
        }
        return new Estimate(mu1.clone(), deepCopy(a1), rowNorms.clone(), rows, mu, a, stepsA, stepsMu);
    }

    /**
     * The official code's accepted-iterate list. Its first entry is the live array itself (not a
     * copy); accepted steps append copies; a rejected step drops the last entry and makes the new
     * last entry the live array, which later steps then modify in place.
     */
    static final class History<T> {
        private final List<T> entries = new ArrayList<>();
        private final List<Double> norms = new ArrayList<>();

        History(T live) {
            entries.add(live);
            norms.add(Double.POSITIVE_INFINITY);
        }

        double lastNorm() {
            return norms.get(norms.size() - 1);
        }

        void accept(T copy, double norm) {
            entries.add(copy);
            norms.add(norm);
        }

        /** Drops the last accepted entry and returns the entry that becomes the live array. */
        T rollBack() {
            entries.remove(entries.size() - 1);
            norms.remove(norms.size() - 1);
            return entries.get(entries.size() - 1);
        }
    }

    static void normalisedStep(double[] x, double[] g, double rate) {
        double n = norm(g);
        if (n == 0) {
            return;
        }
        for (int j = 0; j < x.length; j++) {
            x[j] += rate * g[j] / n;
        }
    }

    static void normalisedStep(double[][] x, double[][] g, double rate) {
        double sq = 0;
        for (double[] row : g) {
            for (double v : row) {
                sq += v * v;
            }
        }
        double n = Math.sqrt(sq);
        if (n == 0) {
            return;
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] += rate * g[i][j] / n;
            }
        }
    }

    static void clipAtZero(double[] x) {
        for (int j = 0; j < x.length; j++) {
            if (x[j] < 0) {
                x[j] = 0;
            }
        }
    }

    static double norm(double[] g) {
        double sq = 0;
        for (double v : g) {
            sq += v * v;
        }
        return Math.sqrt(sq);
    }

    static double[][] deepCopy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }
}
