package org.reprobench.papers.byzsgdnm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The batched closed-form per-worker gradients against DJL autograd and finite differences, in float64. */
class WorkerMlpTest {
    private static final int IN = 6;
    private static final int HIDDEN = 5;
    private static final int CLASSES = 3;
    private static final int WORKERS = 4;
    private static final int BATCH = 3;
    private NDManager m;
    private final WorkerMlp model = new WorkerMlp(IN, HIDDEN, CLASSES);
    private NDArray theta; // (2, d): two runs
    private NDArray x; // (n, B, in)
    private NDArray y; // (n, B, classes)

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
        SplittableRandom r = new SplittableRandom(5);
        float[] a = model.initial(1);
        float[] b = model.initial(2);
        double[] t = new double[2 * model.size()];
        for (int i = 0; i < model.size(); i++) {
            t[i] = a[i];
            t[model.size() + i] = b[i];
        }
        theta = m.create(t, new Shape(2, model.size()));
        x = m.create(r.doubles(WORKERS * BATCH * IN, -2, 2).toArray(), new Shape(WORKERS, BATCH, IN));
        int[] labels = r.ints(WORKERS * BATCH, 0, CLASSES).toArray();
        y = m.create(labels).oneHot(CLASSES).toType(DataType.FLOAT64, false).reshape(WORKERS, BATCH, CLASSES);
    }

    @AfterEach
    void close() {
        m.close();
    }

    /** Mean cross-entropy of worker k for parameters p (d). */
    private NDArray loss(NDArray p, int k) {
        NDArray logp = model.logits(p, x.get(k)).logSoftmax(-1);
        return logp.mul(y.get(k)).sum().div(-BATCH);
    }

    @Test
    void sizeAndLayout() {
        assertEquals(IN * HIDDEN + HIDDEN + HIDDEN * CLASSES + CLASSES, model.size());
    }

    @Test
    void gradientsMatchAutogradPerWorker() {
        NDArray[] lossOut = new NDArray[1];
        NDArray g = model.workerGradients(theta, x, y, lossOut); // (2, n, d)
        assertArrayEquals(new long[] {2, WORKERS, model.size()}, g.getShape().getShape());
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < WORKERS; k++) {
                NDArray p = theta.get(r).duplicate();
                p.setRequiresGradient(true);
                double lossValue;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray l = loss(p, k);
                    lossValue = l.getDouble();
                    gc.backward(l);
                }
                assertArrayEquals(p.getGradient().toDoubleArray(), g.get(r).get(k).toDoubleArray(), 1e-12);
                assertEquals(lossValue, lossOut[0].get(r).get(k).getDouble(), 1e-12);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        NDArray g = model.workerGradients(theta, x, y, null);
        double[] p = theta.get(1).toDoubleArray();
        double h = 1e-6;
        for (int i = 0; i < p.length; i += 7) { // every 7th coordinate covers all four blocks
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (loss(m.create(plus), 2).getDouble() - loss(m.create(minus), 2).getDouble()) / (2 * h);
            assertEquals(fd, g.get(1).get(2).get(i).getDouble(), 1e-7, "coordinate " + i);
        }
    }

    @Test
    void accuracyCountsArgmaxHits() {
        // Zero weights and a bias favouring class 2 predict class 2 everywhere.
        double[] p = new double[model.size()];
        p[model.size() - 1] = 1;
        NDArray t = m.create(p, new Shape(1, model.size()));
        NDArray xs = m.create(new double[4 * IN], new Shape(4, IN));
        assertArrayEquals(new double[] {0.5}, model.accuracy(t, xs, new int[] {2, 0, 2, 1}), 0);
    }
}
