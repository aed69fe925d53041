package org.reprobench.papers.gfssharpness;

import java.util.HashMap;
import java.util.Map;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * Five claims read the same scalar-network sweep; it runs once per (profile, seed) and is kept here
 * (the harness has no shared cache). The first claim to ask pays for it, under its own time limit.
 */
final class ScalarSweepCache {
    private final Map<String, ScalarSweep.Result> results = new HashMap<>();

    synchronized ScalarSweep.Result get(RunContext ctx, long seed) {
        Profile p = ctx.profile();
        String key = p.id() + "/" + seed;
        ScalarSweep.Result r = results.get(key);
        if (r == null) {
            ScalarSweep.Settings s = Settings.scalarSweep(p);
            ctx.log("scalar sweep, seed " + seed + ": " + s.steps() + " GD steps of all networks in one tensor");
            Progress progress = ctx.progress(s.steps());
            r = ScalarSweep.run(s, seed, ctx.manager(), t -> progress.step());
            results.put(key, r);
        }
        return r;
    }
}
