package org.reprobench.papers.gfssharpness;

import java.util.ArrayList;
import java.util.List;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;

/**
 * Claim scalar-converged-below-threshold: a GD run that converges ends at a minimiser of sharpness at
 * most 2/eta, whatever its start; so when 2/eta < phi_min (no such minimiser exists) GD does not
 * converge. The final sharpness is phi at the last iterate (equal to the Hessian's top eigenvalue at
 * the limit); the exact Hessian at the last iterate is reported alongside.
 */
final class ConvergedSharpnessExperiment {
    private ConvergedSharpnessExperiment() {
    }

    static Experiment create(ScalarSweepCache cache) {
        return ctx -> {
            ctx.useData("scalar networks: one example (x = 1, y = 1), random initialisations per seed", false, null);
            List<Outcome> out = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                ScalarSweep.Result r = cache.get(ctx, seed);
                double largest = Double.NEGATIVE_INFINITY;
                int converged = 0;
                int tooLarge = 0;
                int tooLargeConverged = 0;
                double hessianGap = 0;
                for (int i = 0; i < r.rows(); i++) {
                    if (r.control()[i] || !r.valid(i)) {
                        continue;
                    }
                    boolean noStableMinimum = 2 / r.eta()[i] < ScalarGfs.minimalSharpness(r.depth()[i], r.settings().y());
                    tooLarge += noStableMinimum ? 1 : 0;
                    if (!r.converged(i)) {
                        continue;
                    }
                    converged++;
                    tooLargeConverged += noStableMinimum ? 1 : 0;
                    largest = Math.max(largest, r.finalPhi()[i] * r.eta()[i] / 2);
                    hessianGap = Math.max(hessianGap, Math.abs(r.finalHessianTop()[i] - r.finalPhi()[i]) / r.finalPhi()[i]);
                }
                if (converged == 0) {
                    throw new IllegalStateException("no run converged: raise the step count");
                }
                out.add(Outcome.of(largest)
                        .metric("converged_runs", converged)
                        .metric("runs_with_2_over_eta_below_phi_min", tooLarge)
                        .metric("of_which_converged", tooLargeConverged)
                        .metric("largest_rel_gap_hessian_top_vs_phi_at_last_iterate", hessianGap)
                        .note("value: largest final sharpness x eta/2 over converged runs (loss < 1e-12); "
                                + tooLargeConverged + " of " + tooLarge + " runs with 2/eta < phi_min converged"));
            }
            return out;
        };
    }
}
