package org.reprobench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprobench.api.Profile;

/** The JMH bridge runs a real fork of a fixture benchmark and keeps JMH's JSON in the run. */
class BenchTest {
    @TempDir
    Path runs;

    @Test
    void runsAFixtureBenchmarkInAForkAndReportsIt() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Path dir = Bench.run(Registry.load(), new Bench.Options(List.of("fixture-pass"), true, runs, "b", "test"));
        JsonNode json = Json.MAPPER.readTree(dir.resolve(RunStore.JMH_JSON).toFile());
        assertEquals(1, json.size(), json.toString());
        assertEquals("org.reprobench.fixtures.FixtureBenchmarks.matmulSum", json.get(0).path("benchmark").asText());
        assertTrue(json.get(0).path("primaryMetric").path("score").asDouble() > 0);
        assertTrue(json.get(0).path("jvmArgs").toString().contains("-Dai.djl.offline=true"));
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("| fixtures.FixtureBenchmarks.matmulSum |") || report.contains("FixtureBenchmarks.matmulSum"), report);
        assertEquals("finished", RunStore.readProvenance(dir).status());
    }

    @Test
    void addsBenchmarksToAnExistingRunAndKeepsItsClaims() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Runner.Summary s = Runner.run(Registry.load(), new Runner.Options(List.of("fixture-pass"), List.of(), Profile.SMOKE, null,
                Shard.ALL, runs, "r", null, false, "test"));
        String claims = Files.readString(s.runDir().resolve(RunStore.CLAIMS_JSONL));
        String provenance = Files.readString(s.runDir().resolve(RunStore.RUN_JSON));
        Path dir = Bench.run(Registry.load(), new Bench.Options(List.of("fixture-pass"), true, runs, null, "test", List.of(),
                s.runDir()));
        assertEquals(s.runDir(), dir);
        assertEquals(claims, Files.readString(dir.resolve(RunStore.CLAIMS_JSONL)));
        assertEquals(provenance, Files.readString(dir.resolve(RunStore.RUN_JSON)));
        assertEquals(1, Json.MAPPER.readTree(dir.resolve(RunStore.JMH_JSON).toFile()).size());
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("FixtureBenchmarks.matmulSum") && report.contains("fixture-pass"), report);
    }
}
