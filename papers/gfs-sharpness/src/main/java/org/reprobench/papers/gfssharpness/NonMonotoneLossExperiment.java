package org.reprobench.papers.gfssharpness;

import java.util.ArrayList;
import java.util.List;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;

/**
 * Claim scalar-loss-nonmonotone, the paper's contrast: on the same edge-of-stability runs whose GFS
 * sharpness falls at every step, the loss is not monotone. A rise counts when the loss grows by more
 * than a relative 1e-9 (and was above 1e-28).
 */
final class NonMonotoneLossExperiment {
    private NonMonotoneLossExperiment() {
    }

    static Experiment create(ScalarSweepCache cache) {
        return ctx -> {
            ctx.useData("scalar networks: one example (x = 1, y = 1), random initialisations per seed", false, null);
            List<Outcome> out = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                ScalarSweep.Result r = cache.get(ctx, seed);
                int eos = 0;
                int eosRising = 0;
                long eosRises = 0;
                int stable = 0;
                int stableRising = 0;
                for (int i = 0; i < r.rows(); i++) {
                    if (r.control()[i] || !r.converged(i)) {
                        continue;
                    }
                    boolean rising = r.lossRises()[i] > 0;
                    if (r.eosRegime(i)) {
                        eos++;
                        eosRising += rising ? 1 : 0;
                        eosRises += r.lossRises()[i];
                    } else if (r.q()[i] < 1) {
                        stable++;
                        stableRising += rising ? 1 : 0;
                    }
                }
                if (eos == 0) {
                    throw new IllegalStateException("no converged edge-of-stability run: raise the step count");
                }
                out.add(Outcome.of((double) eosRising / eos)
                        .metric("eos_converged_runs", eos)
                        .metric("eos_runs_with_loss_rise", eosRising)
                        .metric("mean_loss_rises_per_eos_run", (double) eosRises / eos)
                        .metric("stable_converged_runs_q_below_1", stable)
                        .metric("stable_runs_with_loss_rise", stableRising)
                        .note("value: fraction of converged edge-of-stability runs whose loss rose at least once"));
            }
            return out;
        };
    }
}
