package org.reprobench.papers.gfssharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The squared regression model: gradient vs autograd, the dual closed form of its GFS vs the integrated flow. */
class SquaredRegressionTest {
    static NDManager m;
    static SquaredRegression model;
    static NDArray theta;

    @BeforeAll
    static void open() {
        m = NDManager.newBaseManager();
        Random r = new Random(2);
        int n = 4;
        int d = 7;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = r.nextGaussian() / Math.sqrt(d);
            }
            y[i] = i % 2 == 0 ? 1 : -1;
        }
        model = new SquaredRegression(new StandInImages(x, y, "synthetic", false, null), m);
        double[] t = new double[2 * 2 * d];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.exp(2 * r.nextDouble() - 1);
        }
        theta = m.create(t, new Shape(2, 2 * d));
    }

    @AfterAll
    static void close() {
        m.close();
    }

    @Test
    void analyticGradientEqualsAutograd() {
        assertArrayEquals(model.gradient(theta).toDoubleArray(), model.analyticGradient(theta).toDoubleArray(), 1e-14);
    }

    @Test
    void dualSolutionInterpolatesAndKeepsTheFlowInvariants() {
        SquaredRegression.Gfs g = model.gfs(theta, null);
        assertTrue(g.residual() < 1e-12, "dual gradient " + g.residual());
        // u^2 = u0^2 e^{-X^T mu}, v^2 = v0^2 e^{X^T mu}: X beta = y and u_j^2 v_j^2 unchanged
        NDArray z = g.mu().matMul(model.x);
        NDArray u2 = model.u(theta).square().mul(z.neg().exp());
        NDArray v2 = model.v(theta).square().mul(z.exp());
        NDArray fit = u2.sub(v2).matMul(model.xt);
        assertArrayEquals(model.y.concat(model.y).toDoubleArray(), fit.reshape(-1).toDoubleArray(), 1e-11);
    }

    @Test
    void gfsSharpnessEqualsTheTopEigenvalueWhereTheIntegratedFlowEnds() {
        SquaredRegression.Gfs g = model.gfs(theta, null);
        NDArray h0 = g.sharpness().pow(-1).mul(0.5);
        DormandPrince.Result flow = DormandPrince.integrate(th -> model.analyticGradient(th).neg(), theta, h0, 1e-11, 1e-13,
                th -> model.loss(th).lt(1e-20), 200_000, () -> { });
        assertTrue(flow.finished().all().getBoolean());
        double[] power = model.topEigenvalue(flow.y(), 300, null).value().toDoubleArray();
        double[] closed = g.sharpness().toDoubleArray();
        for (int i = 0; i < closed.length; i++) {
            assertEquals(closed[i], power[i], 1e-7 * closed[i]);
        }
    }
}
