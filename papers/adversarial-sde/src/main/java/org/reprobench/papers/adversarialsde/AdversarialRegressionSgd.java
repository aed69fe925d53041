package org.reprobench.papers.adversarialsde;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Adversarial training with batch size 1 on the regression test bed, many independent runs at
 * once: element i of every array is one run, with its own eps_i and eta_i, so one DJL call
 * advances all paths (and all settings) by one step.
 *
 * <p>One step, as alternating adversarial SGD does it: draw a fresh sample (x, y); the adversary
 * moves x by eps times the sign of dl/dx = r theta (the normalised l2 gradient step, exact worst
 * case in one dimension); the learner takes an SGD step on the loss at the perturbed sample,
 * same sample, same theta. The gradients of the linear model are written out by hand (they are
 * r theta and r' x'), which the unit tests check against finite differences.
 */
public final class AdversarialRegressionSgd {
    private final RegressionTestBed bed;

    public AdversarialRegressionSgd(RegressionTestBed bed) {
        this.bed = bed;
    }

    /** Advances every run by one step, updating theta in place. */
    public void step(NDArray theta, NDArray eps, NDArray eta) {
        try (NDManager sub = theta.getManager().newSubManager()) {
            Shape shape = theta.getShape();
            NDArray x = sub.randomNormal(0, 1, shape, DataType.FLOAT64);
            NDArray y = x.mul(bed.thetaStar()).addi(sub.randomNormal(0, (float) bed.sigma(), shape, DataType.FLOAT64));
            NDArray inputGradient = theta.mul(x).subi(y).muli(theta); // dl/dx = (theta x - y) theta
            NDArray xAdv = inputGradient.sign().muli(eps).addi(x);
            NDArray gradient = theta.mul(xAdv).subi(y).muli(xAdv); // dl/dtheta at (x + delta, y)
            theta.subi(gradient.muli(eta));
        }
    }

    /** Runs k steps from the current theta. */
    public void run(NDArray theta, NDArray eps, NDArray eta, int k) {
        for (int i = 0; i < k; i++) {
            step(theta, eps, eta);
        }
    }
}
