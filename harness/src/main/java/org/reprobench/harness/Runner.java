package org.reprobench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.reprobench.api.Profile;
import org.reprobench.api.Verdict;

/**
 * Runs the selected claims at a profile, one after another, writing each result as soon as it is
 * known. A run can be resumed: finished claims are read back and not run again.
 */
public final class Runner {

    /**
     * What to run. Empty papers/claims mean all. {@code seeds} overrides paper.yaml's count when
     * not null. {@code resume} names a run folder to finish instead of starting a new one.
     */
    public record Options(List<String> papers, List<String> claims, Profile profile, Integer seeds, Shard shard,
                          Path runsDir, String runId, Path resume, boolean terminal, String command,
                          Map<String, Double> costs) {
        /** Options without recorded costs (every claim x seed weighs the same when sharding). */
        public Options(List<String> papers, List<String> claims, Profile profile, Integer seeds, Shard shard,
                       Path runsDir, String runId, Path resume, boolean terminal, String command) {
            this(papers, claims, profile, seeds, shard, runsDir, runId, resume, terminal, command, Map.of());
        }
    }

    /** What a run did: where it is and how many claims got each verdict. */
    public record Summary(Path runDir, Map<Verdict, Integer> counts, int alreadyFinished) {
        public int ran() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int executed() {
            return ran() - counts.getOrDefault(Verdict.SKIPPED, 0);
        }
    }

    private record Item(Registry.Entry entry, Claim claim) {
        String key() {
            return entry.id() + "/" + (claim == null ? "paper.yaml" : claim.id());
        }
    }

    private Runner() {
    }

    public static Summary run(Registry registry, Options options) throws IOException, BadInput {
        RunStore store;
        Provenance prov;
        if (options.resume() != null) {
            store = RunStore.open(options.resume());
            prov = store.provenance();
            Log.info("resuming run " + prov.runId() + " (" + store.finished().size() + " claims already finished)");
        } else {
            Path dir = options.runId() != null ? options.runsDir().resolve(options.runId())
                    : freshRunDir(options.runsDir(), newRunId(options.profile().id()));
            store = RunStore.create(dir);
            prov = null;
        }
        Profile profile = prov != null ? Profile.parse(prov.profile()) : options.profile();
        List<String> papers = prov != null ? nullToEmpty(prov.papers()) : options.papers();
        List<String> claims = prov != null ? nullToEmpty(prov.claims()) : options.claims();
        Integer seedOverride = prov != null ? prov.seeds() : options.seeds();
        Shard shard = prov != null && prov.shard() != null ? Shard.parse(prov.shard()) : options.shard();

        List<Item> items = select(registry, papers, claims);
        Map<String, List<Long>> plan = plan(items, profile, seedOverride, shard, options.costs(), prov);
        if (prov == null) {
            prov = startProvenance(store.dir(), options, profile, papers, claims, seedOverride, shard, items,
                    shard.count() > 1 ? planIds(plan) : null);
        }
        Map<String, String> datasets = new TreeMap<>(prov.datasets() == null ? Map.of() : prov.datasets());
        store.writeProvenance(prov.withStatus("running", null, datasets));
        final Provenance started = prov;
        Thread hook = new Thread(() -> {
            try {
                store.writeProvenance(started.withStatus("interrupted", null, datasets));
            } catch (IOException e) {
                // best effort: the claims finished so far are on disk already
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);

        Set<String> finished = store.finished();
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        int skippedAsDone = 0;
        for (Item item : items) {
            List<Long> seeds = plan.get(item.key());
            if (seeds == null) {
                continue; // another shard's
            }
            if (finished.contains(item.key())) {
                skippedAsDone++;
                continue;
            }
            Claim claim = item.claim();
            List<ResultLine> lines;
            if (claim == null) {
                String problems = item.entry().problems().stream().map(Problem::toString).collect(Collectors.joining("; "));
                Log.warn(item.entry().id() + ": not run, its paper.yaml or module is broken: " + problems);
                lines = List.of(ResultLine.brokenPaper(item.entry().id(), profile,
                        "paper not loaded: " + problems + " (run 'reprobench validate')"));
            } else {
                Log.info("running " + item.key() + " at " + profile.id() + " over " + seeds.size() + " seed(s)");
                ClaimRunner.Finished f = ClaimRunner.run(item.entry().paper(), claim,
                        item.entry().module().experiments().get(claim.id()), profile, seeds, store.dir(), options.terminal());
                lines = f.lines();
                datasets.putAll(f.datasets());
            }
            store.append(lines);
            ResultLine agg = lines.get(lines.size() - 1);
            Verdict v = Verdict.valueOf(agg.verdict());
            counts.merge(v, 1, Integer::sum);
            Log.info(item.key() + ": " + v + " (" + agg.reason() + ")"
                    + (agg.wallSeconds() != null ? String.format(java.util.Locale.ROOT, " in %.1f s", agg.wallSeconds()) : "")
                    + (agg.cpuSeconds() != null ? String.format(java.util.Locale.ROOT, " (%.1f s CPU)", agg.cpuSeconds()) : ""));
        }
        store.writeProvenance(prov.withStatus("finished", Instant.now().toString(), datasets));
        Runtime.getRuntime().removeShutdownHook(hook);
        Report.write(store.dir());
        return new Summary(store.dir(), counts, skippedAsDone);
    }

    /**
     * claim key -> the seeds this process runs. Without shards: every claim with all its seeds. With
     * shards: the units of {@link ShardPlan}; a resumed run keeps the plan it recorded.
     */
    private static Map<String, List<Long>> plan(List<Item> items, Profile profile, Integer seedOverride, Shard shard,
                                                Map<String, Double> costs, Provenance resumed) {
        List<ShardPlan.Unit> units = new ArrayList<>();
        for (Item item : items) {
            Claim c = item.claim();
            boolean runs = c != null && c.profiles().containsKey(profile);
            int n = !runs ? 0 : seedOverride != null ? seedOverride : c.seedCount(profile);
            double cost = runs ? ShardPlan.cost(costs == null ? Map.of() : costs, item.key()) : 1e-3;
            if (n == 0) {
                units.add(new ShardPlan.Unit(item.key(), 0, cost));
            }
            for (long s = 1; s <= n; s++) {
                units.add(new ShardPlan.Unit(item.key(), s, cost));
            }
        }
        List<ShardPlan.Unit> mine;
        if (resumed != null && resumed.plan() != null) {
            Set<String> ids = new java.util.HashSet<>(resumed.plan());
            mine = units.stream().filter(u -> ids.contains(u.id())).toList();
        } else {
            mine = ShardPlan.assign(units, shard);
        }
        Map<String, List<Long>> plan = new java.util.LinkedHashMap<>();
        for (ShardPlan.Unit u : mine) {
            List<Long> seeds = plan.computeIfAbsent(u.claimKey(), k -> new ArrayList<>());
            if (u.seed() > 0) {
                seeds.add(u.seed());
            }
        }
        return plan;
    }

    private static List<String> planIds(Map<String, List<Long>> plan) {
        List<String> ids = new ArrayList<>();
        plan.forEach((k, seeds) -> {
            if (seeds.isEmpty()) {
                ids.add(k + "#0");
            }
            seeds.forEach(s -> ids.add(k + "#" + s));
        });
        return ids;
    }

    /** Whether to draw progress bars: only on an interactive terminal, never in CI or pipes. */
    public static boolean onTerminal() {
        return System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
    }

    private static List<String> nullToEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    /** A run id that sorts by time: 20261128-133500-ci. */
    static String newRunId(String suffix) {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + "-" + suffix;
    }

    /** runsDir/id, or runsDir/id-2, -3... when a run started within the same second. */
    static Path freshRunDir(Path runsDir, String id) {
        Path dir = runsDir.resolve(id);
        for (int k = 2; Files.exists(dir); k++) {
            dir = runsDir.resolve(id + "-" + k);
        }
        return dir;
    }

    /** The selected claims in a fixed order (paper id, then paper.yaml order), so shards are stable. */
    private static List<Item> select(Registry registry, List<String> papers, List<String> claims) throws BadInput {
        Set<String> known = new LinkedHashSet<>();
        registry.entries().forEach(e -> known.add(e.id()));
        for (String p : papers) {
            if (!known.contains(p)) {
                throw new BadInput("unknown paper id '" + p + "'; known ids: " + String.join(", ", known)
                        + " (see 'reprobench list')");
            }
        }
        Set<String> unmatched = new LinkedHashSet<>(claims);
        List<Item> items = new ArrayList<>();
        for (Registry.Entry e : registry.entries()) {
            if (!papers.isEmpty() && !papers.contains(e.id())) {
                continue;
            }
            if (!e.ok()) {
                if (claims.isEmpty()) {
                    items.add(new Item(e, null));
                }
                continue;
            }
            for (Claim c : e.paper().claims()) {
                String qualified = e.id() + "/" + c.id();
                if (claims.isEmpty() || claims.contains(c.id()) || claims.contains(qualified)) {
                    unmatched.remove(c.id());
                    unmatched.remove(qualified);
                    items.add(new Item(e, c));
                }
            }
        }
        if (!unmatched.isEmpty()) {
            throw new BadInput("unknown claim id(s) " + unmatched + " in the selected papers; 'reprobench list' shows the claim ids");
        }
        return items;
    }

    private static Provenance startProvenance(Path dir, Options o, Profile profile, List<String> papers, List<String> claims,
                                              Integer seeds, Shard shard, List<Item> items, List<String> plan) {
        String[] engine = Environment.engine();
        Map<String, String> titles = new TreeMap<>();
        for (Item i : items) {
            if (i.entry().paper() != null) {
                titles.put(i.entry().id(), i.entry().paper().title());
            }
        }
        return new Provenance(dir.getFileName().toString(), "run", "running", profile.id(), papers, claims, seeds,
                shard.count() > 1 ? shard.toString() : null, Instant.now().toString(), null,
                Environment.gitCommit(), Environment.gitDirty(), Environment.harnessVersion(), Environment.java(),
                engine[0], engine[1], engine[2], Environment.threads(), Environment.machine(), titles, Map.of(), o.command(),
                plan, null);
    }

    /** The folder of a run given as a path or as an id under the runs folder. */
    public static Path resolveRun(Path runsDir, String run) throws BadInput {
        Path p = Path.of(run);
        if (Files.isDirectory(p)) {
            return p;
        }
        Path q = runsDir.resolve(run);
        if (Files.isDirectory(q)) {
            return q;
        }
        throw new BadInput("no run '" + run + "': give a run folder or an id under " + runsDir);
    }
}
