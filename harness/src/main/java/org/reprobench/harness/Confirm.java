package org.reprobench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.reprobench.api.Profile;

/**
 * Reruns what a comparison flagged, once, and keeps only the regressions that repeat: a confirmed
 * one stops being advisory, one that does not repeat becomes STABLE with a note.
 */
public final class Confirm {
    private Confirm() {
    }

    public static List<Compare.Row> confirm(List<Compare.Row> rows, RunResults run, RunResults base, Changes changes,
                                            Registry registry, Path runsDir) throws IOException, BadInput {
        Set<String> claims = new LinkedHashSet<>();
        Set<String> benches = new LinkedHashSet<>();
        for (Compare.Row r : rows) {
            if (r.status() == Compare.Status.REGRESSED) {
                (r.kind().equals("benchmark") ? benches : claims).add(r.key());
            }
        }
        if (claims.isEmpty() && benches.isEmpty()) {
            return rows;
        }
        String id = run.provenance().runId() + "-confirm";
        Path dir = Runner.freshRunDir(runsDir, id);
        if (!claims.isEmpty()) {
            Log.info("confirming " + claims.size() + " flagged claim(s) by rerunning them in " + dir);
            Runner.Summary s = Runner.run(registry, new Runner.Options(List.of(), List.copyOf(claims),
                    Profile.parse(run.provenance().profile()), run.provenance().seeds(), Shard.ALL, runsDir,
                    dir.getFileName().toString(), null, false, "confirm " + run.provenance().runId()));
            dir = s.runDir();
        }
        if (!benches.isEmpty()) {
            Log.info("confirming " + benches.size() + " flagged benchmark(s) by rerunning them");
            List<String> includes = benches.stream()
                    .map(k -> "^" + Pattern.quote("org.reprobench.papers." + k.replaceAll("\\[.*$", "")) + "$").toList();
            dir = Bench.run(registry, new Bench.Options(List.of(), false, runsDir, dir.getFileName().toString(),
                    "confirm " + run.provenance().runId(), includes, claims.isEmpty() ? null : dir));
        }
        RunResults again = RunResults.load(dir);
        Map<String, Compare.Row> recheck = Compare.compare(again, base, changes).stream()
                .collect(Collectors.toMap(r -> r.kind() + "|" + r.key(), Function.identity(), (a, b) -> a));
        List<Compare.Row> out = new ArrayList<>();
        for (Compare.Row r : rows) {
            if (r.status() != Compare.Status.REGRESSED) {
                out.add(r);
                continue;
            }
            Compare.Row second = recheck.get(r.kind() + "|" + r.key());
            if (second != null && second.status() == Compare.Status.REGRESSED) {
                out.add(r.confirmed("confirmed by a rerun (" + again.provenance().runId() + ": " + second.current() + ")"));
            } else {
                out.add(r.dismissed("did not repeat on a rerun (" + again.provenance().runId() + ": "
                        + (second == null ? "not rerun" : second.current()) + ")"));
            }
        }
        return out;
    }
}
