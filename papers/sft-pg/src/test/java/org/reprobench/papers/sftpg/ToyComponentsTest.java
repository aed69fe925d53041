package org.reprobench.papers.sftpg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ToyComponentsTest {

    @BeforeAll
    static void noGrad() {
        GradMode.offForThisThread();
    }

    @Test
    void toyScheduleKeepsNinetyFivePercentOfTheSignal() {
        ToySchedule s = new ToySchedule();
        assertEquals(0.950978, s.alphaBar(9), 0.950978 * 1e-6);
        double[] betas = {3.470e-5, 1.031e-4, 3.541e-4, 1.201e-3, 3.399e-3, 6.611e-3, 8.809e-3, 9.656e-3, 9.907e-3,
            9.975e-3};
        for (int t = 0; t < 10; t++) {
            assertEquals(betas[t], s.beta(t), betas[t] * 2e-3, "beta_" + t);
        }
        // The last reverse step maps to the x0 prediction: eps factor sqrt(beta_0) at t = 0.
        assertEquals(Math.sqrt(s.beta(0)), s.epsFactor(0), 1e-12);
    }

    @Test
    void swissRollLiesOnTheScaledSpiral() {
        float[] p = SwissRoll.sample(5000, new SplittableRandom(1));
        for (int i = 0; i < 5000; i++) {
            double r = Math.hypot(p[2 * i], p[2 * i + 1]) * SwissRoll.SCALE;   // radius = t in [1.5 pi, 4.5 pi]
            assertTrue(r > 1.5 * Math.PI - 0.3 && r < 4.5 * Math.PI + 0.3, "radius " + r);
        }
    }

    @Test
    void slicedWassersteinOfAShiftIsTheProjectedShift() {
        int n = 500;
        float[] x = SwissRoll.sample(n, new SplittableRandom(2));
        float[] y = x.clone();
        for (int i = 0; i < n; i++) {
            y[2 * i] += 0.3f;
        }
        SlicedWasserstein sw = new SlicedWasserstein(50, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(0, sw.distance(m, x, x, 1)[0], 1e-7);
            // Shifting every point by c e_x shifts every projection by c cos(phi): SWD^2 = c^2 mean cos^2.
            SplittableRandom r = new SplittableRandom(0);
            double meanCos2 = 0;
            for (int j = 0; j < 50; j++) {
                double a = r.nextGaussian();
                double b = r.nextGaussian();
                meanCos2 += a * a / (a * a + b * b) / 50;
            }
            assertEquals(0.3 * Math.sqrt(meanCos2), sw.distance(m, x, y, 1)[0], 1e-5);
        }
    }

    @Test
    void gaussianLogDensityMatchesTheFormula() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0.3f, -0.2f}, new Shape(1, 1, 2));
            NDArray mu = m.create(new float[] {0.1f, 0.1f}, new Shape(1, 1, 2));
            NDArray sg = m.create(new float[] {0.5f}, new Shape(1, 1, 1));
            double expected = 0;
            for (double d : new double[] {0.2, -0.3}) {
                expected += -0.5 * d * d / 0.25 - Math.log(0.5) - 0.5 * Math.log(2 * Math.PI);
            }
            assertEquals(expected, ToySftPg.gaussianLogDensity(x, mu, sg).getFloat(0, 0), 1e-5);
        }
    }

    @Test
    void conditionalLinearScalesByTheStepEmbedding() {
        try (NDManager m = NDManager.newBaseManager()) {
            ValueNetwork v = new ValueNetwork(m, 10, new SplittableRandom[] {new SplittableRandom(1)});
            // Value network output for step k equals a closed form built from its own weights.
            NDArray x = m.create(new float[] {0.2f, -0.4f}, new Shape(1, 1, 2));
            float[] hot = new float[10];
            hot[3] = 1;
            float out = v.forward(x, m.create(hot, new Shape(1, 1, 10))).getFloat();
            var p = v.snapshot();
            double[] h1 = layer(new double[] {0.2, -0.4}, p.get("lin1.lin.weight"), p.get("lin1.lin.bias"),
                    p.get("lin1.embed"), 3, 2, 256, true);
            double[] h2 = layer(h1, p.get("lin2.lin.weight"), p.get("lin2.lin.bias"), p.get("lin2.embed"), 3, 256, 256, true);
            double[] o = layer(h2, p.get("lin4.lin.weight"), p.get("lin4.lin.bias"), p.get("lin4.embed"), 3, 256, 1, false);
            assertEquals(o[0], out, 1e-4 * Math.max(1, Math.abs(o[0])));
        }
    }

    private static double[] layer(double[] x, float[] w, float[] b, float[] emb, int step, int in, int out, boolean relu) {
        double[] y = new double[out];
        for (int j = 0; j < out; j++) {
            double s = b[j];
            for (int i = 0; i < in; i++) {
                s += x[i] * w[i * out + j];
            }
            s *= emb[step * out + j];
            y[j] = relu ? Math.max(0, s) : s;
        }
        return y;
    }

    @Test
    void seedsStayIndependentInsideTheBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            CriticNetwork f = new CriticNetwork(m, new SplittableRandom[] {new SplittableRandom(1), new SplittableRandom(2)});
            NDArray x = m.randomNormal(new Shape(2, 16, 2));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // a loss on seed 0 only
                gc.backward(f.forward(x).get("0").sum());
            }
            for (NDArray p : f.parameterList()) {
                float[] g = p.getGradient().get("1").toFloatArray();
                for (float gi : g) {
                    assertEquals(0f, gi, "seed 1 received gradient from seed 0's loss");
                }
            }
        }
    }

    @Test
    void rmsPropFirstStepIsTenLearningRatesAgainstTheGradientSign() {
        try (NDManager m = NDManager.newBaseManager()) {
            CriticNetwork f = new CriticNetwork(m, new SplittableRandom[] {new SplittableRandom(1)});
            float[] before = f.snapshot().get("lin4.bias");
            RmsPropUpdater opt = new RmsPropUpdater(f, 1e-3f, 0f);
            NDArray x = m.randomNormal(new Shape(1, 8, 2));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(f.forward(x).sum());    // d/d bias4 = 8 > 0
            }
            try (NDManager sub = m.newSubManager()) {
                opt.step(sub);
            }
            // s = 0.01 g^2, so the step is lr g / (0.1 |g|) = 10 lr
            assertEquals(before[0] - 1e-2f, f.snapshot().get("lin4.bias")[0], 1e-6);
            assertEquals(0f, f.parameters().get("lin4.bias").getGradient().getFloat(0, 0, 0), "gradient zeroed");
        }
    }

    @Test
    void clippingScalesEachSeedToItsOwnNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray g1 = m.create(new float[] {3, 0, 0, 0}, new Shape(2, 1, 2));     // seed 0: (3, 0); seed 1: (0, 0)
            NDArray g2 = m.create(new float[] {4, 0, 0.1f, 0}, new Shape(2, 1, 2));  // seed 0: (4, 0); seed 1: (0.1, 0)
            RmsPropUpdater.clipPerSeed(List.of(g1, g2), 1f, 2);
            assertEquals(3 / 5.0, g1.getFloat(0, 0, 0), 1e-5);   // norm 5 -> scaled to 1
            assertEquals(4 / 5.0, g2.getFloat(0, 0, 0), 1e-5);
            assertEquals(0.1, g2.getFloat(1, 0, 0), 1e-6);       // norm 0.1 < 1: untouched
        }
    }

    @Test
    void adamFirstStepMovesByTheLearningRate() {
        try (NDManager m = NDManager.newBaseManager()) {
            CriticNetwork f = new CriticNetwork(m, new SplittableRandom[] {new SplittableRandom(1)});
            float[] before = f.snapshot().get("lin4.bias");
            AdamUpdater opt = new AdamUpdater(f, 1e-3f);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(f.forward(m.randomNormal(new Shape(1, 8, 2))).sum().neg());   // gradient -8 on bias4
            }
            opt.step();
            assertEquals(before[0] + 1e-3f, f.snapshot().get("lin4.bias")[0], 1e-6);
        }
    }

    @Test
    void partialPermutationDrawsDistinctIndices() {
        int[] p = ToySftPg.partialPermutation(100, 30, new SplittableRandom(4));
        assertEquals(30, p.length);
        assertEquals(30, java.util.Arrays.stream(p).distinct().count());
        int[] full = ToySftPg.partialPermutation(50, 50, new SplittableRandom(4));
        int[] sorted = full.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(java.util.stream.IntStream.range(0, 50).toArray(), sorted);
    }
}
