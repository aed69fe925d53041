package org.reprobench.papers.adversarialsde;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Many independent runs of adversarial training with batch size 1 on the regression test bed,
 * advanced together: element i of theta is run i, with its own radius eps_i and step eta_i, so
 * one DJL call moves every run (and every setting) by one step.
 *
 * <p>One step, as alternating adversarial SGD does it: draw a fresh sample (x, y); the adversary
 * moves x by eps times the sign of dl/dx = r theta, r = theta x - y (the normalised l2 gradient
 * step, which in one dimension is the exact worst case); the learner takes an SGD step on the
 * loss at the perturbed sample: same sample, same theta. The gradients of the linear model are
 * written out (r theta and r' x'); the unit tests check them against the closed forms.
 *
 * <p>float32: PyTorch draws float32 normals several times faster than float64 ones, and the
 * quantities measured from these runs (weak errors and biases of 1e-3 and more, with standard
 * errors near 1e-4) are far above float32 rounding (about 1e-7 per step, unbiased); a unit test
 * drives a float32 and a float64 copy with the same noise and compares them.
 */
public final class AdversarialRegressionRuns implements AutoCloseable {
    private final NDManager own;
    private final NDArray theta;
    private final NDArray eps;
    private final NDArray eta;
    private final NDArray thetaStar;
    private final float sigma;

    /**
     * @param eps the radius of each run
     * @param eta the step of each run (same length as eps)
     */
    public AdversarialRegressionRuns(NDManager parent, RegressionTestBed data, double theta0, double[] eps, double[] eta,
                                     DataType type) {
        if (eps.length != eta.length) {
            throw new IllegalArgumentException("eps and eta differ in length");
        }
        own = parent.newSubManager();
        this.eps = own.create(eps).toType(type, false);
        this.eta = own.create(eta).toType(type, false);
        theta = own.full(new Shape(eps.length), (float) theta0, type);
        thetaStar = own.create(data.thetaStar()).toType(type, false);
        sigma = (float) data.sigma();
    }

    /** Advances every run by one step with fresh samples. */
    public void step() {
        try (NDManager sub = own.newSubManager()) {
            Shape shape = theta.getShape();
            NDArray x = sub.randomNormal(0, 1, shape, theta.getDataType());
            NDArray noise = sub.randomNormal(0, sigma, shape, theta.getDataType());
            step(x, noise);
        }
    }

    /** One step with the given samples x ~ N(0, 1) and label noise ~ N(0, sigma^2), one per run. */
    public void step(NDArray x, NDArray noise) {
        step(x, noise, eta);
    }

    /** As {@link #step(NDArray, NDArray)}, with this step's learning rate per run (an adaptive schedule). */
    public void step(NDArray x, NDArray noise, NDArray learningRates) {
        try (NDManager sub = own.newSubManager()) {
            NDArray y = x.mul(thetaStar).addi(noise);
            y.attach(sub);
            NDArray inputGradient = theta.mul(x).subi(y).muli(theta); // dl/dx = (theta x - y) theta
            inputGradient.attach(sub);
            NDArray xAdv = inputGradient.sign().muli(eps).addi(x);
            xAdv.attach(sub);
            NDArray gradient = theta.mul(xAdv).subi(y).muli(xAdv); // dl/dtheta at (x + delta, y)
            gradient.attach(sub);
            theta.subi(gradient.muli(learningRates));
        }
    }

    /** The current iterates, one per run (owned by this object). */
    public NDArray theta() {
        return theta;
    }

    @Override
    public void close() {
        own.close();
    }
}
