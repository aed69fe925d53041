package org.reprobench.papers.deepneuralcollapse;

/**
 * The collapse metrics of every layer of one network at one moment. Layer l = 1..L is the feature
 * matrix H_l that W_l reads (H_1 the free or backbone features, H_l for l >= 2 post-ReLU).
 */
record LayerReport(double[] nc1, double[] nc1Pinv, double[] nc2, double[] nc2Etf, double[] nc3, double[] maxCos,
                   double[][] meanNorms, double nc3Last, double[][] outputMeans, double loss) {

    static LayerReport of(ReluStackGd.Snapshot s, int b, int firstFeature, int classes) {
        int depth = s.layers() - firstFeature;
        double[] nc1 = new double[depth];
        double[] nc1Pinv = new double[depth];
        double[] nc2 = new double[depth];
        double[] nc2Etf = new double[depth];
        double[] nc3 = new double[depth];
        double[] maxCos = new double[depth];
        double[][] norms = new double[depth][];
        for (int l = 0; l < depth; l++) {
            double[][] h = s.act(firstFeature + l, b);
            nc1[l] = CollapseMetrics.nc1TraceRatio(h, classes);
            nc1Pinv[l] = CollapseMetrics.nc1Pinv(h, classes);
            nc2[l] = CollapseMetrics.nc2Orthogonal(h, classes);
            nc2Etf[l] = CollapseMetrics.nc2Etf(h, classes);
            nc3[l] = CollapseMetrics.nc3RowAlignment(s.weight(firstFeature + l, b), h, classes);
            maxCos[l] = CollapseMetrics.maxMeanCosine(h, classes);
            norms[l] = CollapseMetrics.meanNorms(h, classes);
        }
        int last = s.layers() - 1;
        double nc3Last = CollapseMetrics.nc3LastLayer(s.weight(last, b), s.act(last, b), classes);
        double[][] out = Matrices.classMeans(s.act(s.layers(), b), classes);
        return new LayerReport(nc1, nc1Pinv, nc2, nc2Etf, nc3, maxCos, norms, nc3Last, out, s.loss(b));
    }

    /** Whether class c is fitted at all (its mean output is not ~0). */
    boolean classAlive(int c) {
        double s = 0;
        for (double[] row : outputMeans) {
            s += row[c] * row[c];
        }
        return Math.sqrt(s) > 1e-3;
    }
}
