package org.reprobench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprobench.api.Profile;

class PaperYamlTest {
    private static final String GOOD = """
            id: demo
            title: "Demo"
            authors: [A. Author, B. Author]
            venue: "ICML 2023"
            arxiv: "2301.00001"
            code: https://example.org/demo
            claims:
              - id: accuracy
                version: 2
                statement: "Accuracy is 0.9."
                source: "Table 1"
                metric: {name: accuracy, unit: "%", direction: higher}
                published: {value: 0.9, uncertainty: 0.01, source: "Table 1, row 2"}
                check: {kind: value, tolerance: 0.02}
                profiles: {smoke: reduced, ci: reduced, paper: full}
                seeds: {ci: 5}
                time_limit_s: {ci: 90}
              - id: rate
                statement: "Error falls like 1/n."
                source: "Theorem 2"
                metric: {name: exponent, direction: lower}
                check: {kind: slope, min: -1.2, max: -0.8, axes: linear, seeds_must_pass: 0.5}
                profiles: {paper: full}
                requires: "a GPU"
            """;

    private static List<Problem> problems(String yaml) {
        return PaperYaml.read(yaml, "p.yaml").problems();
    }

    private static Problem only(String yaml) {
        List<Problem> ps = problems(yaml);
        assertEquals(1, ps.size(), ps.toString());
        return ps.get(0);
    }

    @Test
    void readsAWellFormedPaper() {
        PaperYaml.Result r = PaperYaml.read(GOOD, "p.yaml");
        assertTrue(r.ok(), r.problems().toString());
        Paper p = r.paper();
        assertEquals("demo", p.id());
        assertEquals(List.of("A. Author", "B. Author"), p.authors());
        Claim acc = p.claim("accuracy").orElseThrow();
        assertEquals(2, acc.version());
        assertEquals(Direction.HIGHER, acc.metric().direction());
        assertEquals(0.9, acc.published().value());
        assertEquals(0.01, acc.published().uncertainty());
        assertEquals(CheckKind.VALUE, acc.check().kind());
        assertEquals(Scale.FULL, acc.profiles().get(Profile.PAPER));
        assertEquals(5, acc.seedCount(Profile.CI));
        assertEquals(1, acc.seedCount(Profile.SMOKE));
        assertEquals(90, acc.timeLimit(Profile.CI).toSeconds());
        Claim rate = p.claim("rate").orElseThrow();
        assertNull(rate.published());
        assertEquals(0.5, rate.check().seedsMustPass());
        assertTrue(!rate.check().logLog());
        assertEquals("a GPU", rate.requires());
    }

    @Test
    void unknownKeyIsReportedWithItsLine() {
        Problem p = only(GOOD.replace("    source: \"Theorem 2\"", "    sorce: \"Theorem 2\"\n    source: \"Theorem 2\""));
        assertEquals(20, p.line());
        assertTrue(p.message().contains("unknown key 'sorce'"), p.message());
        assertTrue(p.fix().contains("source"));
        assertTrue(p.toString().startsWith("p.yaml:20: "));
    }

    @Test
    void publishedValueNeedsASource() {
        Problem p = only(GOOD.replace(", source: \"Table 1, row 2\"}", "}"));
        assertEquals(13, p.line());
        assertTrue(p.message().contains("has no 'source'"));
    }

    @Test
    void directionMustBeHigherOrLower() {
        Problem p = only(GOOD.replace("direction: higher", "direction: up"));
        assertEquals(12, p.line());
        assertTrue(p.message().contains("direction 'up'"));
    }

    @Test
    void metricWithoutDirectionIsAProblem() {
        Problem p = only(GOOD.replace("{name: exponent, direction: lower}", "{name: exponent}"));
        assertTrue(p.message().contains("no 'direction'"), p.message());
    }

    @Test
    void valueCheckNeedsToleranceAndPublishedValue() {
        Problem p = only(GOOD.replace("{kind: value, tolerance: 0.02}", "{kind: value}"));
        assertTrue(p.message().contains("needs a tolerance"));
        List<Problem> ps = problems(GOOD.replace("    published: {value: 0.9, uncertainty: 0.01, source: \"Table 1, row 2\"}\n", ""));
        assertTrue(ps.stream().anyMatch(x -> x.message().contains("needs a published value")), ps.toString());
    }

    @Test
    void eachCheckKindAsksForWhatItNeeds() {
        assertTrue(only(GOOD.replace("{kind: slope, min: -1.2, max: -0.8, axes: linear, seeds_must_pass: 0.5}", "{kind: slope, min: 1}"))
                .message().contains("both 'min' and 'max'"));
        assertTrue(only(GOOD.replace("{kind: slope, min: -1.2, max: -0.8, axes: linear, seeds_must_pass: 0.5}", "{kind: ordering, order: [a]}"))
                .message().contains("two or more"));
        assertTrue(only(GOOD.replace("{kind: slope, min: -1.2, max: -0.8, axes: linear, seeds_must_pass: 0.5}", "{kind: monotone}"))
                .message().contains("trend"));
        assertTrue(only(GOOD.replace("{kind: slope, min: -1.2, max: -0.8, axes: linear, seeds_must_pass: 0.5}", "{kind: range}"))
                .message().contains("'min' or 'max'"));
        assertTrue(only(GOOD.replace("kind: slope", "kind: vibe")).message().contains("unknown check kind 'vibe'"));
        assertTrue(only(GOOD.replace("seeds_must_pass: 0.5", "seeds_must_pass: 1.5")).message().contains("(0, 1]"));
    }

    @Test
    void badNumbersProfilesAndScalesAreReported() {
        assertTrue(only(GOOD.replace("tolerance: 0.02", "tolerance: two")).message().contains("not a number"));
        assertTrue(only(GOOD.replace("seeds: {ci: 5}", "seeds: {ci: 0}")).message().contains("whole number"));
        assertTrue(only(GOOD.replace("seeds: {ci: 5}", "seeds: {nightly: 5}")).message().contains("unknown key 'nightly'"));
        assertTrue(only(GOOD.replace("{paper: full}", "{paper: everything}")).message().contains("neither 'full' nor 'reduced'"));
    }

    @Test
    void duplicateClaimIdsAndMissingFieldsAreReported() {
        Problem dup = only(GOOD.replace("  - id: rate", "  - id: accuracy"));
        assertTrue(dup.message().contains("duplicate claim id"));
        Problem noTitle = only(GOOD.replace("title: \"Demo\"\n", ""));
        assertEquals(1, noTitle.line());
        assertTrue(noTitle.message().contains("missing 'title'"));
    }

    @Test
    void brokenYamlSyntaxNamesTheLine() {
        PaperYaml.Result r = PaperYaml.read(GOOD.replace("venue: \"ICML 2023\"", "venue: \"ICML 2023"), "p.yaml");
        assertNull(r.paper());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().startsWith("not valid YAML"));
        assertTrue(r.problems().get(0).line() >= 4);
    }

    @Test
    void emptyFileIsAProblem() {
        assertNotNull(only("").message());
    }
}
