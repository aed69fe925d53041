package org.reprobench.papers.deepneuralcollapse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One GD step changes every parameter by -lr x gradient: checked against central finite differences. */
class ReluStackGdTest {
    private static final double LR = 1e-3;

    @Test
    void dufmStepIsGradientDescent() {
        // free features (trainable input, penalised), ReLU after all but the last layer
        check(new int[] {5, 4, 4, 2}, new boolean[] {true, true, false}, true, 0, 3);
    }

    @Test
    void trainedNetworkStepIsGradientDescent() {
        // fixed input, a linear backbone output that is penalised, then a ReLU head
        check(new int[] {6, 5, 4, 4, 2}, new boolean[] {true, false, true, false}, false, 2, 4);
    }

    private static void check(int[] dims, boolean[] relu, boolean trainInput, int penalised, int perClass) {
        int batch = 2;
        int layers = dims.length - 1;
        int samples = 2 * perClass;
        Random rng = new Random(11);
        double[][][] input = new double[batch][dims[0]][samples];
        double[][][][] w = new double[batch][layers][][];
        double[][] lambdaW = new double[layers][batch];
        double[] lambdaA = new double[batch];
        for (int b = 0; b < batch; b++) {
            fill(rng, input[b]);
            for (int l = 0; l < layers; l++) {
                w[b][l] = new double[dims[l + 1]][dims[l]];
                fill(rng, w[b][l]);
                lambdaW[l][b] = 1e-2 * (1 + l + b);
            }
            lambdaA[b] = 3e-2 * (1 + b);
        }
        double[][] y = new double[2][samples];
        for (int j = 0; j < samples; j++) {
            y[j < perClass ? 0 : 1][j] = 1;
        }
        try (NDManager root = NDManager.newBaseManager()) {
            NDManager m = root.newSubManager();
            List<NDArray> ws = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                double[] flat = new double[batch * dims[l + 1] * dims[l]];
                for (int b = 0; b < batch; b++) {
                    flatten(w[b][l], flat, b * dims[l + 1] * dims[l]);
                }
                ws.add(m.create(flat, new Shape(batch, dims[l + 1], dims[l])));
            }
            double[] in = new double[batch * dims[0] * samples];
            for (int b = 0; b < batch; b++) {
                flatten(input[b], in, b * dims[0] * samples);
            }
            NDArray target = m.create(Dufm.oneHot(2, perClass), new Shape(2, samples));
            try (ReluStackGd gd = new ReluStackGd(m, m.create(in, new Shape(batch, dims[0], samples)), trainInput, ws,
                    relu, lambdaW, penalised, lambdaA, target, LR)) {
                ReluStackGd.Snapshot before = gd.snapshot();
                gd.step();
                ReluStackGd.Snapshot after = gd.snapshot();
                for (int b = 0; b < batch; b++) {
                    final int bb = b;
                    double[] lw = new double[layers];
                    for (int l = 0; l < layers; l++) {
                        lw[l] = lambdaW[l][b];
                    }
                    assertEquals(ReferenceDufm.objective(input[b], w[b], relu, lw, penalised, lambdaA[b], y), before.loss(b), 1e-12);
                    for (int l = 0; l < layers; l++) {
                        double[][] moved = after.weight(l, b);
                        for (int i = 0; i < w[b][l].length; i++) {
                            for (int j = 0; j < w[b][l][0].length; j++) {
                                final int li = l;
                                double fd = centralDifference(w[b][l], i, j,
                                        () -> ReferenceDufm.objective(input[bb], w[bb], relu, lw, penalised, lambdaA[bb], y));
                                assertEquals(fd, (w[b][l][i][j] - moved[i][j]) / LR, 1e-7, "W_" + li + "[" + i + "][" + j + "]");
                            }
                        }
                    }
                    double[][] movedInput = after.act(0, b);
                    for (int i = 0; i < dims[0]; i++) {
                        for (int j = 0; j < samples; j++) {
                            double expected = trainInput ? centralDifference(input[b], i, j,
                                    () -> ReferenceDufm.objective(input[bb], w[bb], relu, lw, penalised, lambdaA[bb], y)) : 0;
                            assertEquals(expected, (input[b][i][j] - movedInput[i][j]) / LR, 1e-7, "input[" + i + "][" + j + "]");
                        }
                    }
                }
            }
        }
    }

    private static double centralDifference(double[][] x, int i, int j, java.util.function.DoubleSupplier f) {
        double h = 1e-6;
        double keep = x[i][j];
        x[i][j] = keep + h;
        double up = f.getAsDouble();
        x[i][j] = keep - h;
        double down = f.getAsDouble();
        x[i][j] = keep;
        return (up - down) / (2 * h);
    }

    private static void fill(Random rng, double[][] a) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian() * 0.7;
            }
        }
    }

    private static void flatten(double[][] a, double[] out, int offset) {
        int k = offset;
        for (double[] row : a) {
            for (double v : row) {
                out[k++] = v;
            }
        }
    }
}
