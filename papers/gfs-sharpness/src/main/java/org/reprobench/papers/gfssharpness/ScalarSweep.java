package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * GD on a grid of scalar networks (depths x initialisations x step sizes), all rows in one tensor, with
 * the closed-form GFS sharpness after every step. One sweep per seed feeds the monotonicity, edge of
 * stability and loss claims.
 *
 * <p>The step size of a row is set through q = phi(w0) eta / 2, the initial GFS sharpness in units of
 * the stability threshold 2/eta: q > 1 means GD cannot converge to the minimiser gradient flow would
 * reach. A row stays "in the domain" while no weight changes sign and the run stays finite: there
 * pi > 0 and the closed form applies. A row that leaves is counted (sign flip or divergence) and its
 * later steps are not judged.
 */
final class ScalarSweep {

    /** Sweep size for one seed. */
    record Settings(int[] depths, double[] q, int initsPerDepth, double[] controlQ, int controlInits, int steps,
                    double y) {
    }

    /** Everything measured, one entry per row. */
    record Result(Settings settings, int[] depth, double[] q, boolean[] control, double[] eta, double[] phi0,
                  int[] exitStep, boolean[] flipped, boolean[] diverged, double[] worstRise, int[] phiRises,
                  int[] lossRises, double[] finalLoss, double[] finalPhi, double[] finalHessianTop,
                  List<Trace> traces) {

        int rows() {
            return depth.length;
        }

        boolean valid(int i) {
            return exitStep[i] < 0;
        }

        /** Ended (in the domain) at loss below 1e-12: a minimiser reached. */
        boolean converged(int i) {
            return valid(i) && finalLoss[i] < CONVERGED_LOSS;
        }

        /** Edge-of-stability regime of the paper: phi_min < 2/eta < phi(w0). */
        boolean eosRegime(int i) {
            return q[i] > 1 && 2 / eta[i] > ScalarGfs.minimalSharpness(depth[i], settings.y());
        }
    }

    /** Loss and GFS sharpness along one example run, for the plots. */
    record Trace(int depth, double q, double eta, double[] loss, double[] phi) {
    }

    static final double CONVERGED_LOSS = 1e-12;
    /** A loss increase counts when it exceeds this relative amount (float noise is ~1e-16). */
    static final double LOSS_RISE = 1e-9;
    /** Above this |pi| a run counts as diverged. */
    static final double DIVERGED = 1e8;

    private ScalarSweep() {
    }

    /**
     * Initial weights: a random imbalance z_i ~ U[log 0.4, log 2.5] (centred), scaled so that
     * pi(w0) = u y with u ~ U[0.5, 1.5]. Drawn from {@code new Random(seed)} only, so a seed's rows do not
     * depend on the other seeds run.
     */
    static double[] initialWeights(int depth, double y, Random rnd) {
        double[] z = new double[depth];
        double mean = 0;
        for (int i = 0; i < depth; i++) {
            z[i] = Math.log(0.4) + rnd.nextDouble() * (Math.log(2.5) - Math.log(0.4));
            mean += z[i] / depth;
        }
        double scale = Math.pow((0.5 + rnd.nextDouble()) * y, 1.0 / depth);
        double[] w = new double[depth];
        for (int i = 0; i < depth; i++) {
            w[i] = Math.exp(z[i] - mean) * scale;
        }
        return w;
    }

    static Result run(Settings s, long seed, NDManager parent, IntConsumer onStep) {
        Random rnd = new Random(seed);
        List<double[]> inits = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        List<Double> qs = new ArrayList<>();
        List<Boolean> control = new ArrayList<>();
        for (int d : s.depths()) {
            for (int k = 0; k < s.initsPerDepth(); k++) {
                double[] w0 = initialWeights(d, s.y(), rnd);
                for (double q : s.q()) {
                    inits.add(w0);
                    depths.add(d);
                    qs.add(q);
                    control.add(false);
                }
            }
        }
        // negative control: depth 2 beyond q = sqrt 2, where GD can increase the GFS sharpness
        for (int k = 0; k < s.controlInits(); k++) {
            double[] w0 = initialWeights(2, s.y(), rnd);
            for (double q : s.controlQ()) {
                inits.add(w0);
                depths.add(2);
                qs.add(q);
                control.add(true);
            }
        }
        int n = inits.size();
        int[] depth = depths.stream().mapToInt(Integer::intValue).toArray();
        double[] q = qs.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] isControl = new boolean[n];
        for (int i = 0; i < n; i++) {
            isControl[i] = control.get(i);
        }
        try (NDManager m = parent.newSubManager()) {
            ScalarNetworks nets = new ScalarNetworks(depth, s.y(), m);
            NDArray w = nets.weights(inits.toArray(new double[0][]), m);
            ScalarGfs.Solution start = ScalarGfs.solve(nets, w, null);
            double[] phi0 = start.sharpness().toDoubleArray();
            double[] eta = new double[n];
            for (int i = 0; i < n; i++) {
                eta[i] = 2 * q[i] / phi0[i];
            }
            List<Integer> traced = traceRows(depth, q, isControl, eta, s);
            double[][] traceLoss = new double[traced.size()][s.steps() + 1];
            double[][] tracePhi = new double[traced.size()][s.steps() + 1];
            NDArray etaT = m.create(eta);
            NDArray phi0T = start.sharpness();
            NDArray phi = phi0T;
            NDArray u = start.u();
            NDArray loss = nets.loss(w);
            NDArray out = m.zeros(new Shape(n), DataType.BOOLEAN);
            NDArray flipped = m.zeros(new Shape(n), DataType.BOOLEAN);
            NDArray diverged = m.zeros(new Shape(n), DataType.BOOLEAN);
            NDArray worst = m.zeros(new Shape(n), DataType.FLOAT64).sub(1);
            NDArray phiRises = m.zeros(new Shape(n), DataType.FLOAT64);
            NDArray lossRises = m.zeros(new Shape(n), DataType.FLOAT64);
            NDArray exitStep = m.zeros(new Shape(n), DataType.FLOAT64).sub(1);
            NDArray placeholder = nets.mask.zerosLike().add(Math.pow(s.y(), 1.0 / nets.width));
            NDArray traceIdx = m.create(traced.stream().mapToLong(Integer::longValue).toArray());
            record(traceIdx, loss, phi, traceLoss, tracePhi, 0);
            for (int t = 1; t <= s.steps(); t++) {
                NDArray[] next;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray wNew = nets.gdStep(w, etaT);
                    NDArray pi = nets.product(wNew);
                    NDArray flipNow = nets.signChanged(w, wNew);
                    // NaN fails every comparison, so this also catches NaN and infinity
                    NDArray divNow = pi.abs().lte(DIVERGED).logicalNot();
                    NDArray outNew = out.logicalOr(flipNow).logicalOr(divNow);
                    NDArray leaving = outNew.logicalAnd(out.logicalNot());
                    NDArray safe = NDArrays.where(outNew.expandDims(1).broadcast(wNew.getShape()), placeholder, wNew);
                    ScalarGfs.Solution sol = ScalarGfs.solve(nets, safe, u);
                    NDArray phiNew = sol.sharpness();
                    NDArray keep = outNew.logicalNot();
                    NDArray rise = phiNew.sub(phi).div(phi0T);
                    NDArray worstNew = NDArrays.where(keep, NDArrays.maximum(worst, rise), worst);
                    NDArray phiRisesNew = phiRises.add(ScalarGfs.asDouble(keep.logicalAnd(rise.gt(RISE_TOLERANCE))));
                    NDArray lossNew = nets.loss(wNew);
                    NDArray lossUp = keep.logicalAnd(lossNew.gt(loss.mul(1 + LOSS_RISE))).logicalAnd(loss.gt(1e-28));
                    NDArray lossRisesNew = lossRises.add(ScalarGfs.asDouble(lossUp));
                    NDArray exitNew = NDArrays.where(leaving, exitStep.zerosLike().add(t), exitStep);
                    next = new NDArray[] {wNew, outNew, flipped.logicalOr(flipNow.logicalAnd(out.logicalNot())),
                        diverged.logicalOr(divNow.logicalAnd(out.logicalNot())), worstNew, phiRisesNew, lossRisesNew,
                        exitNew, NDArrays.where(keep, phiNew, phi), NDArrays.where(keep, sol.u(), u),
                        NDArrays.where(keep, lossNew, loss)};
                    NDScope.unregister(next);
                }
                // the previous state is no longer needed: free it now, not when the sweep ends
                for (NDArray old : new NDArray[] {w, out, flipped, diverged, worst, phiRises, lossRises, exitStep, phi, u, loss}) {
                    if (old != phi0T && old != start.u()) {
                        old.close();
                    }
                }
                w = next[0];
                out = next[1];
                flipped = next[2];
                diverged = next[3];
                worst = next[4];
                phiRises = next[5];
                lossRises = next[6];
                exitStep = next[7];
                phi = next[8];
                u = next[9];
                loss = next[10];
                record(traceIdx, loss, phi, traceLoss, tracePhi, t);
                onStep.accept(t);
            }
            NDArray top = Eigen.topSymmetric(nets.hessian(NDArrays.where(out.expandDims(1).broadcast(w.getShape()), placeholder, w)), 200);
            List<Trace> traces = new ArrayList<>();
            for (int k = 0; k < traced.size(); k++) {
                int i = traced.get(k);
                traces.add(new Trace(depth[i], q[i], eta[i], traceLoss[k], tracePhi[k]));
            }
            return new Result(s, depth, q, isControl, eta, phi0, toInt(exitStep), flipped.toBooleanArray(),
                    diverged.toBooleanArray(), worst.toDoubleArray(), toInt(phiRises), toInt(lossRises),
                    loss.toDoubleArray(), phi.toDoubleArray(), top.toDoubleArray(), traces);
        }
    }

    /** A GFS increase counts when it exceeds this fraction of phi(w0); rounding alone stays near 1e-15. */
    static final double RISE_TOLERANCE = 1e-10;

    private static int[] toInt(NDArray a) {
        double[] d = a.toDoubleArray();
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    /** For the plots: per depth the first run at the largest q of the main grid in the edge-of-stability regime. */
    private static List<Integer> traceRows(int[] depth, double[] q, boolean[] control, double[] eta, Settings s) {
        List<Integer> rows = new ArrayList<>();
        double qMax = s.q()[s.q().length - 1];
        for (int d : s.depths()) {
            for (int i = 0; i < depth.length; i++) {
                boolean eos = 2 / eta[i] > ScalarGfs.minimalSharpness(d, s.y());
                if (!control[i] && depth[i] == d && q[i] == qMax && eos) {
                    rows.add(i);
                    break;
                }
            }
        }
        return rows;
    }

    private static void record(NDArray idx, NDArray loss, NDArray phi, double[][] traceLoss, double[][] tracePhi, int t) {
        if (traceLoss.length == 0) {
            return;
        }
        double[] l;
        double[] p;
        try (NDArray lt = loss.take(idx); NDArray pt = phi.take(idx)) {
            l = lt.toDoubleArray();
            p = pt.toDoubleArray();
        }
        for (int k = 0; k < l.length; k++) {
            traceLoss[k][t] = l[k];
            tracePhi[k][t] = p[k];
        }
    }
}
