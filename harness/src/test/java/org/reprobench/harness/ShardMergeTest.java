package org.reprobench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprobench.api.Profile;

/** Shards split claims x seeds by cost; merging them gives what one process gives. */
class ShardMergeTest {
    @TempDir
    Path tmp;

    private static final List<String> PAPERS = List.of("fixture-pass", "fixture-fail", "fixture-drift");

    private Runner.Summary run(String id, Shard shard, Map<String, Double> costs) throws Exception {
        return Runner.run(Registry.load(), new Runner.Options(PAPERS, List.of(), Profile.SMOKE, 3, shard, tmp.resolve("runs"), id,
                null, false, "test", costs));
    }

    /** What must be equal: every line without its timing. */
    private static List<String> comparable(Path runDir) throws Exception {
        return RunStore.readLines(runDir.resolve(RunStore.CLAIMS_JSONL)).stream()
                .map(l -> String.join("|", l.type(), l.key(), String.valueOf(l.seed()), l.verdict(), String.valueOf(l.value()),
                        String.valueOf(l.n()), String.valueOf(l.mean()), String.valueOf(l.sd()), String.valueOf(l.passedSeeds()),
                        String.valueOf(l.reason()), String.valueOf(l.plots())))
                .collect(Collectors.toList());
    }

    @Test
    void mergedShardsEqualASingleProcessRun() throws Exception {
        Runner.Summary single = run("single", Shard.ALL, Map.of());
        Map<String, Double> costs = Map.of("fixture-pass/square-law", 50.0, "fixture-fail/off-by-one", 20.0);
        List<Path> shards = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            shards.add(run("s" + k, new Shard(k, 3), costs).runDir());
        }
        Merge.Result merged = Merge.merge(Registry.load(), shards, tmp.resolve("runs/merged"));
        assertEquals(List.of(), merged.problems());
        assertEquals(comparable(single.runDir()), comparable(merged.runDir()));
        Provenance p = RunStore.readProvenance(merged.runDir());
        assertEquals(3, p.shards().size(), "each shard's provenance is kept");
        assertEquals("finished", p.status());
        // timing adds up over the shards that ran a claim
        Map<String, Double> shardCpu = new java.util.HashMap<>();
        for (Path s : shards) {
            for (ResultLine l : RunStore.readLines(s.resolve(RunStore.CLAIMS_JSONL))) {
                if (l.aggregateLine() && l.cpuSeconds() != null) {
                    shardCpu.merge(l.key(), l.cpuSeconds(), Double::sum);
                }
            }
        }
        for (ResultLine l : RunStore.readLines(merged.runDir().resolve(RunStore.CLAIMS_JSONL))) {
            if (l.aggregateLine() && shardCpu.containsKey(l.key())) {
                assertEquals(shardCpu.get(l.key()), l.cpuSeconds(), 1e-9, l.key());
            }
        }
    }

    @Test
    void unitsAreSplitByCostAndEachRunsOnce() {
        List<ShardPlan.Unit> units = List.of(new ShardPlan.Unit("a", 1, 10), new ShardPlan.Unit("a", 2, 10),
                new ShardPlan.Unit("b", 1, 6), new ShardPlan.Unit("c", 1, 5), new ShardPlan.Unit("d", 1, 4));
        List<ShardPlan.Unit> one = ShardPlan.assign(units, new Shard(1, 2));
        List<ShardPlan.Unit> two = ShardPlan.assign(units, new Shard(2, 2));
        // longest first onto the least loaded: a1->1, a2->2, b->1 (16), c->2 (15), d->2 (19)
        assertEquals(List.of("a#1", "b#1"), one.stream().map(ShardPlan.Unit::id).toList());
        assertEquals(List.of("a#2", "c#1", "d#1"), two.stream().map(ShardPlan.Unit::id).toList());
    }

    @Test
    void missingAndDuplicateShardsAreReported() throws Exception {
        Path s1 = run("d1", new Shard(1, 3), Map.of()).runDir();
        Path s2 = run("d2", new Shard(2, 3), Map.of()).runDir();
        Merge.Result r = Merge.merge(Registry.load(), List.of(s1, s2, s1), tmp.resolve("runs/partial"));
        assertTrue(r.problems().stream().anyMatch(x -> x.startsWith("duplicate shard 1/3")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(x -> x.startsWith("shard 3/3 is missing")), r.problems().toString());
        assertEquals("incomplete", RunStore.readProvenance(r.runDir()).status());
    }
}
