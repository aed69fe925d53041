package org.reprobench.papers.quantumtunnelingwalk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ClassicalBaselineTest {

    @Test
    void gibbsExpectedLossLimitsAndMatching() {
        double[] f = {0, 1, 2};
        // s -> 0: all mass at the minimum; s -> infinity: uniform
        assertEquals(0, GibbsMatching.gibbsExpectedLoss(f, 1e-3), 1e-12);
        assertEquals(1, GibbsMatching.gibbsExpectedLoss(f, 1e6), 1e-5);
        // by hand at s = 2: weights 1, e^-1, e^-2
        double z = 1 + Math.exp(-1) + Math.exp(-2);
        assertEquals((Math.exp(-1) + 2 * Math.exp(-2)) / z, GibbsMatching.gibbsExpectedLoss(f, 2), 1e-14);
        double s = GibbsMatching.matchedLearningRate(f, 0.5);
        assertEquals(0.5, GibbsMatching.gibbsExpectedLoss(f, s), 1e-10);
    }

    @Test
    void kramersLimitOfTheClosedForm() {
        // quartic well with f''(min) = 2, |f''(max)| = 1: T -> 2 pi / sqrt(2) exp(2 dH / s) for dH >> s
        double s = 0.1;
        double dh = 0.6;
        double closed = ArrheniusLaw.closedForm(dh);
        double kramers = 2 * Math.PI / Math.sqrt(2) * Math.exp(2 * dh / s);
        assertEquals(1, closed / kramers, 0.1);
    }

    @Test
    void exactChainSolveMatchesTheDiffusionForSmallSteps() {
        // flat landscape, wall at 0, start 0.5, target 1: diffusion MFPT (2/s) int_0.5^1 y dy = 0.75 / s
        double s = 0.005;
        double chain = SgdMeanHittingTime.solve(x -> 0, 0, 2, 1, 0.5, s, 6);
        double diffusion = DiffusionMeanFirstPassage.time(x -> 0, 0, 0.5, 1, s, 20001);
        assertEquals(0.75 / s, diffusion, 1e-6 * 0.75 / s);
        // the discrete walk differs from the diffusion by overshoot and wall effects of order sqrt(s)
        assertEquals(1, chain / diffusion, 0.1);
    }

    @Test
    void exactChainSolveIsConvergedInTheCellWidth() {
        DoubleWellLandscape land = DoubleWellLandscape.example(1);
        double a = SgdMeanHittingTime.forLandscape(land, 0.1525, 4);
        double b = SgdMeanHittingTime.forLandscape(land, 0.1525, 8);
        assertEquals(1, a / b, 1e-3);
    }

    @Test
    void batchedGradientsEqualTheScalarOnes() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int ex = 1; ex <= 3; ex++) {
                DoubleWellLandscape land = DoubleWellLandscape.example(ex);
                double[] xs = new double[997];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = land.length() * (i + 0.5) / xs.length;
                }
                NDArray x = m.create(xs).reshape(-1, 1);
                double[] g = new ChainLandscapes.PaperWells(land).gradient(x, null).toDoubleArray();
                for (int i = 0; i < xs.length; i++) {
                    assertEquals(land.gradient(xs[i]), g[i], 1e-12, "x = " + xs[i]);
                }
            }
            double dh = 0.2;
            double w = ArrheniusLaw.width(dh);
            NDArray x = m.create(new double[] {-1.3 * w, -w, 0.2 * w, 1.7 * w}).reshape(-1, 1);
            NDArray params = m.create(new double[] {dh, w, dh, w, dh, w, dh, w}).reshape(4, 2);
            double[] g = new ChainLandscapes.QuarticWells().gradient(x, params).toDoubleArray();
            double[] xv = x.toDoubleArray();
            for (int i = 0; i < 4; i++) {
                assertEquals(ArrheniusLaw.quarticGradient(xv[i], dh, w), g[i], 1e-12);
            }
        }
    }

    @Test
    void firstStepEscapeProbabilityOfTheChains() {
        // Test 3 from the origin: the first proposal escapes (|x_1| > a/2) with probability 2 Phi(-(a/2)/s)
        int chains = 4000;
        double s = 0.5;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x0 = m.zeros(new Shape(chains, 10), DataType.FLOAT64);
            NDArray params = m.zeros(new Shape(chains, 1), DataType.FLOAT64);
            LangevinChains.Hits hits = LangevinChains.run(m, 7, x0, params, null, s,
                    new ChainLandscapes.BallEscape(1, 0.5), 1, null);
            int first = chains - hits.censored();
            double p = 2 * SgdMeanHittingTime.normalCdf(-0.5 / s);
            double se = Math.sqrt(p * (1 - p) / chains);
            assertEquals(p, (double) first / chains, 4 * se);
        }
    }

    @Test
    void chainsAgreeWithTheExactSolveOnAQuarticWell() {
        double dh = 0.1;
        double w = ArrheniusLaw.width(dh);
        double exact = ArrheniusLaw.exactChain(dh);
        int chains = 2000;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x0 = m.zeros(new Shape(chains, 1), DataType.FLOAT64).sub(w);
            double[] p = new double[2 * chains];
            for (int i = 0; i < chains; i++) {
                p[2 * i] = dh;
                p[2 * i + 1] = w;
            }
            LangevinChains.Hits hits = LangevinChains.run(m, 3, x0, m.create(p).reshape(chains, 2), null, ArrheniusLaw.S,
                    new ChainLandscapes.QuarticWells(), 100_000, null);
            double[] ms = LangevinChains.meanAndStandardError(hits.steps(), ArrheniusLaw.S);
            assertEquals(0, hits.censored());
            assertEquals(exact, ms[0], 4 * ms[1]);
        }
    }
}
