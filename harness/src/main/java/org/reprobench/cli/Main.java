package org.reprobench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.reprobench.api.Profile;
import org.reprobench.api.Verdict;
import org.reprobench.harness.BadInput;
import org.reprobench.harness.Bench;
import org.reprobench.harness.Claim;
import org.reprobench.harness.ExitCodes;
import org.reprobench.harness.Json;
import org.reprobench.harness.Log;
import org.reprobench.harness.PaperYaml;
import org.reprobench.harness.Problem;
import org.reprobench.harness.Registry;
import org.reprobench.harness.Report;
import org.reprobench.harness.RunStore;
import org.reprobench.harness.Runner;
import org.reprobench.harness.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The reprobench command line. Exit codes are in {@link ExitCodes} and the README. */
@Command(name = "reprobench", mixinStandardHelpOptions = true, version = "reprobench 0.1",
        description = "Re-runs ML papers' claims on DJL/PyTorch, times them with JMH and says whether they reproduced.",
        subcommands = {Main.ListCmd.class, Main.ValidateCmd.class, Main.RunCmd.class, Main.BenchCmd.class, Main.ReportCmd.class,
                TrackingCommands.PromoteCmd.class, TrackingCommands.CompareCmd.class, TrackingCommands.HistoryCmd.class,
                TrackingCommands.NightlyCmd.class, ScaleOutCommands.MergeCmd.class, ScaleOutCommands.SlurmCmd.class,
                ScaleOutCommands.K8sCmd.class, org.reprobench.datasets.cli.DataCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal failure (a bug: please report it)", "2:bad input (unknown id, malformed paper.yaml, bad option)",
                "3:some claims failed to run (ERROR rows)", "4:nothing ran (empty selection or everything skipped)",
                "5:regression against the baseline (compare, nightly)", "6:data unavailable (data)"})
public final class Main implements Runnable {

    @Option(names = "--runs-dir", description = "Where run folders live (default: ${DEFAULT-VALUE}).", defaultValue = "${sys:reprobench.home:-.}/results/runs",
            scope = CommandLine.ScopeType.INHERIT)
    Path runsDir;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // typed options: a bad value is a usage error (exit 2) with the converter's message
        cl.registerConverter(Profile.class, Profile::parse);
        cl.registerConverter(Shard.class, Shard::parse);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof BadInput) {
                System.err.println("error: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof IOException || ex instanceof UncheckedIOException) {
                System.err.println("error: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            System.err.println("internal error: " + ex);
            ex.printStackTrace();
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("error: " + ex.getMessage());
            ex.getCommandLine().usage(System.err);
            return ExitCodes.BAD_INPUT;
        });
        return cl.execute(args);
    }

    static String commandLine(String name, List<String> parts) {
        return "reprobench " + name + (parts.isEmpty() ? "" : " " + String.join(" ", parts));
    }

    @Command(name = "list", description = "List the registered papers and their claims.")
    static final class ListCmd implements Callable<Integer> {
        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            Registry r = Registry.load();
            List<Map<String, Object>> out = new ArrayList<>();
            for (Registry.Entry e : r.entries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("ok", e.ok());
                if (e.paper() != null) {
                    m.put("title", e.paper().title());
                    List<Map<String, Object>> claims = new ArrayList<>();
                    for (Claim c : e.paper().claims()) {
                        Map<String, Object> cm = new LinkedHashMap<>();
                        cm.put("id", c.id());
                        cm.put("source", c.source());
                        cm.put("check", c.check().kind().id());
                        cm.put("profiles", c.profiles().keySet().stream().map(Profile::id).toList());
                        claims.add(cm);
                    }
                    m.put("claims", claims);
                } else {
                    m.put("problems", e.problems().stream().map(Problem::toString).toList());
                }
                out.add(m);
            }
            if (json) {
                System.out.print(Json.pretty(out));
            } else {
                for (Registry.Entry e : r.entries()) {
                    if (e.paper() == null) {
                        System.out.println(e.id() + "  [broken: run 'reprobench validate']");
                        continue;
                    }
                    System.out.println(e.id() + "  " + e.paper().title());
                    for (Claim c : e.paper().claims()) {
                        System.out.printf("    %-40s %-22s %-9s %s%n", c.id(), c.source(), c.check().kind().id(),
                                String.join(",", c.profiles().keySet().stream().map(Profile::id).toList()));
                    }
                }
                r.loadProblems().forEach(p -> System.out.println("problem: " + p));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "validate", description = "Check every paper.yaml (or the given files) without running anything.")
    static final class ValidateCmd implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "FILE", description = "paper.yaml files (default: papers/*/paper.yaml and every registered paper).")
        List<Path> files = new ArrayList<>();

        @Option(names = "--json", description = "Print the problems as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            List<Problem> problems = new ArrayList<>();
            int filesRead = 0;
            int modulesChecked = 0;
            List<Path> targets = new ArrayList<>(files);
            Path papersDir = Path.of(System.getProperty("reprobench.home", "."), "papers");
            if (targets.isEmpty() && Files.isDirectory(papersDir)) {
                try (Stream<Path> s = Files.list(papersDir)) {
                    s.map(d -> d.resolve("paper.yaml")).filter(Files::isRegularFile).sorted().forEach(targets::add);
                }
            }
            for (Path f : targets) {
                if (!Files.isRegularFile(f)) {
                    problems.add(new Problem(f.toString(), 0, "no such file", "give the path of a paper.yaml"));
                    continue;
                }
                problems.addAll(PaperYaml.read(f).problems());
                filesRead++;
            }
            if (files.isEmpty()) {
                Registry r = Registry.load();
                problems.addAll(r.loadProblems());
                for (Registry.Entry e : r.entries()) {
                    modulesChecked++;
                    for (Problem p : e.problems()) {
                        if (!problems.contains(p) && problems.stream().noneMatch(q -> q.message().equals(p.message()))) {
                            problems.add(p);
                        }
                    }
                }
            }
            if (json) {
                System.out.print(Json.pretty(problems));
            } else {
                problems.forEach(p -> System.out.println(p));
                System.out.println(problems.isEmpty() ? "ok: " + filesRead + " paper.yaml file(s) and " + modulesChecked
                        + " registered paper module(s) checked, no problems"
                        : problems.size() + " problem(s) found");
            }
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
    }

    @Command(name = "run", description = "Run claims at a profile and write a run folder with results and a report.")
    static final class RunCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Option(names = "--paper", paramLabel = "ID", description = "Paper id (repeatable; default: all).")
        List<String> papers = new ArrayList<>();

        @Option(names = "--claim", paramLabel = "ID", description = "Claim id or paper/claim (repeatable; default: all).")
        List<String> claims = new ArrayList<>();

        @Option(names = "--profile", defaultValue = "ci", description = "smoke, ci or paper (default: ${DEFAULT-VALUE}).")
        Profile profile;

        @Option(names = "--seeds", paramLabel = "N", description = "Number of seeds, overriding paper.yaml.")
        Integer seeds;

        @Option(names = "--resume", paramLabel = "RUN", description = "Finish an interrupted run (folder or id); finished claims are kept.")
        String resume;

        @Option(names = "--shard", paramLabel = "k/n", description = "Run only the k-th of n slices (balanced by recorded cost).")
        Shard shard;

        @Option(names = "--run-id", paramLabel = "ID", description = "Name of the new run folder (default: timestamp-profile).")
        String runId;

        @Option(names = "--time-limit-scale", paramLabel = "F", description = "Multiply every claim's time limit by F (slow or loaded machines).")
        Double timeLimitScale;

        @Option(names = "--costs", paramLabel = "RUN", description = "Run (or 'baseline', the default when it exists) whose wall times balance the shards.")
        String costs;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Profile p = profile;
            Shard s = shard == null ? Shard.ALL : shard;
            if (seeds != null && seeds < 1) {
                throw new BadInput("--seeds must be at least 1");
            }
            if (timeLimitScale != null) {
                if (!(timeLimitScale > 0)) {
                    throw new BadInput("--time-limit-scale must be positive");
                }
                System.setProperty("reprobench.timeLimitScale", timeLimitScale.toString());
            }
            List<String> args = new ArrayList<>();
            papers.forEach(x -> args.add("--paper " + x));
            claims.forEach(x -> args.add("--claim " + x));
            args.add("--profile " + p.id());
            if (timeLimitScale != null) {
                args.add("--time-limit-scale " + timeLimitScale);
            }
            Path resumeDir = resume == null ? null : Runner.resolveRun(parent.runsDir, resume);
            Path costRun = costs == null || "baseline".equals(costs) ? TrackingCommands.baselineDir()
                    : Runner.resolveRun(parent.runsDir, costs);
            Runner.Summary sum = Runner.run(Registry.load(), new Runner.Options(papers, claims, p, seeds, s, parent.runsDir,
                    runId, resumeDir, Runner.onTerminal(), commandLine("run", args),
                    s.count() > 1 ? org.reprobench.harness.ShardPlan.costsPerSeed(costRun) : java.util.Map.of()));
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("run_dir", sum.runDir().toString());
                m.put("counts", sum.counts());
                m.put("already_finished", sum.alreadyFinished());
                System.out.print(Json.pretty(m));
            } else {
                System.out.println("run folder: " + sum.runDir());
                System.out.println("verdicts: " + sum.counts() + (sum.alreadyFinished() > 0 ? ", " + sum.alreadyFinished() + " finished before" : ""));
                System.out.println("report: " + sum.runDir().resolve("report.md"));
            }
            if (sum.counts().getOrDefault(Verdict.ERROR, 0) > 0) {
                return ExitCodes.CLAIMS_ERRORED;
            }
            if (sum.executed() == 0 && sum.alreadyFinished() == 0) {
                return ExitCodes.NOTHING_RAN;
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "bench", description = "Run the papers' JMH benchmarks; JMH's JSON is kept in a run folder.")
    static final class BenchCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Option(names = "--paper", paramLabel = "ID", description = "Paper id (repeatable; default: all).")
        List<String> papers = new ArrayList<>();

        @Option(names = "--quick", description = "One short iteration per benchmark (a smoke check, not a measurement).")
        boolean quick;

        @Option(names = "--run-id", paramLabel = "ID", description = "Name of the run folder.")
        String runId;

        @Option(names = "--into", paramLabel = "RUN", description = "Add the benchmarks to an existing run "
                + "(folder or id), e.g. a make reproduce run before it is promoted; its claims are kept.")
        String into;

        @Override
        public Integer call() throws Exception {
            if (into != null && runId != null) {
                throw new BadInput("--into and --run-id both name the run folder: give one of them");
            }
            List<String> args = new ArrayList<>();
            papers.forEach(x -> args.add("--paper " + x));
            if (quick) {
                args.add("--quick");
            }
            Path intoDir = into == null ? null : Runner.resolveRun(parent.runsDir, into);
            Path dir = Bench.run(Registry.load(), new Bench.Options(papers, quick, parent.runsDir, runId,
                    commandLine("bench", args), List.of(), intoDir));
            System.out.println("benchmarks: " + dir.resolve(RunStore.JMH_JSON));
            System.out.println("report: " + dir.resolve("report.md"));
            return ExitCodes.OK;
        }
    }

    @Command(name = "report", description = "Rebuild a run's report.md and report.html (default: the latest run); "
            + "--format/--out give the tables as md, html, csv or latex.")
    static final class ReportCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(arity = "0..1", paramLabel = "RUN", description = "Run folder, id, or 'baseline' (default: the latest run).")
        String run;

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the report here (e.g. results/REPORT.md); plot links are adjusted.")
        Path out;

        @Option(names = "--format", paramLabel = "FMT", description = "md, html, csv or latex (default: from --out's extension, else md).")
        String format;

        @Override
        public Integer call() throws Exception {
            Path dir = run == null ? latestRun(parent.runsDir)
                    : "baseline".equals(run) ? TrackingCommands.baselineDir() : Runner.resolveRun(parent.runsDir, run);
            if (!"baseline".equals(run)) {
                Report.write(dir);
                System.err.println("report: " + dir.resolve("report.md"));
            }
            String fmt = format != null ? format : out == null ? null : extensionFormat(out);
            if (fmt == null) {
                return ExitCodes.OK;
            }
            String prefix = "";
            if (out != null) {
                Path base = out.toAbsolutePath().getParent();
                String rel = base.relativize(dir.toAbsolutePath()).toString().replace('\\', '/');
                prefix = rel.isEmpty() ? "" : rel + "/";
            }
            String text = switch (fmt) {
                case "md" -> Report.markdown(dir, prefix);
                case "html" -> Report.html(dir, prefix);
                case "csv" -> Report.csv(dir);
                case "latex", "tex" -> Report.latex(dir);
                default -> throw new BadInput("unknown format '" + fmt + "': use md, html, csv or latex");
            };
            if (out != null) {
                Json.writeAtomically(out, text);
                System.err.println("report: " + out);
            } else {
                System.out.print(text);
            }
            return ExitCodes.OK;
        }

        private static String extensionFormat(Path p) {
            String n = p.getFileName().toString();
            return n.endsWith(".html") ? "html" : n.endsWith(".csv") ? "csv" : n.endsWith(".tex") ? "latex" : "md";
        }
    }

    /** The most recent run folder of kind "run" (by start time). */
    static Path latestRun(Path runsDir) throws BadInput, IOException {
        if (!Files.isDirectory(runsDir)) {
            throw new BadInput("no runs in " + runsDir + ": start one with 'reprobench run'");
        }
        try (Stream<Path> s = Files.list(runsDir)) {
            return s.filter(d -> Files.isRegularFile(d.resolve(RunStore.RUN_JSON)))
                    .filter(d -> {
                        try {
                            return "run".equals(RunStore.readProvenance(d).kind());
                        } catch (IOException e) {
                            Log.warn("skipping unreadable run " + d + ": " + e.getMessage());
                            return false;
                        }
                    })
                    .max(Comparator.comparing(d -> {
                        try {
                            return RunStore.readProvenance(d).startedAt();
                        } catch (IOException e) {
                            return "";
                        }
                    }))
                    .orElseThrow(() -> new BadInput("no runs in " + runsDir + ": start one with 'reprobench run'"));
        }
    }
}
