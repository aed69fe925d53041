package org.reprobench.papers.mamlspokenwords;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WordCnnTest {
    private static final CnnShape SMALL = new CnnShape(2, 3, 4, 3, 39, 50, true);

    @BeforeAll
    static void torch() {
        Torch.prepareThread();
    }

    @Test
    void stackedLearnersComputeAsIfAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Weights three = Weights.initial(m, SMALL, new long[] {1, 2, 3}, DataType.FLOAT64);
            Weights two = Weights.initial(m, SMALL, new long[] {2}, DataType.FLOAT64);
            for (int i = 0; i < three.size(); i++) {
                assertArrayEquals(two.get(i).toDoubleArray(), three.get(i).get(1).toDoubleArray(), 0, "initial weights of seed 2, slot " + i);
            }
            m.getEngine().setRandomSeed(4);
            NDArray x = m.randomNormal(new Shape(5, 3, 39, 50)).toType(DataType.FLOAT64, false);
            NDArray together = WordCnn.logits(three, WordCnn.embed(three, x), 3);
            NDArray alone = WordCnn.logits(two, WordCnn.embed(two, x.get(new NDIndex(":, 1:2"))), 3);
            assertArrayEquals(alone.toDoubleArray(), together.get(1).toDoubleArray(), 1e-12);
        }
    }

    @Test
    void batchNormUsesTheBatchStatistics() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            NDArray h = m.randomNormal(2f, 3f, new Shape(6, 4, 5, 7), DataType.FLOAT64);
            NDArray scale = m.create(new double[] {1, 2, 0.5, 3});
            NDArray shift = m.create(new double[] {0, -1, 2, 0.25});
            double[] out = WordCnn.batchNorm(h, scale, shift).toDoubleArray();
            double[] in = h.toDoubleArray();
            for (int c = 0; c < 4; c++) {
                double mean = 0;
                double inMean = 0;
                int n = 6 * 5 * 7;
                for (int b = 0; b < 6; b++) {
                    for (int k = 0; k < 35; k++) {
                        mean += out[(b * 4 + c) * 35 + k] / n;
                        inMean += in[(b * 4 + c) * 35 + k] / n;
                    }
                }
                double var = 0;
                double inVar = 0;
                for (int b = 0; b < 6; b++) {
                    for (int k = 0; k < 35; k++) {
                        var += Math.pow(out[(b * 4 + c) * 35 + k] - mean, 2) / n;
                        inVar += Math.pow(in[(b * 4 + c) * 35 + k] - inMean, 2) / n;
                    }
                }
                double s = scale.getDouble(c);
                assertEquals(shift.getDouble(c), mean, 1e-10, "channel mean is the shift");
                assertEquals(s * s * inVar / (inVar + WordCnn.NORM_EPS), var, 1e-9, "channel variance is scale^2 (biased batch variance)");
            }
        }
    }

    @Test
    void crossEntropyMatchesAHandComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new double[] {1, 2, 3, 0, 0, 0}, new Shape(1, 2, 3));
            NDArray labels = m.create(new double[] {0, 0, 1, 1, 0, 0}, new Shape(1, 2, 3));
            double first = -(3 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)));
            double second = Math.log(3);
            assertEquals((first + second) / 2, WordCnn.crossEntropy(logits, labels).getDouble(0), 1e-12);
        }
    }

    @Test
    void officialEncoderFlattensTo1344Features() {
        CnnShape official = CnnShape.official(10);
        assertEquals(64 * 3 * 7, official.pooledFeatures(), "the official code's Linear(1344, 256)");
        try (NDManager m = NDManager.newBaseManager()) {
            Weights w = Weights.initial(m, official, new long[] {1}, DataType.FLOAT32);
            NDArray e = WordCnn.embed(w, m.randomNormal(new Shape(3, 1, 39, 101)));
            assertEquals(new Shape(1, 3, 256), e.getShape());
            assertEquals(new Shape(1, 3, 4), WordCnn.logits(w, e, 4).getShape());
        }
    }

    @Test
    void repeatEachRepeatsEveryLearnerInARow() {
        try (NDManager m = NDManager.newBaseManager()) {
            Weights w = Weights.initial(m, SMALL, new long[] {1, 2}, DataType.FLOAT64);
            Weights r = w.repeatEach(3);
            assertEquals(6, r.learners());
            for (int l = 0; l < 6; l++) {
                assertArrayEquals(w.get(0).get(l / 3).toDoubleArray(), r.get(0).get(l).toDoubleArray(), 0);
            }
        }
    }
}
