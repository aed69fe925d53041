package org.reprobench.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The code behind one claim. It runs over all of {@link RunContext#seeds()} at once, so that an
 * experiment can vectorise across seeds, and returns one {@link Outcome} per seed, in order.
 */
@FunctionalInterface
public interface Experiment {

    List<Outcome> run(RunContext ctx) throws Exception;

    /** One seed at a time, for experiments that have nothing to share between seeds. */
    @FunctionalInterface
    interface PerSeed {
        Outcome run(RunContext ctx, long seed) throws Exception;
    }

    static Experiment perSeed(PerSeed body) {
        return ctx -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                ctx.checkDeadline();
                outcomes.add(body.run(ctx, seed));
            }
            return outcomes;
        };
    }
}
