package org.reprobench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reprobench.api.Profile;
import org.reprobench.harness.BadInput;
import org.reprobench.harness.Changes;
import org.reprobench.harness.Compare;
import org.reprobench.harness.Confirm;
import org.reprobench.harness.ExitCodes;
import org.reprobench.harness.History;
import org.reprobench.harness.Nightly;
import org.reprobench.harness.Registry;
import org.reprobench.harness.RunResults;
import org.reprobench.harness.RunStore;
import org.reprobench.harness.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** promote, compare, history, nightly: turning single runs into a tracked history. */
final class TrackingCommands {
    private TrackingCommands() {
    }

    static Path home() {
        return Path.of(System.getProperty("reprobench.home", "."));
    }

    static Path baselineDir() {
        return home().resolve("results/baseline");
    }

    @Command(name = "promote", description = "Make a finished run the baseline (results/baseline/) and rebuild results/REPORT.md from it.")
    static final class PromoteCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(paramLabel = "RUN", description = "Run folder or id.")
        String run;

        @Override
        public Integer call() throws Exception {
            Path dir = Runner.resolveRun(parent.runsDir, run);
            Path report = home().resolve("results/REPORT.md");
            org.reprobench.harness.Promote.promote(dir, baselineDir(), report);
            System.out.println("baseline: " + baselineDir() + " (from " + dir.getFileName() + "); report: " + report);
            return ExitCodes.OK;
        }
    }

    @Command(name = "compare", description = "Compare a run with the baseline or another run: STABLE, REGRESSED, IMPROVED, NEW, MISSING.")
    static final class CompareCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(arity = "0..1", paramLabel = "RUN", description = "Run folder or id (default: the latest run).")
        String run;

        @Option(names = "--against", paramLabel = "REF", defaultValue = "baseline", description = "'baseline' (default) or a run folder or id.")
        String against;

        @Option(names = "--confirm", description = "Rerun the flagged claims and benchmarks once; keep only regressions that repeat.")
        boolean confirm;

        @Override
        public Integer call() throws Exception {
            Path runDir = run == null ? Main.latestRun(parent.runsDir) : Runner.resolveRun(parent.runsDir, run);
            Path refDir = "baseline".equals(against) ? baselineDir() : Runner.resolveRun(parent.runsDir, against);
            if (!Files.isRegularFile(refDir.resolve(RunStore.RUN_JSON))) {
                throw new BadInput("nothing to compare against at " + refDir + ": promote a run first ('reprobench promote <run>')");
            }
            RunResults current = RunResults.load(runDir);
            RunResults ref = RunResults.load(refDir);
            Changes changes = Changes.read(baselineDir().resolve("changes.yaml"));
            List<Compare.Row> rows = Compare.compare(current, ref, changes);
            if (confirm) {
                rows = Confirm.confirm(rows, current, ref, changes, Registry.load(), parent.runsDir);
            }
            String name = "baseline".equals(against) ? "baseline " + ref.provenance().runId() : "run " + ref.provenance().runId();
            System.out.print(Compare.markdown(rows, current.provenance().runId(), name));
            return rows.stream().anyMatch(Compare.Row::failing) ? ExitCodes.REGRESSION : ExitCodes.OK;
        }
    }

    @Command(name = "history", description = "Draw per-claim and per-benchmark trends over all kept runs, per machine.")
    static final class HistoryCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/history).")
        Path out;

        @Override
        public Integer call() throws Exception {
            Path dir = out != null ? out : home().resolve("results/history");
            int n = History.write(parent.runsDir, dir);
            System.out.println(n + " trends: " + dir.resolve("index.html"));
            return ExitCodes.OK;
        }
    }

    @Command(name = "nightly", description = "Run (and benchmark), compare with the baseline confirming regressions by a rerun, "
            + "draw the history, write the report. Exit 5 on a confirmed regression, 3 on claims that errored, 4 if nothing ran.")
    static final class NightlyCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Option(names = "--paper", paramLabel = "ID", description = "Paper id (repeatable; default: all).")
        List<String> papers = new ArrayList<>();

        @Option(names = "--profile", defaultValue = "ci", description = "Profile (default: ${DEFAULT-VALUE}).")
        Profile profile;

        @Option(names = "--bench", description = "Also run the JMH benchmarks into the same run folder.")
        boolean bench;

        @Option(names = "--quick-bench", description = "Short JMH iterations (with --bench).")
        boolean quickBench;

        @Option(names = "--no-confirm", description = "Do not rerun flagged items (timing regressions then stay advisory).")
        boolean noConfirm;

        @Override
        public Integer call() throws Exception {
            Nightly.Result r = Nightly.run(Registry.load(), Nightly.options(papers, profile, parent.runsDir, "reprobench nightly"),
                    bench, quickBench, !noConfirm, baselineDir());
            System.out.println(r.summary());
            System.out.println("run folder: " + r.runDir() + "; report: " + r.runDir().resolve("report.html"));
            return r.exitCode();
        }
    }
}
