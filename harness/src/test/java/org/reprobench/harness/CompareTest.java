package org.reprobench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Compare on constructed runs: each case of the issue, and the golden Markdown. */
class CompareTest {
    private static Path res(String name) throws URISyntaxException {
        return Path.of(CompareTest.class.getResource("/golden/compare/" + name).toURI());
    }

    private static List<Compare.Row> rows() throws Exception {
        return Compare.compare(RunResults.load(res("run")), RunResults.load(res("base")), Changes.read(res("changes.yaml")));
    }

    private static Map<String, Compare.Row> byKey(List<Compare.Row> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.kind() + " " + r.key(), r -> r));
    }

    @Test
    void everyCaseGetsItsStatus() throws Exception {
        Map<String, Compare.Row> m = byKey(rows());
        assertEquals(Compare.Status.IMPROVED, m.get("claim p/improves").status(), "accuracy up 0.1, s.e. 0.008");
        assertEquals(Compare.Status.REGRESSED, m.get("claim p/worsens").status(), "accuracy down 0.1; the old changes.yaml entry predates the baseline");
        assertEquals(Compare.Status.STABLE, m.get("claim p/noisy").status(), "down 0.05 with s.e. 0.041: within 3 s.e.");
        assertEquals(Compare.Status.REGRESSED, m.get("claim p/flips").status());
        assertTrue(m.get("claim p/flips").message().startsWith("verdict changed REPRODUCED -> NOT_REPRODUCED"));
        assertEquals(Compare.Status.STABLE, m.get("claim p/slower").status(), "same value");
        assertEquals(Compare.Status.REGRESSED, m.get("wall-time p/slower").status());
        assertTrue(m.get("wall-time p/slower").advisory(), "timing is advisory until confirmed");
        assertFalse(m.containsKey("wall-time p/noisy"), "10 s -> 11 s is not flagged");
        assertEquals(Compare.Status.STABLE, m.get("claim p/acknowledged").status());
        assertTrue(m.get("claim p/acknowledged").message().contains("metric redefined on purpose"));
        assertEquals(Compare.Status.MISSING, m.get("claim p/gone").status());
        assertEquals(Compare.Status.NEW, m.get("claim p/brand-new").status());
        assertEquals(Compare.Status.NEW, m.get("claim p/resettled").status(), "a new claim version is not compared");
        assertEquals(Compare.Status.STABLE, m.get("benchmark p.B.steady[n=100]").status(), "10.0 -> 10.6 ms within errors and 10%");
        assertEquals(Compare.Status.REGRESSED, m.get("benchmark p.B.slowed").status());
        assertEquals(Compare.Status.IMPROVED, m.get("benchmark p.B.sped").status(), "throughput: higher is better");
    }

    @Test
    void aRunWithoutBenchmarksIsComparedOnItsClaimsOnly() throws Exception {
        RunResults run = RunResults.load(res("run"));
        RunResults claimsOnly = new RunResults(run.dir(), run.provenance(), run.claims(), Map.of());
        List<Compare.Row> rows = Compare.compare(claimsOnly, RunResults.load(res("base")), Changes.read(res("changes.yaml")));
        assertTrue(rows.stream().noneMatch(r -> r.kind().equals("benchmark")), rows.toString());
        assertEquals(rows().stream().filter(r -> !r.kind().equals("benchmark")).toList(), rows);
    }

    @Test
    void claimsOfPapersTheRunDidNotSelectAreNotMissing() throws Exception {
        RunResults base = RunResults.load(res("base"));
        RunResults run = RunResults.load(res("run"));
        Map<String, ResultLine> withOther = new java.util.LinkedHashMap<>(base.claims());
        ResultLine some = base.claims().values().iterator().next();
        ResultLine other = new ResultLine(some.type(), "other-paper", "c", some.claimVersion(), some.profile(), some.verdict(),
                null, null, null, null, null, null, null, null, some.n(), some.mean(), some.sd(), some.min(), some.max(),
                some.passedSeeds(), some.metric(), some.unit(), some.direction(), null, null, null, null, null, some.check(),
                some.scale(), null, null, some.wallSeconds(), null, null, null);
        withOther.put(other.key(), other);
        RunResults wider = new RunResults(base.dir(), base.provenance(), withOther, base.benchmarks());
        List<Compare.Row> rows = Compare.compare(run, wider, Changes.read(res("changes.yaml")));
        assertTrue(rows.stream().noneMatch(r -> r.key().startsWith("other-paper/")), rows.toString());
        assertEquals(rows(), rows);
    }

    @Test
    void onlyNonAdvisoryRegressionsFail() throws Exception {
        List<Compare.Row> rows = rows();
        assertEquals(List.of("p/worsens", "p/flips"), rows.stream().filter(Compare.Row::failing).map(Compare.Row::key).toList());
    }

    @Test
    void directionDecidesWhatIsBetter() {
        ResultLine lowerBase = line("lower", 1.0);
        ResultLine lowerRun = line("lower", 0.5);
        assertEquals(Compare.Status.IMPROVED, Compare.compareClaim("k", lowerBase, lowerRun).status());
        assertEquals(Compare.Status.REGRESSED, Compare.compareClaim("k", line("higher", 1.0), line("higher", 0.5)).status());
    }

    @Test
    void aTimingMetricIsComparedByAFactorAndOnlyAdvisory() {
        // one run's timing has no spread over seeds: 0.29 s -> 0.27 s must not count as a change
        Compare.Row small = Compare.compareClaim("k", line("lower", 0.2936, "s"), line("lower", 0.2748, "s"));
        assertEquals(Compare.Status.STABLE, small.status(), small.message());
        Compare.Row slower = Compare.compareClaim("k", line("lower", 0.3, "s"), line("lower", 0.6, "s"));
        assertEquals(Compare.Status.REGRESSED, slower.status());
        assertTrue(slower.advisory() && !slower.failing(), "a timing regression waits for a rerun");
        assertEquals(Compare.Status.IMPROVED, Compare.compareClaim("k", line("lower", 0.6, "ms"), line("lower", 0.3, "ms")).status());
        // the same move on a metric without a time unit is judged by its (zero) spread
        assertEquals(Compare.Status.IMPROVED, Compare.compareClaim("k", line("lower", 0.2936, ""), line("lower", 0.2748, "")).status());
    }

    private static ResultLine line(String direction, double mean) {
        return line(direction, mean, "");
    }

    private static ResultLine line(String direction, double mean, String unit) {
        return new ResultLine("claim", "p", "c", 1, "ci", "CONSISTENT", null, null, null, null, null, null, null, null,
                1, mean, 0.0, mean, mean, 1, "m", unit, direction, null, null, null, null, null, "range", "reduced", null, null,
                1.0, null, null, null);
    }

    @Test
    void markdownMatchesTheGoldenFile() throws Exception {
        ReportGoldenTest.assertGolden("compare.md", Compare.markdown(rows(), "run-run", "baseline base-run"));
    }
}
