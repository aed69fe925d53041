package org.reprobench.papers.quantumtunnelingwalk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.reprobench.api.Outcome;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;

/**
 * Claim no-speedup-2d: in the code's 2-D example (Test 2) at its settings (QTW h = 0.26 with the
 * restart window tau = 200; SGD s = 0.37 from (0,0), proposals outside the disk of radius 4 sqrt2 a
 * rejected), compare E[T_SGD] (chains on DJL) with E[T_QTW] = tau / (2 pbar(tau)), pbar from the
 * leap-frog (dt = 0.22 dx^2/h^2 as the code's measurement runs) integrated over [0, tau].
 */
public final class PlaneComparison {
    static final double H = 0.26;
    static final double TAU = 200;
    static final double S = 0.37;

    private PlaneComparison() {
    }

    public static List<Outcome> run(RunContext ctx) {
        int n = HalfPeriods.grid(ctx.profile());
        PlaneWalk walk = new PlaneWalk(n, H);
        PlaneWalk.State state = walk.start(walk.localGroundState());
        double[] integral = {0, 0};    // running trapezoid, previous probability
        integral[1] = state.targetProbability();
        double dt = 0.22 * walk.dx() * walk.dx() / (H * H);
        double[] worstNorm = {0};
        state.advance(TAU, dt, t -> {
            double p = state.targetProbability();
            integral[0] += 0.5 * (p + integral[1]) * (TAU / Math.ceil(TAU / dt - 1e-9));
            integral[1] = p;
        });
        worstNorm[0] = Math.abs(state.norm() - 1);
        double pbar = integral[0] / TAU;
        double qtw = TAU / (2 * pbar);
        int chains = switch (ctx.profile()) {
            case SMOKE -> 100;
            case CI -> 2000;
            case PAPER -> 10000;
        };
        List<Outcome> out = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            double[] sgd;
            try (NDManager m = ctx.manager().newSubManager()) {
                NDArray x0 = m.zeros(new Shape(chains, 2), DataType.FLOAT64);
                NDArray params = m.zeros(new Shape(chains, 1), DataType.FLOAT64);
                LangevinChains.Hits hits = LangevinChains.run(m, seed, x0, params, null, S,
                        new ChainLandscapes.PlaneWells(PlaneWalk.A, PlaneWalk.OMEGA, PlaneWalk.B), 200_000, ctx);
                sgd = LangevinChains.meanAndStandardError(hits.steps(), S);
                if (hits.censored() > 0) {
                    throw new IllegalStateException(hits.censored() + " SGD chains did not hit within 200000 steps");
                }
            }
            out.add(Outcome.of(sgd[0] / qtw)
                    .metric("sgd_mean_hitting_time", sgd[0])
                    .metric("sgd_standard_error", sgd[1])
                    .metric("qtw_expected_hitting_time", qtw)
                    .metric("qtw_pbar", pbar)
                    .metric("leapfrog_norm_deviation", worstNorm[0])
                    .metric("grid", n)
                    .note(String.format("grid %d: E[T_SGD] = %.1f +- %.1f (%d chains, s = %.2f), E[T_QTW] = %.1f (h = %.2f, tau = %.0f)",
                            n, sgd[0], sgd[1], chains, S, qtw, H, TAU)));
        }
        return out;
    }
}
