package org.reprobench.papers.gfssharpness;

import java.util.ArrayList;
import java.util.List;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;

/**
 * Claim scalar-step-size-condition, a negative control: monotonicity is not unconditional. At depth 2
 * with y = 1, phi(w) = sqrt((w1^2 - w2^2)^2 + 4) and one GD step multiplies w1^2 - w2^2 by
 * 1 - eta^2 (pi - y)^2, so phi rises exactly on the steps where |pi - y| > sqrt(2)/eta. Starting at
 * phi(w0) eta/2 >= 1.5 (beyond sqrt 2) such steps occur on some initialisations.
 */
final class StepSizeConditionExperiment {
    private StepSizeConditionExperiment() {
    }

    static Experiment create(ScalarSweepCache cache) {
        return ctx -> {
            ctx.useData("scalar networks: one example (x = 1, y = 1), random initialisations per seed", false, null);
            List<Outcome> out = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                ScalarSweep.Result r = cache.get(ctx, seed);
                int runs = 0;
                int inDomain = 0;
                int withRise = 0;
                double worst = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < r.rows(); i++) {
                    if (!r.control()[i]) {
                        continue;
                    }
                    runs++;
                    // a run that later leaves the domain is judged on its steps before leaving
                    boolean rose = r.phiRises()[i] > 0;
                    withRise += rose ? 1 : 0;
                    inDomain += r.valid(i) ? 1 : 0;
                    worst = Math.max(worst, r.worstRise()[i]);
                }
                if (runs == 0) {
                    throw new IllegalStateException("no control runs in this profile's settings");
                }
                out.add(Outcome.of((double) withRise / runs)
                        .metric("control_runs", runs)
                        .metric("control_runs_in_domain_throughout", inDomain)
                        .metric("runs_with_a_rise_above_1e-10", withRise)
                        .metric("largest_rise_over_phi0", worst)
                        .note("depth 2, phi(w0) eta/2 in " + java.util.Arrays.toString(r.settings().controlQ())
                                + "; value: fraction of runs in which GD increased the GFS sharpness at least once"));
            }
            return out;
        };
    }
}
