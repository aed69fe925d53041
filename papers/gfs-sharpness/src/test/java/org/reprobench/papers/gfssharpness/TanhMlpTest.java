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

/** The small network: hand-written gradient vs autograd, double-backward HVPs vs finite differences, power iteration vs an explicit Hessian. */
class TanhMlpTest {
    static NDManager m;
    static TanhMlp net;

    @BeforeAll
    static void open() {
        m = NDManager.newBaseManager();
        Random r = new Random(5);
        double[][] x = new double[6][5];
        double[] y = new double[6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j] = r.nextGaussian() / Math.sqrt(5);
            }
            y[i] = i % 2 == 0 ? 1 : -1;
        }
        net = new TanhMlp(new StandInImages(x, y, "synthetic", false, null), 4, m);
    }

    @AfterAll
    static void close() {
        m.close();
    }

    static NDArray rows(long... seeds) {
        NDArray out = null;
        for (long s : seeds) {
            NDArray row = m.create(net.initialParameters(s), new Shape(1, net.parameters));
            out = out == null ? row : out.concat(row, 0);
        }
        return out;
    }

    @Test
    void handWrittenGradientEqualsAutograd() {
        NDArray theta = rows(1, 2, 3);
        double[] a = net.analyticGradient(theta).toDoubleArray();
        double[] b = net.gradient(theta).toDoubleArray();
        assertArrayEquals(b, a, 1e-14);
    }

    @Test
    void doubleBackwardHessianVectorProductMatchesCentralDifferences() {
        NDArray theta = rows(4, 5);
        Random r = new Random(9);
        double[] d = new double[2 * net.parameters];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        NDArray v = m.create(d, new Shape(2, net.parameters));
        double[] hv = net.hessianVectorProduct(theta, v).toDoubleArray();
        double h = 1e-5;
        double[] fd = net.analyticGradient(theta.add(v.mul(h))).sub(net.analyticGradient(theta.sub(v.mul(h)))).div(2 * h)
                .toDoubleArray();
        double scale = 0;
        for (double x : hv) {
            scale = Math.max(scale, Math.abs(x));
        }
        assertArrayEquals(fd, hv, 1e-7 * scale);
        // rows are separate networks: row 1 alone gives the same product
        double[] alone = net.hessianVectorProduct(theta.get("1:2"), v.get("1:2")).toDoubleArray();
        double[] second = java.util.Arrays.copyOfRange(hv, net.parameters, 2 * net.parameters);
        assertArrayEquals(second, alone, 1e-15 * scale);
    }

    @Test
    void powerIterationFindsTheLargestEigenvalueOfTheExplicitHessian() {
        // move towards a minimum first, where the Hessian is close to positive semi-definite
        NDArray theta = rows(7);
        for (int t = 0; t < 3000; t++) {
            theta = theta.sub(net.analyticGradient(theta).mul(0.2));
        }
        int p = net.parameters;
        double[][] h = new double[p][];
        for (int j = 0; j < p; j++) {
            double[] e = new double[p];
            e[j] = 1;
            h[j] = net.hessianVectorProduct(theta, m.create(e, new Shape(1, p))).toDoubleArray();
        }
        double exact = Jacobi.largestEigenvalue(h);
        double power = net.topEigenvalue(theta, 300, null).value().getDouble(0);
        assertTrue(exact > 0);
        assertEquals(exact, power, 1e-8 * exact);
    }
}
