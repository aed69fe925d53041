package org.reprobench.papers.gfssharpness;

import java.util.HashMap;
import java.util.Map;
import org.reprobench.api.ClaimSkipped;
import org.reprobench.datasets.DataUnavailable;
import org.reprobench.datasets.ImageSet;
import org.reprobench.datasets.StandIns;

/**
 * The small regression set of the "beyond scalar networks" claims: the first images of two
 * Fashion-MNIST classes (T-shirt/top = 0 against shirt = 6, two similar classes, so the fit is not
 * trivial), average-pooled 4x4 to 7x7 = 49 features, standardised with the mean and deviation of the
 * first 2,000 training images, scaled by 1/sqrt(49) (so a feature vector has norm about 1), with
 * targets +1 and -1. The same examples for every seed: a seed changes the initialisation only.
 */
record StandInImages(double[][] x, double[] y, String label, boolean standIn, String sha256) {
    static final int POOL = 4;
    static final int CLASS_PLUS = 0;
    static final int CLASS_MINUS = 6;
    private static final int REFERENCE = 2000;

    int examples() {
        return y.length;
    }

    int features() {
        return x[0].length;
    }

    /** Built sets by size: reading the 60,000 training images takes seconds, the result is a few KB. */
    private static final Map<Integer, StandInImages> LOADED = new HashMap<>();

    static synchronized StandInImages load(int perClass) throws ClaimSkipped {
        StandInImages cached = LOADED.get(perClass);
        if (cached != null) {
            return cached;
        }
        ImageSet set;
        try {
            set = StandIns.fashionMnist(true);
        } catch (DataUnavailable e) {
            throw new ClaimSkipped(e.getMessage());
        }
        StandInImages built = from(set, perClass);
        LOADED.put(perClass, built);
        return built;
    }

    static StandInImages from(ImageSet set, int perClass) {
        int side = set.height() / POOL;
        int features = side * (set.width() / POOL);
        double[] mean = new double[features];
        double[] sq = new double[features];
        int ref = Math.min(REFERENCE, set.size());
        for (int i = 0; i < ref; i++) {
            double[] p = pooled(set, i);
            for (int j = 0; j < features; j++) {
                mean[j] += p[j] / ref;
                sq[j] += p[j] * p[j] / ref;
            }
        }
        double[][] x = new double[2 * perClass][];
        double[] y = new double[2 * perClass];
        int plus = 0;
        int minus = 0;
        for (int i = 0; i < set.size() && plus + minus < 2 * perClass; i++) {
            int label = set.labels()[i];
            int row;
            if (label == CLASS_PLUS && plus < perClass) {
                row = 2 * plus++;
                y[row] = 1;
            } else if (label == CLASS_MINUS && minus < perClass) {
                row = 2 * minus++ + 1;
                y[row] = -1;
            } else {
                continue;
            }
            double[] p = pooled(set, i);
            for (int j = 0; j < features; j++) {
                double sd = Math.sqrt(Math.max(sq[j] - mean[j] * mean[j], 0)) + 1e-8;
                p[j] = (p[j] - mean[j]) / sd / Math.sqrt(features);
            }
            x[row] = p;
        }
        if (plus < perClass || minus < perClass) {
            throw new IllegalStateException("the image set holds fewer than " + perClass + " images of each class");
        }
        return new StandInImages(x, y, set.label() + ", classes 0 vs 6, " + 2 * perClass + " images pooled to "
                + side + "x" + side, set.standIn(), set.sha256());
    }

    private static double[] pooled(ImageSet set, int index) {
        int w = set.width();
        int side = set.height() / POOL;
        int cols = w / POOL;
        float[] img = set.images()[index];
        double[] out = new double[side * cols];
        for (int r = 0; r < side * POOL; r++) {
            for (int c = 0; c < cols * POOL; c++) {
                out[(r / POOL) * cols + c / POOL] += img[r * w + c] / (double) (POOL * POOL);
            }
        }
        return out;
    }
}
