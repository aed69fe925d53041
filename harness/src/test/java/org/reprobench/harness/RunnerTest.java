package org.reprobench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprobench.api.Profile;

/** The runner against the fixture papers: every verdict path, isolation, and the run folder. */
class RunnerTest {
    @TempDir
    static Path runs;
    static Runner.Summary summary;
    static Map<String, ResultLine> verdicts;
    static List<ResultLine> lines;

    @BeforeAll
    static void runAllFixtures() throws Exception {
        Registry registry = Registry.load();
        List<String> papers = List.of("fixture-pass", "fixture-fail", "fixture-throw", "fixture-nan", "fixture-timeout",
                "fixture-malformed");
        summary = Runner.run(registry, new Runner.Options(papers, List.of(), Profile.SMOKE, null, Shard.ALL, runs, "all",
                null, false, "test"));
        lines = RunStore.readLines(summary.runDir().resolve(RunStore.CLAIMS_JSONL));
        verdicts = lines.stream().filter(ResultLine::aggregateLine).collect(Collectors.toMap(ResultLine::key, Function.identity()));
    }

    private static String verdict(String key) {
        assertTrue(verdicts.containsKey(key), "no result for " + key + " in " + verdicts.keySet());
        return verdicts.get(key).verdict();
    }

    @Test
    void passingClaimsAreReproducedAtFullScaleAndConsistentOtherwise() {
        assertEquals("REPRODUCED", verdict("fixture-pass/mean-of-arange"));
        assertEquals("CONSISTENT", verdict("fixture-pass/square-law"), "reduced scale");
        assertEquals("REPRODUCED", verdict("fixture-pass/halving"));
        assertEquals("REPRODUCED", verdict("fixture-pass/ordered"));
        assertEquals("REPRODUCED", verdict("fixture-pass/under-bound"));
        assertEquals("CONSISTENT", verdict("fixture-pass/on-stand-in"), "stand-in data caps the verdict");
        assertEquals("Fashion-MNIST (stand-in)", verdicts.get("fixture-pass/on-stand-in").data());
        ResultLine slope = verdicts.get("fixture-pass/square-law");
        assertEquals(2.0, slope.mean(), 1e-12);
        assertEquals(List.of("plots/fixture-pass--square-law--square-law.png"), slope.plots());
        assertTrue(Files.isRegularFile(summary.runDir().resolve(slope.plots().get(0))));
    }

    @Test
    void meanIsComputedByDjlOverSeeds() {
        ResultLine mean = verdicts.get("fixture-pass/mean-of-arange");
        assertEquals(2, mean.n());
        assertEquals(50.5, mean.mean(), 1e-9);
        assertEquals(0.0, mean.sd(), 0.0);
    }

    @Test
    void skippedClaimsSayWhy() {
        assertEquals("SKIPPED", verdict("fixture-pass/paper-only"));
        assertTrue(verdicts.get("fixture-pass/paper-only").reason().contains("CIFAR-10 and a pretrained checkpoint"));
        assertEquals("SKIPPED", verdict("fixture-pass/needs-gpu"));
        assertEquals("needs CIFAR-10 and 40 GPU-hours", verdicts.get("fixture-pass/needs-gpu").reason());
    }

    @Test
    void failingClaimsAreNotReproducedWithTheirNumbers() {
        assertEquals("NOT_REPRODUCED", verdict("fixture-fail/off-by-one"));
        String reason = verdicts.get("fixture-fail/off-by-one").reason();
        assertTrue(reason.contains("3.02") && reason.contains("published 2"), reason);
        assertEquals("NOT_REPRODUCED", verdict("fixture-fail/wrong-order"));
    }

    @Test
    void throwingNanAndOverrunningClaimsAreErrorsAndTheRestGoOn() {
        assertEquals("ERROR", verdict("fixture-throw/boom"));
        assertTrue(verdicts.get("fixture-throw/boom").reason().contains("deliberate failure"));
        assertEquals("ERROR", verdict("fixture-nan/not-a-number"));
        assertTrue(verdicts.get("fixture-nan/not-a-number").reason().contains("NaN"));
        assertEquals("ERROR", verdict("fixture-timeout/polite-overrun"));
        assertTrue(verdicts.get("fixture-timeout/polite-overrun").reason().contains("time limit"));
        assertEquals("ERROR", verdict("fixture-timeout/rude-overrun"));
        assertTrue(verdicts.get("fixture-timeout/rude-overrun").wallSeconds() < 2.5, "the harness moved on at the limit");
    }

    @Test
    void cpuTimeIsMeasuredPerClaim() {
        // process CPU (JIT and GC included, so a sleeping claim is not near zero in a young JVM): check it
        // is there, within what the cores allow over the claim's wall time, and counts a spinning claim
        int cores = Runtime.getRuntime().availableProcessors();
        for (ResultLine l : verdicts.values()) {
            if (l.wallSeconds() != null && l.wallSeconds() > 0 && !"paper.yaml".equals(l.claim())
                    && !"SKIPPED".equals(l.verdict())) {
                assertTrue(l.cpuSeconds() != null && l.cpuSeconds() >= 0, l.key() + ": " + l.cpuSeconds());
                assertTrue(l.cpuSeconds() <= cores * l.wallSeconds() + 0.05, l.key() + ": cpu " + l.cpuSeconds()
                        + " s in " + l.wallSeconds() + " s on " + cores + " cores");
            }
        }
        ResultLine spinning = verdicts.get("fixture-timeout/rude-overrun");     // spins through its 0.5 s limit
        assertTrue(spinning.cpuSeconds() > 0.1, "spinning claim used CPU: " + spinning.cpuSeconds());
        assertEquals(null, verdicts.get("fixture-pass/paper-only").cpuSeconds(), "not run, not measured");
    }

    @Test
    void aMalformedPaperIsAnErrorRowAndStopsNothingElse() {
        assertEquals("ERROR", verdict("fixture-malformed/paper.yaml"));
        String reason = verdicts.get("fixture-malformed/paper.yaml").reason();
        assertTrue(reason.contains("unknown key 'chek'"), reason);
        assertTrue(reason.contains("has no 'source'"), reason);
    }

    @Test
    void everyLineCarriesTheRequiredFields() {
        assertFalse(lines.isEmpty());
        for (ResultLine l : lines) {
            assertNotNull(l.paper());
            assertNotNull(l.claim());
            assertEquals("smoke", l.profile());
            assertNotNull(l.verdict());
            if (!l.aggregateLine()) {
                assertNotNull(l.seed());
                assertNotNull(l.value());
            }
        }
        ResultLine agg = verdicts.get("fixture-fail/off-by-one");
        assertEquals(3, agg.n());
        assertEquals(3.02, agg.mean(), 1e-12);
        assertEquals(0.01, agg.sd(), 1e-12);
        assertEquals(2.0, agg.published());
        assertEquals(0.1, agg.publishedUncertainty());
    }

    @Test
    void runFolderHoldsProvenanceAndReports() throws Exception {
        Provenance p = RunStore.readProvenance(summary.runDir());
        assertEquals("finished", p.status());
        assertEquals("smoke", p.profile());
        assertTrue(p.pytorchVersion().startsWith("2."), p.pytorchVersion());
        assertEquals("1", p.threads().get("pytorch_num_threads"));
        assertTrue(p.machine().cores() > 0);
        assertEquals("abc123", p.datasets().get("Fashion-MNIST"));
        assertTrue(Files.readString(summary.runDir().resolve("report.md")).contains("| fixture-fail/") == false);
        assertTrue(Files.readString(summary.runDir().resolve("report.md")).contains("## fixture-pass: A Paper Whose Claims Hold"));
        assertTrue(Files.readString(summary.runDir().resolve("report.html")).contains("<td class=\"NOT_REPRODUCED\">"));
    }

    @Test
    void unknownIdsAreBadInput() {
        BadInput e = assertThrows(BadInput.class, () -> Runner.run(Registry.load(), new Runner.Options(List.of("no-such-paper"),
                List.of(), Profile.SMOKE, null, Shard.ALL, runs, "bad", null, false, "test")));
        assertTrue(e.getMessage().contains("unknown paper id 'no-such-paper'") && e.getMessage().contains("fixture-pass"));
        BadInput c = assertThrows(BadInput.class, () -> Runner.run(Registry.load(), new Runner.Options(List.of("fixture-pass"),
                List.of("nope"), Profile.SMOKE, null, Shard.ALL, runs, "bad2", null, false, "test")));
        assertTrue(c.getMessage().contains("nope"));
    }

    @Test
    void shardsPartitionTheClaims() throws Exception {
        int total = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int k = 1; k <= 3; k++) {
            Runner.Summary s = Runner.run(Registry.load(), new Runner.Options(List.of("fixture-pass"), List.of(), Profile.SMOKE, 1,
                    new Shard(k, 3), runs, "shard" + k, null, false, "test"));
            for (ResultLine l : RunStore.readLines(s.runDir().resolve(RunStore.CLAIMS_JSONL))) {
                if (l.aggregateLine()) {
                    total++;
                    assertTrue(seen.add(l.key()), "claim in two shards: " + l.key());
                }
            }
        }
        assertEquals(8, total);
    }
}
