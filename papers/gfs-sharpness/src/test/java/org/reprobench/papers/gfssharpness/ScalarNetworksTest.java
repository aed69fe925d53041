package org.reprobench.papers.gfssharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gradient, Hessian and GD step of the scalar networks against finite differences, autograd and exact identities. */
class ScalarNetworksTest {
    static NDManager m;

    @BeforeAll
    static void open() {
        m = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        m.close();
    }

    /** The same loss as a FlatModel, so that autograd (double backward) can differentiate it. */
    record ProductLoss(double y) implements FlatModel {
        @Override
        public NDArray loss(NDArray theta) {
            return theta.prod(new int[] {1}).sub(y).square().mul(0.5);
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        double[] w = {1.3, -0.7, 0.9, 1.6};
        ScalarNetworks nets = new ScalarNetworks(new int[] {4}, 1.4, m);
        double[] g = nets.gradient(nets.weights(new double[][] {w}, m)).toDoubleArray();
        double h = 1e-6;
        for (int i = 0; i < 4; i++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (nets.loss(nets.weights(new double[][] {plus}, m)).getDouble(0)
                    - nets.loss(nets.weights(new double[][] {minus}, m)).getDouble(0)) / (2 * h);
            assertEquals(fd, g[i], 1e-8);
        }
    }

    @Test
    void analyticHessianEqualsTheAutogradHessianAndItsTopEigenvalueIsPhiAtTheMinimiser() {
        double y = 1.3;
        double[] w = {1.2, 0.75, 1.0, 1.05, 0.9};
        ScalarNetworks nets = new ScalarNetworks(new int[] {5}, y, m);
        NDArray wt = nets.weights(new double[][] {w}, m);
        double[] analytic = nets.hessian(wt).toDoubleArray();
        ProductLoss model = new ProductLoss(y);
        for (int j = 0; j < 5; j++) {
            double[] e = new double[5];
            e[j] = 1;
            double[] column = model.hessianVectorProduct(wt, m.create(e, new Shape(1, 5))).toDoubleArray();
            for (int i = 0; i < 5; i++) {
                assertEquals(analytic[i * 5 + j], column[i], 1e-12 * (1 + Math.abs(column[i])));
            }
        }
        // at the gradient-flow limit the Hessian is grad pi grad pi^T: top eigenvalue = |grad pi|^2 = phi
        ScalarGfs.Solution sol = ScalarGfs.solve(nets, wt, null);
        NDArray s = ScalarGfs.flowLimit(nets, wt, sol.c());
        double top = Eigen.topSymmetric(nets.hessian(s), 200).getDouble(0);
        assertEquals(sol.sharpness().getDouble(0), top, 1e-12 * top);
    }

    @Test
    void depthTwoStepMultipliesTheImbalanceByOneMinusEtaSquaredResidualSquared() {
        // the identity behind the step-size condition: phi rises exactly when eta^2 (pi - y)^2 > 2
        Random r = new Random(11);
        for (int k = 0; k < 50; k++) {
            double a = 0.3 + 2 * r.nextDouble();
            double b = 0.3 + 2 * r.nextDouble();
            double eta = 0.05 + r.nextDouble();
            ScalarNetworks nets = new ScalarNetworks(new int[] {2}, 1, m);
            NDArray w = nets.weights(new double[][] {{a, b}}, m);
            double[] next = nets.gdStep(w, m.create(new double[] {eta})).toDoubleArray();
            double residual = a * b - 1;
            double factor = 1 - eta * eta * residual * residual;
            assertEquals((a * a - b * b) * factor, next[0] * next[0] - next[1] * next[1], 1e-10 * (1 + Math.abs(a * a - b * b)));
            if (next[0] > 0 && next[1] > 0) {
                double before = ScalarGfsTest.phi(m, 1, new double[] {a, b})[0];
                double after = ScalarGfsTest.phi(m, 1, next)[0];
                if (Math.abs(Math.abs(factor) - 1) > 1e-6) {
                    assertEquals(Math.abs(factor) > 1, after > before, "eta^2 r^2 = " + eta * eta * residual * residual);
                }
            }
        }
    }

    @Test
    void paddingColumnsStayAtOneAndSignChangesAreSeen() {
        ScalarNetworks nets = new ScalarNetworks(new int[] {2, 4}, 1, m);
        NDArray w = nets.weights(new double[][] {{1.5, 0.6}, {1.1, 0.9, 1.2, 0.8}}, m);
        NDArray next = nets.gdStep(w, m.create(new double[] {0.3, 0.3}));
        assertArrayEquals(new double[] {1, 1}, next.get("0, 2:").toDoubleArray(), 0);
        NDArray flipped = nets.weights(new double[][] {{-1.5, 0.6}, {1.1, 0.9, 1.2, 0.8}}, m);
        boolean[] changed = nets.signChanged(w, flipped).toBooleanArray();
        assertTrue(changed[0]);
        assertFalse(changed[1]);
    }
}
