package org.reprobench.papers.sftpg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * With data concentrated at 0 the ideal eps-model is eps(x) = x / sqrt(1 - Gamma-bar), and a VAR
 * step with kappa = 1 maps N(0, 1 - Gamma-bar_j) exactly onto N(0, 1 - Gamma-bar_{j-1}): a closed form
 * that checks the multipliers against each other and the sampler's arithmetic.
 */
class VarSamplerTest {
    private static final VarSchedule Q10 = VarSchedule.of(10, VarSchedule.Family.QUADRATIC, 1.0);

    @Test
    void multipliersCarryTheMarginalVarianceDownTheChain() {
        double[] g = Q10.gammaBar();
        double[] xm = Q10.xMultiplier();
        double[] c = Q10.epsMultiplier();
        double[] sd = Q10.std();
        for (int i = 0; i < 9; i++) {
            int j = 9 - i;
            double k = xm[i] + c[i] / Math.sqrt(1 - g[j]);
            assertEquals(1 - g[j - 1], k * k * (1 - g[j]) + sd[i] * sd[i], 1e-6, "step " + i);
        }
        // The last step maps to the data exactly (then adds 0.001 noise): x multiplier + c / sqrt(1 - G_0) = 0.
        assertEquals(0, xm[9] + c[9] / Math.sqrt(1 - g[0]), 1e-4);
    }

    @Test
    void rolloutWithTheIdealModelEndsAtTheData() {
        GradMode.offForThisThread();
        double[] g = Q10.gammaBar();
        VarSampler sampler = new VarSampler(Q10);
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            int n = 20_000;
            NDArray xT = m.randomNormal(new Shape(n, 3, 2, 2), DataType.FLOAT64).mul(Math.sqrt(1 - g[9]));
            // the ideal eps at the step's noise level, looked up from tau's position in the schedule
            double[] tau = Q10.tau();
            VarSampler.EpsModel ideal = (x, t) -> {
                int i = 0;
                while (tau[i] != t) {
                    i++;
                }
                return x.div(Math.sqrt(1 - g[9 - i]));
            };
            NDArray[] x = sampler.rollout(m, ideal, xT, like -> m.randomNormal(like.getShape(), DataType.FLOAT64));
            for (int i = 1; i < 10; i++) {
                double var = x[i].square().mean().getDouble();
                assertEquals(1 - g[9 - i], var, 0.02 * (1 - g[9 - i]) + 1e-5, "variance after step " + i);
            }
            assertEquals(1e-6, x[10].square().mean().getDouble(), 2e-7);
        }
    }

    @Test
    void logProbIsTheMeanGaussianLogDensity() {
        VarSampler sampler = new VarSampler(Q10);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mean = m.zeros(new Shape(1, 1, 2, 1), DataType.FLOAT64);
            NDArray next = m.create(new double[] {0.5, -1.0}, new Shape(1, 1, 2, 1));
            double sd = Q10.std()[0];
            double expected = 0;
            for (double v : new double[] {0.5, -1.0}) {
                expected += (-0.5 * v * v / (sd * sd) - Math.log(sd) - 0.5 * Math.log(2 * Math.PI)) / 2;
            }
            assertEquals(expected, sampler.logProb(next, mean, 0).getDouble(0), 1e-12);
        }
    }
}
