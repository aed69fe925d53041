package org.reprobench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reprobench.api.Profile;

/**
 * For a paper module's own smoke test: runs all of one paper's claims at a profile (normally
 * smoke) in a temporary run folder, exactly as the CLI would, and returns each claim's aggregate
 * line. Fails with the loader's problems when the paper does not load.
 */
public final class SmokeRun {
    private SmokeRun() {
    }

    public static Map<String, ResultLine> run(String paperId) throws Exception {
        return run(paperId, Profile.SMOKE);
    }

    public static Map<String, ResultLine> run(String paperId, Profile profile) throws Exception {
        Registry registry = Registry.load();
        Registry.Entry e = registry.get(paperId);
        if (e == null) {
            throw new AssertionError("paper '" + paperId + "' is not registered: list its PaperModule in "
                    + "src/main/resources/META-INF/services/org.reprobench.api.PaperModule");
        }
        if (!e.ok()) {
            throw new AssertionError("paper '" + paperId + "' does not load:\n  "
                    + e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        }
        Path runs = Files.createTempDirectory("reprobench-" + paperId + "-");
        Runner.Summary s = Runner.run(registry, new Runner.Options(List.of(paperId), List.of(), profile, null, Shard.ALL,
                runs, profile.id(), null, false, "SmokeRun " + paperId));
        Map<String, ResultLine> out = new LinkedHashMap<>();
        for (ResultLine l : RunStore.readLines(s.runDir().resolve(RunStore.CLAIMS_JSONL))) {
            if (l.aggregateLine()) {
                out.put(l.claim(), l);
            }
        }
        return out;
    }
}
