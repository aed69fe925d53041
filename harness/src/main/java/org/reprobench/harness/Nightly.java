package org.reprobench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.reprobench.api.Profile;
import org.reprobench.api.Verdict;

/**
 * The nightly job: run the claims (and optionally the benchmarks) into one run folder, compare
 * with the baseline, confirm what looks worse by a rerun, draw the history, write the report.
 */
public final class Nightly {

    /** What the night found; {@code exitCode} follows the CLI's documented codes. */
    public record Result(Path runDir, List<Compare.Row> rows, int exitCode, String summary) {
    }

    private Nightly() {
    }

    public static Result run(Registry registry, Runner.Options run, boolean bench, boolean quickBench, boolean confirm,
                             Path baselineDir) throws IOException, BadInput {
        Runner.Summary s = Runner.run(registry, run);
        if (s.executed() == 0) {
            return new Result(s.runDir(), List.of(), ExitCodes.NOTHING_RAN, "nothing ran");
        }
        if (bench) {
            Bench.run(registry, new Bench.Options(run.papers(), quickBench, run.runsDir(), null, run.command() + " (bench)",
                    List.of(), s.runDir()));
        }
        List<Compare.Row> rows = List.of();
        String summary;
        if (Files.isRegularFile(baselineDir.resolve(RunStore.RUN_JSON))) {
            RunResults current = RunResults.load(s.runDir());
            RunResults base = RunResults.load(baselineDir);
            Changes changes = Changes.read(baselineDir.resolve("changes.yaml"));
            rows = Compare.compare(current, base, changes);
            if (confirm) {
                rows = Confirm.confirm(rows, current, base, changes, registry, run.runsDir());
            }
            CompareStore.write(s.runDir(), rows, "baseline " + base.provenance().runId());
            summary = Compare.markdown(rows, current.provenance().runId(), "baseline " + base.provenance().runId());
        } else {
            summary = "no baseline at " + baselineDir + ": promote a run with 'reprobench promote <run>' to start tracking";
            Log.warn(summary);
        }
        History.write(run.runsDir(), s.runDir().resolve("trends"));
        Report.write(s.runDir());
        int code = rows.stream().anyMatch(Compare.Row::failing) ? ExitCodes.REGRESSION
                : s.counts().getOrDefault(Verdict.ERROR, 0) > 0 ? ExitCodes.CLAIMS_ERRORED : ExitCodes.OK;
        return new Result(s.runDir(), rows, code, summary);
    }

    /** Default options for a nightly run at a profile. */
    public static Runner.Options options(List<String> papers, Profile profile, Path runsDir, String command) {
        return new Runner.Options(papers, List.of(), profile, null, Shard.ALL, runsDir, null, null, false, command);
    }
}
