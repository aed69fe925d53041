package org.reprobench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprobench.api.Outcome;
import org.reprobench.api.Profile;
import org.reprobench.api.Verdict;

class JudgeTest {
    private static Claim claim(Check check, Published published) {
        return new Claim("c", 1, "s", "Table 1", new Metric("m", "", Direction.LOWER), published, check,
                Map.of(Profile.SMOKE, Scale.FULL), null, Map.of(), Map.of());
    }

    private static Check check(CheckKind kind, double tol, double min, double max, List<String> order, String trend, double pass) {
        return new Check(kind, tol, Double.NaN, min, max, order, trend, true, false, pass);
    }

    private static final List<Long> THREE = List.of(1L, 2L, 3L);

    @Test
    void valueCheckComparesTheMeanWithThePublishedValue() {
        Claim c = claim(check(CheckKind.VALUE, 0.1, Double.NaN, Double.NaN, List.of(), null, 1), new Published(1.0, Double.NaN, "T1", null));
        var j = Judge.judge(c, Scale.FULL, false, THREE, List.of(Outcome.of(0.8), Outcome.of(1.0), Outcome.of(1.2)));
        assertEquals(Verdict.REPRODUCED, j.verdict(), "mean 1.0 is exactly the published value");
        assertEquals(1.0, j.stats().mean(), 1e-12);
        assertEquals(0.2, j.stats().sd(), 1e-12);
        var far = Judge.judge(c, Scale.FULL, false, THREE, List.of(Outcome.of(1.1), Outcome.of(1.2), Outcome.of(1.3)));
        assertEquals(Verdict.NOT_REPRODUCED, far.verdict(), "mean 1.2 is 0.2 away, tolerance 0.1");
    }

    @Test
    void relativeToleranceScalesWithThePublishedValue() {
        Check rel = new Check(CheckKind.VALUE, Double.NaN, 0.05, Double.NaN, Double.NaN, List.of(), null, true, false, 1);
        Claim c = claim(rel, new Published(200, Double.NaN, "T1", null));
        assertEquals(10.0, Judge.effectiveTolerance(rel, 200), 1e-12);
        assertEquals(Verdict.REPRODUCED, Judge.judge(c, Scale.FULL, false, List.of(1L), List.of(Outcome.of(209))).verdict());
        assertEquals(Verdict.NOT_REPRODUCED, Judge.judge(c, Scale.FULL, false, List.of(1L), List.of(Outcome.of(211))).verdict());
    }

    @Test
    void rangeCountsSeedsAgainstTheRequiredFraction() {
        Claim c = claim(check(CheckKind.RANGE, 0, Double.NaN, 4.0, List.of(), null, 0.66), null);
        var j = Judge.judge(c, Scale.REDUCED, false, THREE, List.of(Outcome.of(1), Outcome.of(5), Outcome.of(3)));
        assertEquals(2, j.passedSeeds());
        assertEquals(Verdict.CONSISTENT, j.verdict(), "2 of 3 pass, 0.66*3 rounds up to 2, reduced scale");
        var k = Judge.judge(c, Scale.FULL, false, THREE, List.of(Outcome.of(6), Outcome.of(5), Outcome.of(3)));
        assertEquals(Verdict.NOT_REPRODUCED, k.verdict());
        assertTrue(k.reason().contains("seed 1: 6 outside [-inf, 4]"), k.reason());
    }

    @Test
    void slopeIsFittedOnLogLogAxes() {
        Claim c = claim(check(CheckKind.SLOPE, 0, 0.45, 0.55, List.of(), null, 1), null);
        double[] eta = {0.1, 0.05, 0.025, 0.0125};
        double[] err = new double[4];
        for (int i = 0; i < 4; i++) {
            err[i] = 7 * Math.sqrt(eta[i]);
        }
        var j = Judge.judge(c, Scale.FULL, false, List.of(1L), List.of(Outcome.derived().series(eta, err)));
        assertEquals(0.5, j.stats().mean(), 1e-12);
        assertEquals(Verdict.REPRODUCED, j.verdict());
    }

    @Test
    void monotoneAllowsTheSlackAndReportsTheWorstStep() {
        Claim c = claim(check(CheckKind.MONOTONE, 0.01, Double.NaN, Double.NaN, List.of(), "decreasing", 1), null);
        var ok = Judge.judge(c, Scale.FULL, false, List.of(1L), List.of(Outcome.derived().sequence(new double[] {3, 2, 2.005, 1})));
        assertEquals(Verdict.REPRODUCED, ok.verdict());
        assertEquals(0.005, ok.stats().mean(), 1e-12);
        var bad = Judge.judge(c, Scale.FULL, false, List.of(1L), List.of(Outcome.derived().sequence(new double[] {3, 2, 2.5, 1})));
        assertEquals(Verdict.NOT_REPRODUCED, bad.verdict());
        assertTrue(bad.reason().contains("at index 2"), bad.reason());
    }

    @Test
    void orderingNeedsStrictIncreaseBeyondTheSlack() {
        Claim c = claim(check(CheckKind.ORDERING, 0.0, Double.NaN, Double.NaN, List.of("a", "b", "c"), null, 1), null);
        assertEquals(Verdict.REPRODUCED, Judge.judge(c, Scale.FULL, false, List.of(1L),
                List.of(Outcome.derived().metric("a", 1).metric("b", 2).metric("c", 2.5))).verdict());
        assertEquals(Verdict.NOT_REPRODUCED, Judge.judge(c, Scale.FULL, false, List.of(1L),
                List.of(Outcome.derived().metric("a", 1).metric("b", 2).metric("c", 2))).verdict());
        assertThrows(Judge.UnjudgeableOutcome.class, () -> Judge.judge(c, Scale.FULL, false, List.of(1L),
                List.of(Outcome.derived().metric("a", 1))));
    }

    @Test
    void boundHoldsBelowOrAbove() {
        Claim below = claim(check(CheckKind.BOUND, 0, Double.NaN, Double.NaN, List.of(), null, 1), null);
        assertEquals(Verdict.REPRODUCED, Judge.judge(below, Scale.FULL, false, List.of(1L), List.of(Outcome.of(1).bound(2))).verdict());
        assertEquals(Verdict.NOT_REPRODUCED, Judge.judge(below, Scale.FULL, false, List.of(1L), List.of(Outcome.of(3).bound(2))).verdict());
        Claim above = claim(new Check(CheckKind.BOUND, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), null, true, true, 1), null);
        assertEquals(Verdict.REPRODUCED, Judge.judge(above, Scale.FULL, false, List.of(1L), List.of(Outcome.of(3).bound(2))).verdict());
        assertThrows(Judge.UnjudgeableOutcome.class, () -> Judge.judge(below, Scale.FULL, false, List.of(1L), List.of(Outcome.of(1))));
    }

    @Test
    void standInDataCapsTheVerdictAtConsistent() {
        Claim c = claim(check(CheckKind.RANGE, 0, 0, 1, List.of(), null, 1), null);
        var j = Judge.judge(c, Scale.FULL, true, List.of(1L), List.of(Outcome.of(0.5)));
        assertEquals(Verdict.CONSISTENT, j.verdict());
        assertTrue(j.reason().contains("[stand-in data]"));
    }

    @Test
    void nonFiniteOrMissingOutcomesCannotBeJudged() {
        Claim c = claim(check(CheckKind.RANGE, 0, 0, 1, List.of(), null, 1), null);
        var e = assertThrows(Judge.UnjudgeableOutcome.class, () -> Judge.judge(c, Scale.FULL, false, List.of(1L),
                List.of(Outcome.of(0.5).metric("loss", Double.POSITIVE_INFINITY))));
        assertTrue(e.getMessage().contains("metric 'loss' is Infinity"));
        assertThrows(Judge.UnjudgeableOutcome.class, () -> Judge.judge(c, Scale.FULL, false, THREE, List.of(Outcome.of(0.5))));
        assertThrows(Judge.UnjudgeableOutcome.class, () -> Judge.judge(c, Scale.FULL, false, List.of(1L), List.of(Outcome.derived())));
    }

    @Test
    void statsMatchHandComputation() {
        Stats s = Stats.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), s.sd(), 1e-12);
        assertEquals(2, s.min());
        assertEquals(9, s.max());
        assertEquals(3.0, Stats.slope(new double[] {0, 1, 2}, new double[] {1, 4, 7}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Stats.logLogSlope(new double[] {1, 2}, new double[] {1, -1}));
    }

    @Test
    void formatsNumbersReadably() {
        assertEquals("50.5", Judge.fmt(50.5));
        assertEquals("3", Judge.fmt(3.0));
        assertEquals("1.235e-05", Judge.fmt(1.2345e-5));
        assertEquals("0.3333", Judge.fmt(1.0 / 3));
        assertEquals("NaN", Judge.fmt(Double.NaN));
    }
}
