package org.reprobench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run folder (or the baseline, which has the same files) holds, keyed for comparison:
 * claim aggregates by paper/claim and JMH benchmarks by name and parameters.
 */
public record RunResults(Path dir, Provenance provenance, Map<String, ResultLine> claims, Map<String, Benchmark> benchmarks) {

    /** One JMH result: score, its 99.9% error, unit, and whether a higher score is better. */
    public record Benchmark(String key, double score, double error, String unit, boolean higherIsBetter) {
    }

    public static RunResults load(Path dir) throws IOException {
        Provenance p = RunStore.readProvenance(dir);
        Map<String, ResultLine> claims = new LinkedHashMap<>();
        for (ResultLine l : RunStore.readLines(dir.resolve(RunStore.CLAIMS_JSONL))) {
            if (l.aggregateLine()) {
                claims.put(l.key(), l);
            }
        }
        return new RunResults(dir, p, claims, readJmh(dir.resolve(RunStore.JMH_JSON)));
    }

    static Map<String, Benchmark> readJmh(Path file) throws IOException {
        Map<String, Benchmark> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (JsonNode b : Json.MAPPER.readTree(file.toFile())) {
            StringBuilder key = new StringBuilder(Report.shortName(b.path("benchmark").asText()));
            b.path("params").fields().forEachRemaining(f -> key.append(key.indexOf("[") < 0 ? "[" : ",")
                    .append(f.getKey()).append('=').append(f.getValue().asText()));
            if (key.indexOf("[") >= 0) {
                key.append(']');
            }
            JsonNode pm = b.path("primaryMetric");
            String mode = b.path("mode").asText();
            double error = pm.path("scoreError").asDouble(Double.NaN);
            out.put(key.toString(), new Benchmark(key.toString(), pm.path("score").asDouble(), Double.isNaN(error) ? 0 : error,
                    pm.path("scoreUnit").asText(), "thrpt".equals(mode)));
        }
        return out;
    }
}
