package org.reprobench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprobench.api.Verdict;

/**
 * report.md and report.html of a run folder, made from run.json, claims.jsonl and jmh.json
 * only, so a report can be rebuilt at any time from what the run kept.
 */
public final class Report {
    private Report() {
    }

    /** Writes report.md and report.html into the run folder. */
    public static void write(Path runDir) throws IOException {
        Document doc = build(runDir, "");
        String id = RunStore.readProvenance(runDir).runId();
        Json.writeAtomically(runDir.resolve("report.md"), doc.markdown());
        Json.writeAtomically(runDir.resolve("report.html"), doc.html("reprobench run " + id));
    }

    /** The Markdown report, with plot links written relative to {@code linkPrefix} (e.g. "runs/ID/"). */
    public static String markdown(Path runDir, String linkPrefix) throws IOException {
        return build(runDir, linkPrefix).markdown();
    }

    /** The HTML report, with plot links written relative to {@code linkPrefix}. */
    public static String html(Path runDir, String linkPrefix) throws IOException {
        return build(runDir, linkPrefix).html("reprobench run " + RunStore.readProvenance(runDir).runId());
    }

    static Document build(Path runDir, String linkPrefix) throws IOException {
        Provenance p = RunStore.readProvenance(runDir);
        List<ResultLine> lines = RunStore.readLines(runDir.resolve(RunStore.CLAIMS_JSONL));
        Document doc = new Document();
        doc.heading(1, "reprobench report: run " + p.runId());
        doc.table(List.of("run", p.runId()), provenanceRows(p));

        Map<String, List<ResultLine>> byPaper = new LinkedHashMap<>();
        for (ResultLine l : lines) {
            if (l.aggregateLine()) {
                byPaper.computeIfAbsent(l.paper(), k -> new ArrayList<>()).add(l);
            }
        }
        if (!byPaper.isEmpty()) {
            doc.heading(2, "Summary");
            List<String> header = new ArrayList<>(List.of("paper", "claims"));
            for (Verdict v : Verdict.values()) {
                header.add(v.name());
            }
            header.add("wall (s)");
            List<List<String>> rows = new ArrayList<>();
            Map<Verdict, Integer> total = new EnumMap<>(Verdict.class);
            double totalWall = 0;
            int totalClaims = 0;
            for (var e : byPaper.entrySet()) {
                Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
                double wall = 0;
                for (ResultLine l : e.getValue()) {
                    counts.merge(Verdict.valueOf(l.verdict()), 1, Integer::sum);
                    wall += l.wallSeconds() == null ? 0 : l.wallSeconds();
                }
                List<String> row = new ArrayList<>(List.of(e.getKey(), String.valueOf(e.getValue().size())));
                for (Verdict v : Verdict.values()) {
                    row.add(String.valueOf(counts.getOrDefault(v, 0)));
                    total.merge(v, counts.getOrDefault(v, 0), Integer::sum);
                }
                row.add(String.format(Locale.ROOT, "%.1f", wall));
                rows.add(row);
                totalWall += wall;
                totalClaims += e.getValue().size();
            }
            List<String> row = new ArrayList<>(List.of("**all**", String.valueOf(totalClaims)));
            for (Verdict v : Verdict.values()) {
                row.add(String.valueOf(total.getOrDefault(v, 0)));
            }
            row.add(String.format(Locale.ROOT, "%.1f", totalWall));
            rows.add(row);
            doc.table(header, rows);
        } else {
            doc.text("No claim has finished in this run yet.");
        }

        for (var e : byPaper.entrySet()) {
            String title = p.paperTitles() == null ? null : p.paperTitles().get(e.getKey());
            doc.heading(2, e.getKey() + (title != null ? ": " + title : ""));
            List<List<String>> rows = new ArrayList<>();
            for (ResultLine l : e.getValue()) {
                rows.add(List.of(l.claim(), nz(l.source()), metric(l), published(l), ours(l), l.verdict(),
                        l.wallSeconds() == null ? "" : String.format(Locale.ROOT, "%.1f", l.wallSeconds()),
                        l.data() != null ? l.data() : l.n() != null ? "generated" : "—"));
            }
            doc.table(List.of("claim", "source", "metric", "published", "ours (mean ± sd, n)", "verdict", "wall (s)", "data"), rows);
            for (ResultLine l : e.getValue()) {
                doc.bullet("**" + l.claim() + "** " + l.verdict() + ": " + nz(l.reason()));
            }
            for (ResultLine l : e.getValue()) {
                if (l.plots() != null) {
                    for (String plot : l.plots()) {
                        doc.image(l.claim(), linkPrefix + plot);
                    }
                }
            }
        }

        CompareStore.Stored cmp = CompareStore.read(runDir);
        if (cmp != null) {
            Compare.addTo(doc, cmp.rows(), p.runId(), cmp.against());
        }
        if (Files.isRegularFile(runDir.resolve("trends/index.md"))) {
            doc.heading(2, "Trends");
            doc.text("Per-claim and per-benchmark trends over the kept runs on this machine: [trends/index.html]("
                    + linkPrefix + "trends/index.html) ([Markdown](" + linkPrefix + "trends/index.md)).");
        }

        Path jmh = runDir.resolve(RunStore.JMH_JSON);
        if (Files.isRegularFile(jmh)) {
            doc.heading(2, "Benchmarks (JMH)");
            doc.table(List.of("benchmark", "params", "mode", "score", "error (99.9%)", "unit", "forks × iterations"), jmhRows(jmh));
        }
        return doc;
    }

    /** One CSV row per claim, for spreadsheets: the per-paper tables flattened. */
    public static String csv(Path runDir) throws IOException {
        StringBuilder sb = new StringBuilder("paper,claim,source,metric,direction,published,published_uncertainty,"
                + "published_source,mean,sd,n,verdict,wall_seconds,data\n");
        for (ResultLine l : RunStore.readLines(runDir.resolve(RunStore.CLAIMS_JSONL))) {
            if (!l.aggregateLine()) {
                continue;
            }
            List<Object> cells = java.util.Arrays.asList(l.paper(), l.claim(), l.source(), l.metric(), l.direction(), l.published(),
                    l.publishedUncertainty(), l.publishedSource(), l.mean(), l.sd(), l.n(), l.verdict(), l.wallSeconds(), l.data());
            sb.append(cells.stream().map(Report::csvCell).collect(java.util.stream.Collectors.joining(","))).append('\n');
        }
        return sb.toString();
    }

    private static String csvCell(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        return s.matches(".*[,\"\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The report's tables as LaTeX (booktabs), one table per paper plus the summary. */
    public static String latex(Path runDir) throws IOException {
        return build(runDir, "").latex();
    }

    private static List<List<String>> provenanceRows(Provenance p) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("profile", nz(p.profile())));
        rows.add(List.of("status", nz(p.status())));
        rows.add(List.of("started", nz(p.startedAt())));
        rows.add(List.of("finished", nz(p.finishedAt())));
        rows.add(List.of("commit", nz(p.gitCommit()) + (Boolean.TRUE.equals(p.gitDirty()) ? " (with uncommitted changes)" : "")));
        if (p.machine() != null) {
            var m = p.machine();
            rows.add(List.of("machine", m.cpuModel() + ", " + m.cores() + " cores, "
                    + String.format(Locale.ROOT, "%.1f GiB", m.memoryBytes() / 1073741824.0) + ", " + m.os()
                    + (m.gpu() != null ? ", GPU " + m.gpu() : "")));
        }
        rows.add(List.of("engine", "DJL " + nz(p.djlVersion()) + ", PyTorch " + nz(p.pytorchVersion())
                + (p.engineDevice() != null ? " on " + p.engineDevice() : "")
                + (p.threads() != null ? ", threads " + p.threads().get("pytorch_num_threads") + "/"
                + p.threads().get("pytorch_num_interop_threads") : "")));
        rows.add(List.of("java", nz(p.java())));
        if (p.seeds() != null) {
            rows.add(List.of("seeds", "overridden: " + p.seeds()));
        }
        if (p.shard() != null) {
            rows.add(List.of("shard", p.shard()));
        }
        if (p.datasets() != null && !p.datasets().isEmpty()) {
            p.datasets().forEach((k, v) -> rows.add(List.of("data set", k + " sha256 " + v)));
        }
        return rows;
    }

    static String published(ResultLine l) {
        if (l.published() == null) {
            return "—";
        }
        String s = Judge.fmt(l.published());
        if (l.publishedUncertainty() != null) {
            s += " ± " + Judge.fmt(l.publishedUncertainty());
        }
        return s + (l.publishedSource() != null && !l.publishedSource().equals(l.source()) ? " (" + l.publishedSource() + ")" : "");
    }

    /** "name (unit, higher is better)". */
    static String metric(ResultLine l) {
        if (l.metric() == null) {
            return "—";
        }
        String unit = l.unit() == null || l.unit().isEmpty() ? "" : l.unit() + ", ";
        return l.metric() + " (" + unit + nz(l.direction()) + " is better)";
    }

    static String ours(ResultLine l) {
        if (l.n() == null || l.n() == 0 || l.mean() == null) {
            return "—";
        }
        String unit = l.unit() == null || l.unit().isEmpty() ? "" : " " + l.unit();
        String s = l.n() > 1 ? Judge.fmt(l.mean()) + " ± " + Judge.fmt(l.sd()) : Judge.fmt(l.mean());
        return s + unit + " (n=" + l.n() + ")";
    }

    private static List<List<String>> jmhRows(Path jmh) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        JsonNode root = Json.MAPPER.readTree(jmh.toFile());
        for (JsonNode b : root) {
            JsonNode pm = b.path("primaryMetric");
            StringBuilder params = new StringBuilder();
            b.path("params").fields().forEachRemaining(f -> params.append(params.length() > 0 ? ", " : "")
                    .append(f.getKey()).append('=').append(f.getValue().asText()));
            rows.add(List.of(shortName(b.path("benchmark").asText()), params.toString(), b.path("mode").asText(),
                    Judge.fmt(pm.path("score").asDouble()), Judge.fmt(pm.path("scoreError").asDouble()),
                    pm.path("scoreUnit").asText(), b.path("forks").asInt() + " × " + b.path("measurementIterations").asInt()));
        }
        return rows;
    }

    /** org.reprobench.papers.sftpg.SftPgBenchmarks.rollout -> sftpg.SftPgBenchmarks.rollout */
    static String shortName(String benchmark) {
        return benchmark.startsWith("org.reprobench.papers.") ? benchmark.substring("org.reprobench.papers.".length()) : benchmark;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
