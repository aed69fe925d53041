package org.reprobench.papers.hawkesgranger;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The official code's log-likelihood and "surrogate" gradient on DJL/PyTorch in float64, for many
 * data sets at once.
 *
 * <p>The likelihood splits by target type. The events of type i only involve theta_i = (mu_i,
 * A[i, :]), and their linear intensity is linear in it: lambda_n = x_n . theta_i with the design
 * row x_n = (1, F_n) ({@link ExcitationFeatures}). The compensator part of type i is c . theta_i
 * with c = (sum over sequences of t_N, G). So each (data set, type) pair is one <em>block</em>:
 * <ul>
 *   <li>block log-likelihood = sum_n log(x_n . theta_i) - c . theta_i; undefined (NaN, as in the
 *       official code) when some lambda_n &lt;= 0; the data set's log-likelihood is the sum over
 *       its d blocks;</li>
 *   <li>surrogate log-likelihood: the same with the events of lambda_n &lt;= 0 left out;</li>
 *   <li>gradient as the official code computes it: (sum_n x_n / lambda_n - c) / M, with 1/lambda_n
 *       replaced by 0 where lambda_n &lt;= 0 (the surrogate's gradient) and M the number of
 *       sequences (the official code averages over sequences).</li>
 * </ul>
 * All blocks are stacked into one K x N_max x (d+1) array (shorter blocks padded with zero rows,
 * whose lambda = 0 drops out by itself), so one evaluation is two batched matrix-vector products:
 * phase 1 evaluates the S x d blocks of S data sets together, phase 2 one block.
 */
public final class SurrogateLikelihood implements AutoCloseable {
    private final NDManager manager;
    private final int blocks;
    private final int width;
    private final NDArray design;    // K x N x (d+1), for the gradient
    private final NDArray designT;   // K x (d+1) x N, for the intensities (PyTorch's bmm is much faster this way round)
    private final NDArray isEvent;   // K x 1 x N
    private final NDArray zeros;     // K x 1 x N
    private final NDArray ones;      // K x 1 x N
    private final NDList data;
    private final double[][] compensator;
    private final double[] sequences;

    private SurrogateLikelihood(NDManager parent, List<double[]> designs, int[] events, int width,
                                double[][] compensator, double[] sequences) {
        this.manager = parent.newSubManager();
        this.blocks = designs.size();
        this.width = width;
        int maxEvents = 1;
        for (int n : events) {
            maxEvents = Math.max(maxEvents, n);
        }
        double[] x = new double[blocks * maxEvents * width];
        double[] e = new double[blocks * maxEvents];
        for (int k = 0; k < blocks; k++) {
            System.arraycopy(designs.get(k), 0, x, k * maxEvents * width, events[k] * width);
            java.util.Arrays.fill(e, k * maxEvents, k * maxEvents + events[k], 1);
        }
        this.design = manager.create(x, new Shape(blocks, maxEvents, width));
        this.designT = design.transpose(0, 2, 1).duplicate();
        this.isEvent = manager.create(e, new Shape(blocks, 1, maxEvents));
        this.zeros = manager.zeros(new Shape(blocks, 1, maxEvents), DataType.FLOAT64);
        this.ones = manager.ones(new Shape(blocks, 1, maxEvents), DataType.FLOAT64);
        this.data = new NDList(design, designT, isEvent, zeros, ones);
        this.compensator = compensator;
        this.sequences = sequences;
    }

    /** Every type of every data set: block s * d + i is type i of data set s. */
    public static SurrogateLikelihood allTypes(NDManager manager, List<ExcitationFeatures> sets) {
        int d = sets.get(0).types();
        List<double[]> designs = new ArrayList<>();
        List<Integer> events = new ArrayList<>();
        List<double[]> c = new ArrayList<>();
        List<Double> m = new ArrayList<>();
        for (ExcitationFeatures f : sets) {
            if (f.types() != d) {
                throw new IllegalArgumentException("data sets differ in the number of types");
            }
            for (int i = 0; i < d; i++) {
                double[] x = design(f, i);
                designs.add(x);
                events.add(x.length / (d + 1));
                c.add(compensator(f));
                m.add((double) f.sequences());
            }
        }
        return new SurrogateLikelihood(manager, designs, events.stream().mapToInt(Integer::intValue).toArray(), d + 1,
                c.toArray(double[][]::new), m.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** One target type of one data set. */
    public static SurrogateLikelihood oneType(NDManager manager, ExcitationFeatures f, int type) {
        double[] x = design(f, type);
        return new SurrogateLikelihood(manager, List.of(x), new int[] {x.length / (f.types() + 1)}, f.types() + 1,
                new double[][] {compensator(f)}, new double[] {f.sequences()});
    }

    private static double[] design(ExcitationFeatures f, int type) {
        int d = f.types();
        double[] rows = f.featuresOfType(type);
        int n = rows.length / d;
        double[] x = new double[n * (d + 1)];
        for (int k = 0; k < n; k++) {
            x[k * (d + 1)] = 1;
            System.arraycopy(rows, k * d, x, k * (d + 1) + 1, d);
        }
        return x;
    }

    private static double[] compensator(ExcitationFeatures f) {
        int d = f.types();
        double[] c = new double[d + 1];
        c[0] = f.lastTimeSum();
        System.arraycopy(f.compensatorWeights(), 0, c, 1, d);
        return c;
    }

    public int blocks() {
        return blocks;
    }

    /** Gradient of each block (K x (d+1), entry 0 for mu_i), averaged over the data set's sequences. */
    public double[][] gradient(double[][] theta) {
        try (NDManager step = manager.newSubManager()) {
            data.tempAttach(step);
            NDArray lambda = parameters(step, theta).matMul(designT);                    // K x 1 x N
            NDArray inverse = NDArrays.where(lambda.gt(0), ones.div(lambda), zeros);
            double[] raw = inverse.matMul(design).toDoubleArray();                       // K x 1 x (d+1)
            double[][] g = new double[blocks][width];
            for (int k = 0; k < blocks; k++) {
                for (int j = 0; j < width; j++) {
                    g[k][j] = (raw[k * width + j] - compensator[k][j]) / sequences[k];
                }
            }
            return g;
        }
    }

    /** Exact log-likelihood of each block: NaN where some event has a non-positive linear intensity. */
    public double[] logLikelihood(double[][] theta) {
        return evaluate(theta, false);
    }

    /** Log-likelihood of each block with the events of non-positive linear intensity left out. */
    public double[] surrogateLogLikelihood(double[][] theta) {
        return evaluate(theta, true);
    }

    private double[] evaluate(double[][] theta, boolean surrogate) {
        try (NDManager step = manager.newSubManager()) {
            data.tempAttach(step);
            NDArray lambda = parameters(step, theta).matMul(designT);
            NDArray positive = lambda.gt(0);
            NDArray safe = NDArrays.where(positive, lambda, ones);
            double[] logSum = safe.log().sum(new int[] {1, 2}).toDoubleArray();   // log 1 = 0 where left out
            double[] bad = isEvent.mul(positive.logicalNot().toType(DataType.FLOAT64, false)).sum(new int[] {1, 2})
                    .toDoubleArray();
            double[] out = new double[blocks];
            for (int k = 0; k < blocks; k++) {
                double linear = 0;
                for (int j = 0; j < width; j++) {
                    linear += compensator[k][j] * theta[k][j];
                }
                out[k] = !surrogate && bad[k] > 0 ? Double.NaN : logSum[k] - linear;
            }
            return out;
        }
    }

    private NDArray parameters(NDManager step, double[][] theta) {
        double[] flat = new double[blocks * width];
        for (int k = 0; k < blocks; k++) {
            System.arraycopy(theta[k], 0, flat, k * width, width);
        }
        return step.create(flat, new Shape(blocks, 1, width));
    }

    /** The blocks of S data sets: block s * d + i = (mu[s][i], a[s][i][:]). */
    public static double[][] blocksOf(double[][] mu, double[][][] a) {
        int d = mu[0].length;
        double[][] theta = new double[mu.length * d][];
        for (int s = 0; s < mu.length; s++) {
            for (int i = 0; i < d; i++) {
                theta[s * d + i] = block(mu[s][i], a[s][i]);
            }
        }
        return theta;
    }

    public static double[] block(double muTarget, double[] aRow) {
        double[] theta = new double[aRow.length + 1];
        theta[0] = muTarget;
        System.arraycopy(aRow, 0, theta, 1, aRow.length);
        return theta;
    }

    /** Sums consecutive groups of d block values: one value per data set. */
    public static double[] perDataSet(double[] perBlock, int d) {
        double[] out = new double[perBlock.length / d];
        for (int k = 0; k < perBlock.length; k++) {
            out[k / d] += perBlock[k];
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
