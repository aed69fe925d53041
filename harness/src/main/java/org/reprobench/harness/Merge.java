package org.reprobench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.reprobench.api.Profile;
import org.reprobench.api.Verdict;

/**
 * Combines the run folders of shards into one run: the seeds of each claim are gathered from
 * every shard and judged together, exactly as one process would have. Duplicates, missing
 * shards and missing seeds are reported, never silently dropped; each shard's provenance is kept.
 */
public final class Merge {

    /** The merged run folder and everything that was wrong with the shards (empty when complete). */
    public record Result(Path runDir, List<String> problems) {
    }

    private Merge() {
    }

    public static Result merge(Registry registry, List<Path> shardDirs, Path outDir) throws IOException, BadInput {
        if (shardDirs.isEmpty()) {
            throw new BadInput("merge needs the run folders of the shards");
        }
        List<String> problems = new ArrayList<>();
        List<Provenance> provs = new ArrayList<>();
        for (Path d : shardDirs) {
            provs.add(RunStore.readProvenance(d));
        }
        Provenance first = provs.get(0);
        int n = first.shard() == null ? 1 : Shard.parse(first.shard()).count();
        Map<Integer, String> seenShards = new TreeMap<>();
        for (int i = 0; i < provs.size(); i++) {
            Provenance p = provs.get(i);
            if (!Objects.equals(p.profile(), first.profile()) || !Objects.equals(p.papers(), first.papers())
                    || !Objects.equals(p.claims(), first.claims()) || !Objects.equals(p.seeds(), first.seeds())) {
                throw new BadInput(shardDirs.get(i) + " is not a shard of the same run as " + shardDirs.get(0)
                        + " (profile, selection or seeds differ)");
            }
            Shard s = p.shard() == null ? Shard.ALL : Shard.parse(p.shard());
            if (s.count() != n) {
                throw new BadInput(shardDirs.get(i) + " is shard " + s + ", others are out of " + n);
            }
            String before = seenShards.put(s.index(), p.runId());
            if (before != null) {
                problems.add("duplicate shard " + s + ": " + before + " and " + p.runId() + " (the first is kept)");
            }
            if (!"finished".equals(p.status())) {
                problems.add("shard " + s + " (" + p.runId() + ") is " + p.status() + ": resume it, then merge again");
            }
            if (!Objects.equals(p.gitCommit(), first.gitCommit())) {
                problems.add("shard " + s + " ran commit " + p.gitCommit() + ", shard " + first.shard() + " ran " + first.gitCommit());
            }
        }
        for (int k = 1; k <= n; k++) {
            if (!seenShards.containsKey(k)) {
                problems.add("shard " + k + "/" + n + " is missing: its claims and seeds are absent from the merged run");
            }
        }

        // gather, shard by shard, keeping the first copy of anything duplicated
        Map<String, Map<Long, ResultLine>> seedLines = new LinkedHashMap<>();
        Map<String, List<ResultLine>> aggregates = new LinkedHashMap<>();
        Set<String> expectedUnits = new LinkedHashSet<>();
        Map<String, String> datasets = new TreeMap<>();
        Set<String> usedShards = new LinkedHashSet<>();
        Files.createDirectories(outDir.resolve("plots"));
        for (int i = 0; i < provs.size(); i++) {
            Provenance p = provs.get(i);
            if (!usedShards.add(p.shard() == null ? "1/1" : p.shard())) {
                continue;
            }
            if (p.plan() != null) {
                expectedUnits.addAll(p.plan());
            }
            if (p.datasets() != null) {
                datasets.putAll(p.datasets());
            }
            for (ResultLine l : RunStore.readLines(shardDirs.get(i).resolve(RunStore.CLAIMS_JSONL))) {
                if (l.aggregateLine()) {
                    aggregates.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(l);
                } else if (seedLines.computeIfAbsent(l.key(), k -> new TreeMap<>()).putIfAbsent(l.seed(), l) != null) {
                    problems.add("duplicate: " + l.key() + " seed " + l.seed() + " appears in two shards (the first is kept)");
                }
            }
            copyPlots(shardDirs.get(i).resolve("plots"), outDir.resolve("plots"));
        }
        for (String unit : expectedUnits) {
            String key = unit.substring(0, unit.lastIndexOf('#'));
            long seed = Long.parseLong(unit.substring(unit.lastIndexOf('#') + 1));
            // a claim that errored or was skipped has an aggregate line and no seed lines
            boolean ranWithoutSeeds = aggregates.getOrDefault(key, List.of()).stream().anyMatch(a -> a.n() == null);
            boolean present = seed == 0 ? aggregates.containsKey(key)
                    : seedLines.getOrDefault(key, Map.of()).containsKey(seed) || ranWithoutSeeds;
            if (!present) {
                problems.add("missing: " + key + (seed == 0 ? "" : " seed " + seed) + " was planned but no shard has it");
            }
        }

        Profile profile = Profile.parse(first.profile());
        List<ResultLine> merged = new ArrayList<>();
        List<String> keys = new ArrayList<>(aggregates.keySet());
        keys.sort(Comparator.comparing((String k) -> k.substring(0, k.indexOf('/'))).thenComparingInt(k -> claimIndex(registry, k)));
        for (String key : keys) {
            merged.addAll(mergeClaim(registry, key, aggregates.get(key), seedLines.getOrDefault(key, Map.of()), profile, problems));
        }
        RunStore store = RunStore.create(outDir);
        store.append(merged);
        String started = provs.stream().map(Provenance::startedAt).filter(Objects::nonNull).min(String::compareTo).orElse(null);
        String finished = provs.stream().map(Provenance::finishedAt).filter(Objects::nonNull).max(String::compareTo).orElse(null);
        store.writeProvenance(new Provenance(outDir.getFileName().toString(), "run", problems.isEmpty() ? "finished" : "incomplete",
                first.profile(), first.papers(), first.claims(), first.seeds(), null, started, finished, first.gitCommit(),
                first.gitDirty(), first.harnessVersion(), first.java(), first.djlVersion(), first.pytorchVersion(),
                first.engineDevice(), first.threads(), first.machine(), first.paperTitles(), datasets,
                "reprobench merge of " + provs.size() + " shard(s)", null, provs));
        Report.write(outDir);
        if (!problems.isEmpty()) {
            Json.writeAtomically(outDir.resolve("merge-problems.txt"), String.join("\n", problems) + "\n");
        }
        return new Result(outDir, problems);
    }

    private static int claimIndex(Registry registry, String key) {
        Registry.Entry e = registry.get(key.substring(0, key.indexOf('/')));
        if (e == null || e.paper() == null) {
            return Integer.MAX_VALUE;
        }
        String claim = key.substring(key.indexOf('/') + 1);
        for (int i = 0; i < e.paper().claims().size(); i++) {
            if (e.paper().claims().get(i).id().equals(claim)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** One claim's lines: its seeds from all shards, then an aggregate judged over all of them. */
    private static List<ResultLine> mergeClaim(Registry registry, String key, List<ResultLine> parts, Map<Long, ResultLine> seeds,
                                               Profile profile, List<String> problems) {
        ResultLine any = parts.get(0);
        double wall = parts.stream().mapToDouble(p -> p.wallSeconds() == null ? 0 : p.wallSeconds()).sum();
        // CPU adds up over shards like wall time; unknown when any shard did not measure it
        Double cpu = parts.stream().allMatch(p -> p.cpuSeconds() != null)
                ? parts.stream().mapToDouble(ResultLine::cpuSeconds).sum() : null;
        List<String> plots = parts.stream().flatMap(p -> p.plots() == null ? Stream.empty() : p.plots().stream()).distinct().toList();
        for (ResultLine p : parts) {
            if (Verdict.ERROR.name().equals(p.verdict()) || Verdict.SKIPPED.name().equals(p.verdict())) {
                // a claim that errored or was skipped in any shard stays so, with that shard's reason
                return List.of(withVerdict(p, p.verdict(), p.reason(), wall, cpu, plots));
            }
        }
        Registry.Entry e = registry.get(any.paper());
        Claim claim = e == null || e.paper() == null ? null : e.paper().claim(any.claim()).orElse(null);
        if (claim == null || claim.version() != any.claimVersion()) {
            problems.add(key + ": its paper.yaml (version " + any.claimVersion() + ") is not registered here, so its shards cannot be judged together");
            return parts.size() == 1 ? List.of(parts.get(0)) : List.of(withVerdict(any, Verdict.ERROR.name(),
                    "cannot merge: claim not registered in this build", wall, cpu, plots));
        }
        List<SeedResult> results = new ArrayList<>();
        List<ResultLine> out = new ArrayList<>();
        boolean standIn = parts.stream().anyMatch(p -> Boolean.TRUE.equals(p.standIn()));
        Scale scale = Scale.valueOf(any.scale().toUpperCase(java.util.Locale.ROOT));
        for (ResultLine s : seeds.values()) {
            results.add(new SeedResult(s.seed(), s.value(), s.metrics() == null ? Map.of() : s.metrics(), s.bound(), s.passed(),
                    s.detail(), s.notes() == null ? List.of() : s.notes()));
        }
        Judge.Judgement j = Judge.aggregate(claim, scale, standIn, results);
        Verdict v = j.verdict();
        for (SeedResult r : results) {
            out.add(ResultLine.seed(any.paper(), claim, profile, v, r));
        }
        String data = parts.stream().map(ResultLine::data).filter(Objects::nonNull).findFirst().orElse(null);
        out.add(ResultLine.claim(any.paper(), claim, profile, v, j.reason(), j, scale, wall, cpu, data, standIn, plots));
        return out;
    }

    private static ResultLine withVerdict(ResultLine l, String verdict, String reason, double wall, Double cpu,
                                          List<String> plots) {
        return new ResultLine(l.type(), l.paper(), l.claim(), l.claimVersion(), l.profile(), verdict, reason, l.seed(), l.value(),
                l.passed(), l.detail(), l.metrics(), l.bound(), l.notes(), l.n(), l.mean(), l.sd(), l.min(), l.max(),
                l.passedSeeds(), l.metric(), l.unit(), l.direction(), l.statement(), l.source(), l.published(),
                l.publishedUncertainty(), l.publishedSource(), l.check(), l.scale(), l.data(), l.standIn(), wall, cpu,
                plots.isEmpty() ? null : plots, Instant.now().toString());
    }

    private static void copyPlots(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
