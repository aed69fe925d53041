package org.reprobench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH bridge: runs the papers' {@code @Benchmark} classes through JMH's own Runner, in forks
 * that inherit this JVM's classpath and get the DJL settings, and keeps JMH's JSON in the run.
 */
public final class Bench {

    /**
     * quick: one short iteration each, for smoke checks; otherwise 3 warm-up + 5 measured.
     * includes: benchmark-name regexes that replace the papers' packages (used to rerun flagged ones).
     */
    public record Options(List<String> papers, boolean quick, Path runsDir, String runId, String command, List<String> includes,
                          Path into) {
        public Options(List<String> papers, boolean quick, Path runsDir, String runId, String command) {
            this(papers, quick, runsDir, runId, command, List.of(), null);
        }
    }

    /** The JVM settings every fork gets, whatever the launching JVM had. */
    public static final List<String> FORK_JVM_ARGS = List.of("-Dai.djl.offline=true",
            "-Dai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "1"),
            "-Dai.djl.pytorch.num_interop_threads=" + System.getProperty("ai.djl.pytorch.num_interop_threads", "1"),
            "-Djava.awt.headless=true", "-Xmx4g");

    private Bench() {
    }

    /** Runs the benchmarks and returns the run folder holding jmh.json and the report. */
    public static Path run(Registry registry, Options o) throws IOException, BadInput {
        List<String> packages = new ArrayList<>();
        Map<String, String> titles = new TreeMap<>();
        for (Registry.Entry e : registry.entries()) {
            if (o.papers().isEmpty() || o.papers().contains(e.id())) {
                packages.add(e.module().benchmarkPackage());
                if (e.paper() != null) {
                    titles.put(e.id(), e.paper().title());
                }
            }
        }
        for (String p : o.papers()) {
            if (registry.get(p) == null) {
                throw new BadInput("unknown paper id '" + p + "' (see 'reprobench list')");
            }
        }
        if (packages.isEmpty()) {
            throw new BadInput("no paper selected, so no benchmark to run");
        }
        RunStore store;
        Provenance prov = null;
        if (o.into() != null) {
            // the benchmarks of an existing run (nightly): its run.json stays as it is
            store = RunStore.open(o.into());
        } else {
            store = RunStore.create(o.runId() != null ? o.runsDir().resolve(o.runId())
                    : Runner.freshRunDir(o.runsDir(), Runner.newRunId("bench")));
            String[] engine = Environment.engine();
            prov = new Provenance(store.dir().getFileName().toString(), "bench", "running", null, o.papers(), null, null, null,
                    Instant.now().toString(), null, Environment.gitCommit(), Environment.gitDirty(), Environment.harnessVersion(),
                    Environment.java(), engine[0], engine[1], engine[2], Environment.threads(), Environment.machine(), titles, null,
                    o.command(), null, null);
            store.writeProvenance(prov);
        }
        Path jmhJson = store.dir().resolve(RunStore.JMH_JSON);
        ChainedOptionsBuilder ob = new OptionsBuilder()
                .forks(1)
                .jvmArgsAppend(FORK_JVM_ARGS.toArray(new String[0]))
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(jmhJson.toString())
                .timeout(TimeValue.minutes(10));
        if (o.quick()) {
            ob.warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(1).measurementTime(TimeValue.seconds(1));
        } else {
            ob.warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        if (o.includes().isEmpty()) {
            for (String pkg : packages) {
                ob.include("^" + Pattern.quote(pkg + ".") + ".*");
            }
        } else {
            o.includes().forEach(ob::include);
        }
        try {
            new org.openjdk.jmh.runner.Runner(ob.build()).run();
        } catch (RunnerException e) {
            if (prov != null) {
                store.writeProvenance(prov.withStatus("failed", Instant.now().toString(), null));
            }
            throw new IOException("JMH failed: " + e.getMessage()
                    + " (if another JMH run holds /tmp/jmh.lock, wait for it or pass -Djmh.ignoreLock=true)", e);
        }
        if (!Files.exists(jmhJson)) {
            Files.writeString(jmhJson, "[]\n");
        }
        if (prov != null) {
            store.writeProvenance(prov.withStatus("finished", Instant.now().toString(), null));
        }
        Report.write(store.dir());
        return store.dir();
    }
}
