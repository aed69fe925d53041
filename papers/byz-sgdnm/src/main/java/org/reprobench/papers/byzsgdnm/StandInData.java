package org.reprobench.papers.byzsgdnm;

import java.util.List;
import java.util.SplittableRandom;
import org.reprobench.api.ClaimSkipped;
import org.reprobench.api.RunContext;
import org.reprobench.datasets.DataUnavailable;
import org.reprobench.datasets.ImageSet;
import org.reprobench.datasets.SeededSampler;
import org.reprobench.datasets.StandIns;

/**
 * The data the training claims run on: a seeded subset of Fashion-MNIST from the datasets module
 * (stand-in for CIFAR-10) or, at the smoke profile, a synthetic Gaussian mixture. Pixels are
 * standardised with the training subset's mean and standard deviation.
 */
final class StandInData {

    /** One data source, as the run's provenance records it. */
    record Source(String label, String sha256) {
    }

    /** What was loaded, with its sources. */
    record Loaded(ByzantineTraining.Data data, List<Source> sources) {

        /** Declares every source as stand-in data of the claim. */
        void declare(RunContext ctx) {
            for (Source s : sources) {
                ctx.useData(s.label(), true, s.sha256());
            }
        }
    }

    private StandInData() {
    }

    /** The data of a sweep configuration: the synthetic mixture (smoke) or Fashion-MNIST. */
    static Loaded load(BatchSizeSweep.Config c) throws ClaimSkipped {
        return c.synthetic() ? gaussianMixture(32, 4, 0.6, c.trainSize(), c.testSize(), 7)
                : fashionMnist(c.trainSize(), c.testSize());
    }

    /** {@code trainSize} training images drawn without replacement (seed 0), and the first {@code testSize} test images. */
    static Loaded fashionMnist(int trainSize, int testSize) throws ClaimSkipped {
        ImageSet train;
        ImageSet test;
        try {
            train = StandIns.fashionMnist(true);
            test = StandIns.fashionMnist(false);
        } catch (DataUnavailable e) {
            throw new ClaimSkipped(e.getMessage());
        }
        int[] pick = SeededSampler.permutation(train.size(), 0);
        float[][] tr = new float[trainSize][];
        int[] trY = new int[trainSize];
        for (int i = 0; i < trainSize; i++) {
            tr[i] = train.images()[pick[i]];
            trY[i] = train.labels()[pick[i]];
        }
        ImageSet te = test.head(testSize);
        return new Loaded(standardised(tr, trY, te.images(), te.labels(), train.classes()),
                List.of(new Source(train.label() + ", " + trainSize + " images drawn with seed 0", train.sha256()),
                        new Source(te.label() + ", first " + te.size() + " images", te.sha256())));
    }

    /**
     * A Gaussian mixture: {@code classes} centres drawn N(0, spread^2 I) in {@code dims}
     * dimensions, unit-variance noise around them. For the smoke profile only.
     */
    static Loaded gaussianMixture(int dims, int classes, double spread, int trainSize, int testSize, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = new double[classes][dims];
        for (double[] c : centres) {
            for (int j = 0; j < dims; j++) {
                c[j] = spread * r.nextGaussian();
            }
        }
        float[][] tr = new float[trainSize][];
        int[] trY = new int[trainSize];
        float[][] te = new float[testSize][];
        int[] teY = new int[testSize];
        for (int i = 0; i < trainSize + testSize; i++) {
            int y = r.nextInt(classes);
            float[] x = new float[dims];
            for (int j = 0; j < dims; j++) {
                x[j] = (float) (centres[y][j] + r.nextGaussian());
            }
            if (i < trainSize) {
                tr[i] = x;
                trY[i] = y;
            } else {
                te[i - trainSize] = x;
                teY[i - trainSize] = y;
            }
        }
        return new Loaded(standardised(tr, trY, te, teY, classes), List.of(new Source(
                "synthetic Gaussian mixture (" + classes + " classes, " + dims + "-D, seed " + seed + ")", null)));
    }

    static ByzantineTraining.Data standardised(float[][] tr, int[] trY, float[][] te, int[] teY, int classes) {
        int dims = tr[0].length;
        double sum = 0;
        double sq = 0;
        for (float[] x : tr) {
            for (float v : x) {
                sum += v;
                sq += (double) v * v;
            }
        }
        long count = (long) tr.length * dims;
        double mean = sum / count;
        double std = Math.sqrt(sq / count - mean * mean);
        return new ByzantineTraining.Data(flatten(tr, mean, std), trY, flatten(te, mean, std), teY, dims, classes);
    }

    private static float[] flatten(float[][] xs, double mean, double std) {
        int dims = xs[0].length;
        float[] out = new float[xs.length * dims];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < dims; j++) {
                out[i * dims + j] = (float) ((xs[i][j] - mean) / std);
            }
        }
        return out;
    }
}
