package org.reprobench.papers.quantumtunnelingwalk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The walk from the spectrum: with H = sum_j lambda_j v_j v_j^T and c = V^T u0, the state at time t is
 * u(t) = sum_j c_j exp(-i lambda_j t) v_j exactly, so no time stepping is needed. Several initial
 * states and many times go through one batched product on DJL (float64): coefficients [B, K] times
 * cos/sin tables [T, K] give amplitudes [B*T, K], multiplied by the eigenvectors [K, n].
 *
 * <p>The restart protocol (draw t ~ U(0, tau), evolve from the initial state, measure, repeat) has
 * i.i.d. trials, so by Wald's identity E[T_hit] = E[t] / P(hit per trial) = tau / (2 pbar(tau)),
 * where pbar(tau) = (1/tau) int_0^tau P_target(t) dt
 *                 = sum_{j,l} c_j c_l G_jl sinc((lambda_j - lambda_l) tau),  G = V_T^T V_T.
 */
public final class SpectralWalk {
    private final NDManager manager;
    private final double[] values;
    private final NDArray vectors;      // [K, n]
    private final NDArray coefficients; // [B, K]
    private final int targetFrom;
    private final NDArray loss;         // [n]

    public SpectralWalk(NDManager manager, TridiagonalEigen.Pairs pairs, double[][] initialStates, boolean[] target, double[] loss) {
        this.manager = manager;
        this.values = pairs.values().clone();
        int k = pairs.count();
        int n = pairs.vectors()[0].length;
        double[] flat = new double[k * n];
        for (int j = 0; j < k; j++) {
            System.arraycopy(pairs.vectors()[j], 0, flat, j * n, n);
        }
        this.vectors = manager.create(flat, new Shape(k, n));
        double[] init = new double[initialStates.length * n];
        for (int b = 0; b < initialStates.length; b++) {
            System.arraycopy(initialStates[b], 0, init, b * n, n);
        }
        NDArray u0 = manager.create(init, new Shape(initialStates.length, n));
        this.coefficients = u0.matMul(vectors.transpose());
        int from = target.length;
        while (from > 0 && target[from - 1]) {
            from--;
        }
        for (int i = 0; i < from; i++) {
            if (target[i]) {
                throw new IllegalArgumentException("the target must be a tail of the grid (x >= L - 2a)");
            }
        }
        this.targetFrom = from;
        this.loss = manager.create(loss);
    }

    public int walks() {
        return (int) coefficients.getShape().get(0);
    }

    /** Sum of c_j^2 per walk: how much of each initial state the kept eigenpairs carry (1 when complete). */
    public double[] capturedWeight() {
        return coefficients.square().sum(new int[] {1}).toDoubleArray();
    }

    /** Weight of each walk on the m lowest eigenstates (the code's "overlap with the subspace"). */
    public double[] weightOnLowest(int m) {
        return coefficients.get(new NDIndex(":, :" + m)).square().sum(new int[] {1}).toDoubleArray();
    }

    /** P(x in target) at each time, per walk: [B][T]. */
    public double[][] targetProbability(double[] times) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray targetVectors = targetColumns();
            NDArray[] amp = amplitudes(sub, times);
            NDArray re = amp[0].matMul(targetVectors);
            NDArray im = amp[1].matMul(targetVectors);
            NDArray p = re.square().add(im.square()).sum(new int[] {1});
            return reshape(p.toDoubleArray(), walks(), times.length);
        }
    }

    /** Expected loss sum_x f(x) |u_x(t)|^2 at each time, per walk: [B][T]. */
    public double[][] expectedLoss(double[] times) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray[] amp = amplitudes(sub, times);
            NDArray re = amp[0].matMul(vectors);
            NDArray im = amp[1].matMul(vectors);
            NDArray prob = re.square().add(im.square());
            return reshape(prob.matMul(loss).toDoubleArray(), walks(), times.length);
        }
    }

    /** The closed form of pbar(tau) per walk and tau: [B][taus]. */
    public double[][] averagedTargetProbability(double[] taus) {
        try (NDManager sub = manager.newSubManager()) {
            int k = values.length;
            NDArray vt = targetColumns();                     // [K, m]
            NDArray g = vt.matMul(vt.transpose());            // [K, K]
            NDArray c = coefficients;                         // [B, K]
            NDArray outer = c.expandDims(2).mul(c.expandDims(1)).mul(g.expandDims(0)); // [B, K, K]
            NDArray lambda = sub.create(values);
            NDArray gap = lambda.expandDims(1).sub(lambda.expandDims(0));              // [K, K]
            NDArray z = sub.create(taus).reshape(taus.length, 1, 1).mul(gap.expandDims(0)); // [taus, K, K]
            NDArray sinc = NDArrays.where(z.abs().lt(1e-12), sub.ones(z.getShape(), DataType.FLOAT64), z.sin().div(z));
            NDArray result = outer.reshape(walks(), (long) k * k).matMul(sinc.reshape(taus.length, (long) k * k).transpose());
            return reshape(result.toDoubleArray(), walks(), taus.length);
        }
    }

    /** E[T_hit] of the restart protocol by Wald: tau / (2 pbar(tau)), per walk and tau. */
    public double[][] expectedHittingTime(double[] taus) {
        double[][] pbar = averagedTargetProbability(taus);
        double[][] out = new double[pbar.length][taus.length];
        for (int b = 0; b < pbar.length; b++) {
            for (int t = 0; t < taus.length; t++) {
                out[b][t] = taus[t] / (2 * pbar[b][t]);
            }
        }
        return out;
    }

    private NDArray[] amplitudes(NDManager sub, double[] times) {
        int k = values.length;
        NDArray phase = sub.create(times).reshape(times.length, 1).mul(sub.create(values).reshape(1, k)); // [T, K]
        NDArray c = coefficients.expandDims(1);                       // [B, 1, K]
        NDArray re = c.mul(phase.cos().expandDims(0)).reshape(-1, k); // [B*T, K]
        NDArray im = c.mul(phase.sin().expandDims(0)).neg().reshape(-1, k);
        return new NDArray[] {re, im};
    }

    /** The eigenvectors' entries on the target well, a contiguous tail of the grid: [K, m]. */
    private NDArray targetColumns() {
        return vectors.get(new NDIndex(":, " + targetFrom + ":"));
    }

    private static double[][] reshape(double[] flat, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }
}
