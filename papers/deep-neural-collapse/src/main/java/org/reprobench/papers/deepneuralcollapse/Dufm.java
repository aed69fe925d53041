package org.reprobench.papers.deepneuralcollapse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The L-DUFM: free features H_1 (width x N) followed by L bias-free layers, ReLU after all but the
 * last, MSE to one-hot labels, every W_l and H_1 penalised with the same lambda (per network).
 * A batch of independent networks is trained at once; network b draws its initialisation from its
 * own {@code java.util.Random(initSeeds[b])} (H_1 first, then W_1..W_L, entries N(0, 1/width)), so
 * its trajectory does not depend on which other networks share the batch.
 */
public final class Dufm {
    private Dufm() {
    }

    /** One network of a batch: its initialisation seed and its lambda (all W_l and H_1). */
    public record Member(long initSeed, double lambda) {
    }

    /**
     * @param parent   manager that owns nothing of this (a sub-manager is made and closed with the result)
     * @param depth    L
     * @param width    d (every hidden layer and H_1)
     * @param perClass n
     * @param classes  K
     * @param lr       step size
     */
    public static ReluStackGd build(NDManager parent, List<Member> members, int depth, int width, int perClass,
                                    int classes, double lr) {
        return build(parent, members, depth, width, perClass, classes, lr, DataType.FLOAT64);
    }

    /** As above, with the floating-point type of every tensor (the initialisation is drawn in float64). */
    public static ReluStackGd build(NDManager parent, List<Member> members, int depth, int width, int perClass,
                                    int classes, double lr, DataType type) {
        NDManager m = parent.newSubManager();
        int batch = members.size();
        int samples = perClass * classes;
        double scale = 1 / Math.sqrt(width);
        double[] h = new double[batch * width * samples];
        double[][] w = new double[depth][];
        for (int l = 0; l < depth; l++) {
            w[l] = new double[batch * rows(l, depth, width, classes) * width];
        }
        for (int b = 0; b < batch; b++) {
            Random rng = new Random(members.get(b).initSeed());
            fill(rng, h, b * width * samples, width * samples, scale);
            for (int l = 0; l < depth; l++) {
                int size = rows(l, depth, width, classes) * width;
                fill(rng, w[l], b * size, size, scale);
            }
        }
        NDArray input = m.create(h, new Shape(batch, width, samples)).toType(type, false);
        List<NDArray> weights = new ArrayList<>();
        boolean[] relu = new boolean[depth];
        double[][] lambdaW = new double[depth][batch];
        double[] lambdaH = new double[batch];
        for (int l = 0; l < depth; l++) {
            weights.add(m.create(w[l], new Shape(batch, rows(l, depth, width, classes), width)).toType(type, false));
            relu[l] = l < depth - 1;
            for (int b = 0; b < batch; b++) {
                lambdaW[l][b] = members.get(b).lambda();
            }
        }
        for (int b = 0; b < batch; b++) {
            lambdaH[b] = members.get(b).lambda();
        }
        NDArray target = m.create(oneHot(classes, perClass), new Shape(classes, samples)).toType(type, false);
        return new ReluStackGd(m, input, true, weights, relu, lambdaW, 0, lambdaH, target, lr);
    }

    private static int rows(int layer, int depth, int width, int classes) {
        return layer == depth - 1 ? classes : width;
    }

    private static void fill(Random rng, double[] a, int from, int count, double scale) {
        for (int i = 0; i < count; i++) {
            a[from + i] = rng.nextGaussian() * scale;
        }
    }

    /** K x N one-hot labels, classes in consecutive blocks of n columns. */
    static double[] oneHot(int classes, int perClass) {
        int samples = classes * perClass;
        double[] y = new double[classes * samples];
        for (int c = 0; c < classes; c++) {
            for (int j = c * perClass; j < (c + 1) * perClass; j++) {
                y[c * samples + j] = 1;
            }
        }
        return y;
    }

    /** A per-network seed derived from a harness seed and an index, mixed so that nearby pairs differ. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
