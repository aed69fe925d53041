package org.reprobench.papers.deepneuralcollapse;

import java.util.Arrays;

/**
 * The optimum of the binary (K = 2) deep unconstrained features model, reduced to one variable.
 *
 * <p>Objective (n samples per class, N = 2n):
 * {@code (1/2N)||W_L H_L - Y||^2 + sum_l (lambda_Wl/2)||W_l||^2 + (lambda_H/2)||H_1||^2}, with
 * {@code H_{l+1} = ReLU(W_l H_l)}. At a deep-neural-collapse point every post-ReLU layer l >= 2
 * holds two orthogonal class means of norm r_l and the output of class c is q e_c. Minimum-norm
 * weights then cost lambda_WL q^2/r_L^2 and lambda_Wl r_{l+1}^2/r_l^2; the free first layer costs
 * {@code sqrt(lambda_W1 lambda_H) ||W_1 H_1||_* = c r_2} with {@code c = 2 sqrt(n lambda_W1 lambda_H)}
 * (the least nuclear norm of a matrix whose ReLU has those columns). AM-GM over the ratios
 * r_{l+1}/r_l and minimisation over r_2 leave
 * <pre>  f(q) = (1 - q)^2 / 2 + B q^beta,   beta = 2/(L+1),
 *   B = c (L+1)/2 (2 Lambda / c)^((L-1)/(L+1)),  Lambda = geometric mean of lambda_W2..lambda_WL.</pre>
 * The global optimum is min(f(q*), 1/2), where 1/2 is the all-zero solution. Our derivation (the
 * paper's body could not be read); {@code ClosedFormOptimumTest} checks it against a direct
 * numerical minimisation over (q, r_2..r_L). Plain Java: a scalar root search.
 */
public final class ClosedFormOptimum {
    private final int depth;
    private final int perClass;
    private final double[] lambdaW;
    private final double lambdaH;
    private final double c;
    private final double geoLambda;
    private final double b;
    private final double beta;
    private final double q;
    private final double interiorValue;

    /**
     * @param depth    L >= 2 weight matrices
     * @param perClass n samples per class
     * @param lambdaW  lambda_W1..lambda_WL
     * @param lambdaH  lambda_H1
     */
    public ClosedFormOptimum(int depth, int perClass, double[] lambdaW, double lambdaH) {
        if (depth < 2 || lambdaW.length != depth) {
            throw new IllegalArgumentException("need L >= 2 and one lambda per weight matrix");
        }
        this.depth = depth;
        this.perClass = perClass;
        this.lambdaW = lambdaW.clone();
        this.lambdaH = lambdaH;
        this.c = 2 * Math.sqrt(perClass * lambdaW[0] * lambdaH);
        double logSum = 0;
        for (int l = 1; l < depth; l++) {
            logSum += Math.log(lambdaW[l]);
        }
        this.geoLambda = Math.exp(logSum / (depth - 1));
        this.beta = 2.0 / (depth + 1);
        this.b = c * (depth + 1) / 2.0 * Math.pow(2 * geoLambda / c, (depth - 1.0) / (depth + 1));
        this.q = interiorMinimiser(b, beta);
        this.interiorValue = Double.isNaN(q) ? Double.NaN : reduced(q);
    }

    /** Every lambda equal. */
    public static ClosedFormOptimum uniform(int depth, int perClass, double lambda) {
        double[] w = new double[depth];
        Arrays.fill(w, lambda);
        return new ClosedFormOptimum(depth, perClass, w, lambda);
    }

    /** f(q) of the one-variable reduction. */
    public double reduced(double x) {
        return 0.5 * (1 - x) * (1 - x) + b * Math.pow(x, beta);
    }

    /**
     * The larger stationary point of f on (0, 1): f'(x) = -(1-x) + B beta x^(beta-1) is convex in x,
     * so it has at most two roots; the larger one is the interior local minimum. NaN when f' > 0
     * on all of (0, 1) (only the zero solution is a minimum).
     */
    static double interiorMinimiser(double b, double beta) {
        // f'' = 1 + B beta (beta-1) x^(beta-2) vanishes at xm, where f' is smallest
        double xm = Math.pow(b * beta * (1 - beta), 1 / (2 - beta));
        if (xm >= 1 || derivative(xm, b, beta) >= 0) {
            return Double.NaN;
        }
        double lo = xm;
        double hi = 1;
        for (int i = 0; i < 200 && hi - lo > 1e-17; i++) {
            double mid = 0.5 * (lo + hi);
            if (derivative(mid, b, beta) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double derivative(double x, double b, double beta) {
        return -(1 - x) + b * beta * Math.pow(x, beta - 1);
    }

    /** The global optimum: the DNC value when it beats 1/2, else 1/2 (the zero solution). */
    public double value() {
        return dncIsOptimal() ? interiorValue : 0.5;
    }

    /** True when a non-zero (collapsed) solution beats the all-zero one. */
    public boolean dncIsOptimal() {
        return !Double.isNaN(interiorValue) && interiorValue < 0.5;
    }

    /** Value of the DNC critical point (NaN when there is none). */
    public double dncValue() {
        return interiorValue;
    }

    /**
     * Value of a critical point where only {@code alive} of the K classes are fitted and the others
     * are mapped to zero: the objective splits over classes at a collapsed point, so it is the
     * average of the per-class values (DNC value for a live class, 1/2 for a dead one).
     */
    public double partialValue(int alive, int classes) {
        return (alive * interiorValue + (classes - alive) * 0.5) / classes;
    }

    /** Output scale q: class c is mapped to q e_c. */
    public double outputScale() {
        return q;
    }

    /** Class-mean norms r_2..r_L of the post-ReLU layers (index 0 is layer 2). */
    public double[] meanNorms() {
        double p = 2.0 / (depth - 1);
        double r2 = Math.pow(2 * geoLambda * Math.pow(q, p) / c, 1 / (p + 1));
        double[] ratio = layerGains();
        double[] r = new double[depth - 1];
        r[0] = r2;
        for (int l = 1; l < depth - 1; l++) {
            r[l] = r[l - 1] * ratio[l - 1];
        }
        return r;
    }

    /**
     * The two equal non-zero singular values of W_2..W_L (index 0 is W_2): W_l maps the class means
     * of layer l to those of layer l+1 (the output q e_c for W_L), so it scales by r_{l+1}/r_l.
     */
    public double[] layerGains() {
        double p = 2.0 / (depth - 1);
        double r2 = Math.pow(2 * geoLambda * Math.pow(q, p) / c, 1 / (p + 1));
        double product = q / r2;
        double[] t = new double[depth - 1];
        for (int j = 0; j < depth - 1; j++) {
            t[j] = Math.sqrt(geoLambda * Math.pow(product, 2.0 / (depth - 1)) / lambdaW[j + 1]);
        }
        return t;
    }

    /**
     * ||H_1||_F^2 at the optimum. The two first-layer penalties are equal at the optimal factorisation
     * of Z = W_1 H_1, and add up to sqrt(lambda_W1 lambda_H) ||Z||_* = c r_2, so
     * (lambda_H/2)||H_1||^2 = c r_2 / 2. (The direction of H_1 is not unique; its norm is.)
     */
    public double firstFeaturesSquaredNorm() {
        return c * meanNorms()[0] / lambdaH;
    }

    /** ||W_1||_F^2 at the optimum, from the same balance: (lambda_W1/2)||W_1||^2 = c r_2 / 2. */
    public double firstWeightsSquaredNorm() {
        return c * meanNorms()[0] / lambdaW[0];
    }

    /**
     * The factor s such that scaling every lambda by s puts the problem exactly on the threshold
     * where the DNC value equals 1/2. B scales linearly with a common factor on all lambdas, and
     * at the threshold f(q) = 1/2 and f'(q) = 0 give q = (1-beta)/(1-beta/2) = (L-1)/L and
     * B = (q - q^2/2) / q^beta.
     */
    public double thresholdScale() {
        double qt = (1 - beta) / (1 - beta / 2);
        double bt = (qt - qt * qt / 2) / Math.pow(qt, beta);
        return bt / b;
    }

    public int depth() {
        return depth;
    }

    public int perClass() {
        return perClass;
    }
}
