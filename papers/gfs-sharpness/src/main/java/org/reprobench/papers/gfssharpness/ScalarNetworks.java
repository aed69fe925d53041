package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A batch of scalar networks f(x) = (w_1 ... w_D) x fitted to one example (x = 1, target y) with the
 * squared loss L(w) = (pi(w) - y)^2 / 2, pi(w) = w_1 ... w_D: the paper's model, one network per row.
 * Networks of different depths share every tensor op: a row of depth D below the tensor's width has its
 * extra columns fixed at 1 and masked out (they leave pi unchanged and get no gradient).
 */
final class ScalarNetworks {
    /** Target of the single example. The GFS sharpness scales as y^(2 - 2/D), so it is kept explicit. */
    final double y;
    /** [N, width]: 1 for a real weight, 0 for padding. */
    final NDArray mask;
    /** [N]: depth of each row. */
    final NDArray depth;
    final int rows;
    final int width;

    ScalarNetworks(int[] depths, double y, NDManager manager) {
        this.y = y;
        this.rows = depths.length;
        int w = 0;
        for (int d : depths) {
            w = Math.max(w, d);
        }
        this.width = w;
        double[] m = new double[rows * width];
        double[] dd = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < depths[i]; j++) {
                m[i * width + j] = 1;
            }
            dd[i] = depths[i];
        }
        this.mask = manager.create(m, new Shape(rows, width));
        this.depth = manager.create(dd);
    }

    /** Weights as a tensor, rows padded with 1 beyond their depth. */
    NDArray weights(double[][] w, NDManager manager) {
        double[] flat = new double[rows * width];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                flat[i * width + j] = j < w[i].length ? w[i][j] : 1.0;
            }
        }
        return manager.create(flat, new Shape(rows, width));
    }

    /** pi(w) per row: [N]. */
    NDArray product(NDArray w) {
        return w.prod(new int[] {1});
    }

    /** L(w) per row: [N]. */
    NDArray loss(NDArray w) {
        return product(w).sub(y).square().mul(0.5);
    }

    /** dL/dw_i = (pi - y) pi / w_i, zero on padding: [N, width]. */
    NDArray gradient(NDArray w) {
        NDArray pi = product(w);
        return pi.sub(y).mul(pi).expandDims(1).div(w).mul(mask);
    }

    /** One GD step w - eta grad L(w), eta per row ([N]). */
    NDArray gdStep(NDArray w, NDArray eta) {
        return w.sub(gradient(w).mul(eta.expandDims(1)));
    }

    /** True per row when some real weight changed sign (or became 0) between two iterates: [N] boolean. */
    NDArray signChanged(NDArray before, NDArray after) {
        // padding columns stay at 1, so they never count
        return before.mul(after).lte(0).toType(DataType.INT32, false).sum(new int[] {1}).gt(0);
    }

    /**
     * The exact Hessian of L per row, [N, width, width] (zero on padding):
     * H_ij = g_i g_j + (pi - y) pi / (w_i w_j) for i != j, H_ii = g_i^2, with g = grad pi = pi / w.
     */
    NDArray hessian(NDArray w) {
        NDArray pi = product(w);
        NDArray g = pi.expandDims(1).div(w).mul(mask);
        NDArray outer = g.expandDims(2).mul(g.expandDims(1));
        NDArray inv = mask.div(w);
        NDArray cross = inv.expandDims(2).mul(inv.expandDims(1)).mul(pi.sub(y).mul(pi).reshape(rows, 1, 1));
        NDArray offDiagonal = w.getManager().eye(width).toType(DataType.FLOAT64, false).neg().add(1);
        return outer.add(cross.mul(offDiagonal));
    }
}
