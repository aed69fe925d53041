package org.reprobench.papers.sftpg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Sliced Wasserstein distance of order 2 between two equally sized 2-D point clouds, the metric
 * the official toy prints (POT's sliced_wasserstein_distance with p = 2): project both clouds on
 * random unit directions, sort, and average the squared gaps of matching order statistics over
 * points and directions; the square root of that mean is the distance. Vectorised over seeds:
 * one matrix product and one sort for all seeds and directions.
 */
public final class SlicedWasserstein {
    private final float[] directions;    // (2, projections), unit columns
    private final int projections;

    /** {@code projections} directions drawn once from {@code seed}, reused for every comparison. */
    public SlicedWasserstein(int projections, long seed) {
        this.projections = projections;
        this.directions = new float[2 * projections];
        SplittableRandom r = new SplittableRandom(seed);
        for (int j = 0; j < projections; j++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            double norm = Math.hypot(a, b);
            directions[j] = (float) (a / norm);
            directions[projections + j] = (float) (b / norm);
        }
    }

    /** SWD_2 per seed between clouds x and y, each (seeds, n, 2) row-major with the same n. */
    public double[] distance(NDManager parent, float[] x, float[] y, int seeds) {
        if (x.length != y.length || x.length % (2 * seeds) != 0) {
            throw new IllegalArgumentException("the clouds need the same size and (seeds, n, 2) layout");
        }
        int n = x.length / (2 * seeds);
        try (NDManager m = parent.newSubManager()) {
            // (projections, 2) x (seeds, 2, n) -> (seeds, projections, n): the sort runs along the contiguous axis.
            NDArray dir = m.create(directions, new Shape(2, projections)).transpose();
            NDArray px = dir.matMul(m.create(x, new Shape(seeds, n, 2)).transpose(0, 2, 1)).sort(2);
            NDArray py = dir.matMul(m.create(y, new Shape(seeds, n, 2)).transpose(0, 2, 1)).sort(2);
            float[] msd = PerSeed.mean(px.sub(py).square()).toFloatArray();
            double[] out = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                out[s] = Math.sqrt(msd[s]);
            }
            return out;
        }
    }
}
