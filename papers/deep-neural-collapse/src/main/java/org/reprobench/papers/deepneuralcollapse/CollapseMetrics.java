package org.reprobench.papers.deepneuralcollapse;

import org.reprobench.api.SymmetricEigen;
/**
 * Neural-collapse metrics of one layer. The paper's own formulas could not be read (only its
 * introduction is retrievable), so these are the standard ones of the neural-collapse literature,
 * all reported; see the card.
 *
 * <ul>
 *   <li>NC1 (within-class variability): Papyan et al.'s {@code tr(Sigma_W Sigma_B^+)/K} and the
 *       plain ratio {@code tr(Sigma_W)/tr(Sigma_B)}. For K = 2, Sigma_B has rank one, so the first
 *       sees only the direction between the two means; the ratio sees all of Sigma_W.</li>
 *   <li>NC2, orthogonal frame (the geometry the theorem predicts after a ReLU):
 *       {@code || G/||G||_F - I/sqrt(K) ||_F} with G = M^T M of the uncentred class means. The
 *       simplex-ETF version on centred means is also computed: for K = 2 it is 0 for any two
 *       distinct means, so it says nothing there.</li>
 *   <li>NC3, alignment of the rows of W_l with the class means of the layer it reads:
 *       {@code sum_j (||w_j||^2 - max_c <w_j, mu_c>^2/||mu_c||^2) / sum_j ||w_j||^2}, the share of
 *       W_l's energy not explained by the best class mean of each row (0 when every row is zero or
 *       collinear with a mean). For the last layer also {@code || W_L/||W_L||_F - M^T/||M||_F ||_F}.</li>
 * </ul>
 */
final class CollapseMetrics {
    private static final double RCOND = 1e-10;

    private CollapseMetrics() {
    }

    /** Papyan's NC1, tr(Sigma_W Sigma_B^+)/K, with Sigma_B^+ = K Mc (Mc^T Mc)^{+2} Mc^T. */
    static double nc1Pinv(double[][] h, int classes) {
        int d = h.length;
        int total = h[0].length;
        int n = total / classes;
        double[][] means = Matrices.classMeans(h, classes);
        double[][] centred = centre(means);
        // S = Mc^T Sigma_W Mc (K x K), accumulated from the deviations' projections on the centred means
        double[][] s = new double[classes][classes];
        double[] proj = new double[classes];
        for (int j = 0; j < total; j++) {
            int cls = j / n;
            for (int a = 0; a < classes; a++) {
                double p = 0;
                for (int i = 0; i < d; i++) {
                    p += (h[i][j] - means[i][cls]) * centred[i][a];
                }
                proj[a] = p;
            }
            for (int a = 0; a < classes; a++) {
                for (int b = 0; b < classes; b++) {
                    s[a][b] += proj[a] * proj[b] / total;
                }
            }
        }
        double[][] gram = Matrices.multiply(Matrices.transpose(centred), centred);
        double[][] pinv2 = pseudoInverseSquared(gram);
        // tr(Sigma_W Sigma_B^+) = K tr(G^{+2} S); divided by K
        double tr = 0;
        for (int a = 0; a < classes; a++) {
            for (int b = 0; b < classes; b++) {
                tr += pinv2[a][b] * s[b][a];
            }
        }
        return tr;
    }

    /** tr(Sigma_W) / tr(Sigma_B). */
    static double nc1TraceRatio(double[][] h, int classes) {
        int d = h.length;
        int total = h[0].length;
        int n = total / classes;
        double[][] means = Matrices.classMeans(h, classes);
        double within = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < total; j++) {
                double r = h[i][j] - means[i][j / n];
                within += r * r;
            }
        }
        within /= total;
        double between = Matrices.squaredNorm(centre(means)) / classes;
        return within / between;
    }

    /** || G/||G||_F - I/sqrt(K) ||_F for the Gram matrix of the uncentred class means. */
    static double nc2Orthogonal(double[][] h, int classes) {
        double[][] m = Matrices.classMeans(h, classes);
        return frameDistance(Matrices.multiply(Matrices.transpose(m), m), false);
    }

    /** The simplex-ETF distance of the centred means (identically 0 for two distinct means). */
    static double nc2Etf(double[][] h, int classes) {
        double[][] mc = centre(Matrices.classMeans(h, classes));
        return frameDistance(Matrices.multiply(Matrices.transpose(mc), mc), true);
    }

    private static double frameDistance(double[][] gram, boolean simplex) {
        int k = gram.length;
        double norm = Math.sqrt(Matrices.squaredNorm(gram));
        // unit-Frobenius targets: I/sqrt(K), or (I - 11^T/K)/sqrt(K-1) for the simplex ETF
        double s = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double delta = a == b ? 1 : 0;
                double ideal = simplex ? (delta - 1.0 / k) / Math.sqrt(k - 1.0) : delta / Math.sqrt(k);
                double r = gram[a][b] / norm - ideal;
                s += r * r;
            }
        }
        return Math.sqrt(s);
    }

    /** Largest |cos| between two uncentred class means. */
    static double maxMeanCosine(double[][] h, int classes) {
        double[][] m = Matrices.classMeans(h, classes);
        double worst = 0;
        for (int a = 0; a < classes; a++) {
            for (int b = a + 1; b < classes; b++) {
                double[] x = Matrices.column(m, a);
                double[] y = Matrices.column(m, b);
                worst = Math.max(worst, Math.abs(cosine(x, y)));
            }
        }
        return worst;
    }

    /** cos between the first two class means (signed: layer 1 is not post-ReLU). */
    static double meanCosine(double[][] h, int classes) {
        double[][] m = Matrices.classMeans(h, classes);
        return cosine(Matrices.column(m, 0), Matrices.column(m, 1));
    }

    /** Norms of the uncentred class means. */
    static double[] meanNorms(double[][] h, int classes) {
        double[][] m = Matrices.classMeans(h, classes);
        double[] r = new double[classes];
        for (int c = 0; c < classes; c++) {
            double[] v = Matrices.column(m, c);
            r[c] = Math.sqrt(Matrices.dot(v, v));
        }
        return r;
    }

    /** Share of W's row energy not explained by the best-aligned class mean of the features it reads. */
    static double nc3RowAlignment(double[][] w, double[][] h, int classes) {
        double[][] m = Matrices.classMeans(h, classes);
        double[][] mus = Matrices.transpose(m);
        double total = 0;
        double explained = 0;
        for (double[] row : w) {
            double e = Matrices.dot(row, row);
            total += e;
            double best = 0;
            for (double[] mu : mus) {
                double mm = Matrices.dot(mu, mu);
                if (mm > 0) {
                    double p = Matrices.dot(row, mu);
                    best = Math.max(best, p * p / mm);
                }
            }
            explained += best;
        }
        return total > 0 ? (total - explained) / total : 0;
    }

    /** || W/||W||_F - M^T/||M||_F ||_F for a last layer W (K x d) and its input's class means M (d x K). */
    static double nc3LastLayer(double[][] w, double[][] h, int classes) {
        double[][] mt = Matrices.transpose(Matrices.classMeans(h, classes));
        double wn = Math.sqrt(Matrices.squaredNorm(w));
        double mn = Math.sqrt(Matrices.squaredNorm(mt));
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                double r = w[i][j] / wn - mt[i][j] / mn;
                s += r * r;
            }
        }
        return Math.sqrt(s);
    }

    static double cosine(double[] x, double[] y) {
        double nx = Math.sqrt(Matrices.dot(x, x));
        double ny = Math.sqrt(Matrices.dot(y, y));
        return nx == 0 || ny == 0 ? 0 : Matrices.dot(x, y) / (nx * ny);
    }

    private static double[][] centre(double[][] means) {
        int d = means.length;
        int k = means[0].length;
        double[][] c = new double[d][k];
        for (int i = 0; i < d; i++) {
            double g = 0;
            for (int a = 0; a < k; a++) {
                g += means[i][a];
            }
            g /= k;
            for (int a = 0; a < k; a++) {
                c[i][a] = means[i][a] - g;
            }
        }
        return c;
    }

    /** (G^+)^2 of a symmetric PSD matrix, eigenvalues below RCOND x the largest treated as zero. */
    private static double[][] pseudoInverseSquared(double[][] g) {
        SymmetricEigen e = SymmetricEigen.of(g);
        int k = g.length;
        double[][] r = new double[k][k];
        double top = e.values()[0];
        for (int t = 0; t < k; t++) {
            double ev = e.values()[t];
            if (ev <= RCOND * top || ev <= 0) {
                continue;
            }
            double inv2 = 1 / (ev * ev);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    r[a][b] += inv2 * e.vectors()[a][t] * e.vectors()[b][t];
                }
            }
        }
        return r;
    }
}
