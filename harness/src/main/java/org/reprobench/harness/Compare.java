package org.reprobench.harness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A run against a baseline (or another run): each claim and benchmark gets a status. Metrics are
 * judged with their own direction and a threshold from the spread over seeds; JMH timings with
 * JMH's own error. Any verdict change is a regression. Timing regressions are advisory until a
 * rerun confirms them.
 */
public final class Compare {

    public enum Status { STABLE, REGRESSED, IMPROVED, NEW, MISSING }

    /**
     * One compared item. {@code kind}: claim, wall-time or benchmark. {@code advisory}: a timing
     * result that does not fail the comparison unless confirmed.
     */
    public record Row(String kind, String key, Status status, boolean advisory, String baseline, String current,
                      String message) {
        public boolean failing() {
            return status == Status.REGRESSED && !advisory;
        }

        Row confirmed(String note) {
            return new Row(kind, key, status, false, baseline, current, message + "; " + note);
        }

        Row dismissed(String note) {
            return new Row(kind, key, Status.STABLE, false, baseline, current, message + "; " + note);
        }
    }

    /** How many pooled standard errors a metric may move before it counts. */
    static final double SIGMAS = 3.0;
    /** Below this relative change a metric is equal (float noise on a deterministic claim). */
    static final double REL_EPS = 1e-6;
    /** JMH scores also need to move by this fraction: on a shared 2-core machine errors are optimistic. */
    static final double TIMING_FLOOR = 0.10;
    /**
     * Metric units that make a claim's value a timing. One run's timing has no spread over seeds to
     * judge it by, so it is compared like wall time (a factor {@link #TIMING_FACTOR}, advisory).
     */
    static final Set<String> TIME_UNITS = Set.of("s", "ms", "us", "ns", "min", "h");
    /** A timing (claim wall time or a timing metric) counts when it changes by this factor. */
    static final double TIMING_FACTOR = 1.5;

    private Compare() {
    }

    public static List<Row> compare(RunResults run, RunResults base, Changes changes) {
        List<Row> rows = new ArrayList<>();
        String baseStart = base.provenance().startedAt();
        // a paper the run did not select (run --paper X) has no claims to miss; a claim gone from a paper that ran does
        Set<String> ranPapers = new java.util.HashSet<>();
        run.claims().values().forEach(l -> ranPapers.add(l.paper()));
        Set<String> keys = new LinkedHashSet<>();
        base.claims().values().stream().filter(l -> ranPapers.contains(l.paper())).forEach(l -> keys.add(l.key()));
        keys.addAll(run.claims().keySet());
        for (String key : keys) {
            ResultLine b = base.claims().get(key);
            ResultLine r = run.claims().get(key);
            Row row;
            if (b == null) {
                row = new Row("claim", key, Status.NEW, false, "—", r.verdict(), "not in the baseline");
            } else if (r == null) {
                row = new Row("claim", key, Status.MISSING, false, b.verdict(), "—", "in the baseline, not in this run");
            } else {
                row = compareClaim(key, b, r);
            }
            rows.add(acknowledge(row, changes, baseStart));
            Row wall = b == null || r == null ? null : compareWallTime(key, b, r);
            if (wall != null) {
                rows.add(acknowledge(wall, changes, baseStart));
            }
        }
        if (run.benchmarks().isEmpty()) {
            // a run without benchmarks (nightly without --bench, a plain run) has none to miss
            return rows;
        }
        Set<String> benches = new LinkedHashSet<>(base.benchmarks().keySet());
        benches.addAll(run.benchmarks().keySet());
        for (String key : benches) {
            RunResults.Benchmark b = base.benchmarks().get(key);
            RunResults.Benchmark r = run.benchmarks().get(key);
            Row row;
            if (b == null) {
                row = new Row("benchmark", key, Status.NEW, true, "—", score(r), "not in the baseline");
            } else if (r == null) {
                row = new Row("benchmark", key, Status.MISSING, true, score(b), "—", "in the baseline, not in this run");
            } else {
                row = compareBenchmark(key, b, r);
            }
            rows.add(acknowledge(row, changes, baseStart));
        }
        return rows;
    }

    static Row compareClaim(String key, ResultLine b, ResultLine r) {
        String bs = summary(b);
        String rs = summary(r);
        if (!java.util.Objects.equals(b.claimVersion(), r.claimVersion())) {
            return new Row("claim", key, Status.NEW, false, bs, rs,
                    "claim version " + b.claimVersion() + " -> " + r.claimVersion() + ": a new setting, not compared");
        }
        if (!b.profile().equals(r.profile())) {
            return new Row("claim", key, Status.NEW, false, bs, rs, "profile " + b.profile() + " -> " + r.profile() + ": not compared");
        }
        if (!b.verdict().equals(r.verdict())) {
            return new Row("claim", key, Status.REGRESSED, false, bs, rs, "verdict changed " + b.verdict() + " -> " + r.verdict()
                    + (r.reason() != null ? " (" + r.reason() + ")" : ""));
        }
        if (b.mean() == null || r.mean() == null) {
            return new Row("claim", key, Status.STABLE, false, bs, rs, "same verdict, no value to compare");
        }
        if (TIME_UNITS.contains(r.unit()) && b.mean() > 0 && r.mean() > 0) {
            return compareTimingMetric(key, b, r, bs, rs);
        }
        double delta = r.mean() - b.mean();
        double se = Math.sqrt(variance(b) / b.n() + variance(r) / r.n());
        double threshold = SIGMAS * se + REL_EPS * Math.max(1.0, Math.max(Math.abs(b.mean()), Math.abs(r.mean())));
        String numbers = String.format(Locale.ROOT, "%s %s by %s (threshold %s = %.0f·pooled s.e. %s + float noise)",
                r.metric(), delta >= 0 ? "up" : "down", Judge.fmt(Math.abs(delta)), Judge.fmt(threshold), SIGMAS, Judge.fmt(se));
        if (Math.abs(delta) <= threshold) {
            return new Row("claim", key, Status.STABLE, false, bs, rs, "within noise: " + numbers);
        }
        boolean better = "higher".equals(r.direction()) ? delta > 0 : delta < 0;
        return new Row("claim", key, better ? Status.IMPROVED : Status.REGRESSED, false, bs, rs,
                (better ? "better (" : "worse (") + r.direction() + " is better): " + numbers);
    }

    /** A timing metric (same verdict): flagged, advisory, only when it moves by a factor 1.5 the wrong way. */
    private static Row compareTimingMetric(String key, ResultLine b, ResultLine r, String bs, String rs) {
        double ratio = r.mean() / b.mean();
        double worseBy = "higher".equals(r.direction()) ? 1 / ratio : ratio;
        String numbers = r.metric() + " x" + Judge.fmt(ratio) + " (a timing: compared by a factor " + Judge.fmt(TIMING_FACTOR)
                + ", advisory until a rerun confirms)";
        if (worseBy > TIMING_FACTOR) {
            return new Row("claim", key, Status.REGRESSED, true, bs, rs, "worse: " + numbers);
        }
        if (worseBy < 1 / TIMING_FACTOR) {
            return new Row("claim", key, Status.IMPROVED, true, bs, rs, "better: " + numbers);
        }
        return new Row("claim", key, Status.STABLE, false, bs, rs, "within the timing factor: " + numbers);
    }

    private static double variance(ResultLine l) {
        return l.sd() == null ? 0 : l.sd() * l.sd();
    }

    /** A claim's wall time is flagged only when it grows by half and by more than 5 s. */
    static Row compareWallTime(String key, ResultLine b, ResultLine r) {
        if (b.wallSeconds() == null || r.wallSeconds() == null || !b.verdict().equals(r.verdict())) {
            return null;
        }
        double bw = b.wallSeconds();
        double rw = r.wallSeconds();
        String bs = String.format(Locale.ROOT, "%.1f s", bw);
        String rs = String.format(Locale.ROOT, "%.1f s", rw);
        if (rw > TIMING_FACTOR * bw && rw - bw > 5) {
            return new Row("wall-time", key, Status.REGRESSED, true, bs, rs, "wall time x" + Judge.fmt(rw / bw) + " (advisory until a rerun confirms)");
        }
        if (bw > TIMING_FACTOR * rw && bw - rw > 5) {
            return new Row("wall-time", key, Status.IMPROVED, true, bs, rs, "wall time x" + Judge.fmt(rw / bw));
        }
        return null;
    }

    static Row compareBenchmark(String key, RunResults.Benchmark b, RunResults.Benchmark r) {
        double delta = r.score() - b.score();
        double threshold = Math.max(b.error() + r.error(), TIMING_FLOOR * Math.abs(b.score()));
        String msg = String.format(Locale.ROOT, "score %s by %s %s (threshold %s: JMH errors added, at least %.0f%%)",
                delta >= 0 ? "up" : "down", Judge.fmt(Math.abs(delta)), r.unit(), Judge.fmt(threshold), TIMING_FLOOR * 100);
        if (!b.unit().equals(r.unit())) {
            return new Row("benchmark", key, Status.NEW, true, score(b), score(r), "unit changed: not compared");
        }
        if (Math.abs(delta) <= threshold) {
            return new Row("benchmark", key, Status.STABLE, true, score(b), score(r), "within noise: " + msg);
        }
        boolean better = r.higherIsBetter() ? delta > 0 : delta < 0;
        return new Row("benchmark", key, better ? Status.IMPROVED : Status.REGRESSED, true, score(b), score(r),
                (better ? "faster: " : "slower (advisory until a rerun confirms): ") + msg);
    }

    private static Row acknowledge(Row row, Changes changes, String baseStart) {
        if (row.status() != Status.REGRESSED) {
            return row;
        }
        String reason = changes.acknowledged(row.key(), baseStart);
        return reason == null ? row : new Row(row.kind(), row.key(), Status.STABLE, false, row.baseline(), row.current(),
                "acknowledged change (changes.yaml: " + reason + "); " + row.message());
    }

    static String summary(ResultLine l) {
        return l.verdict() + (l.mean() != null ? " " + Report.ours(l) : "");
    }

    private static String score(RunResults.Benchmark b) {
        return Judge.fmt(b.score()) + " ± " + Judge.fmt(b.error()) + " " + b.unit();
    }

    /** The comparison as a Markdown table, regressions first. */
    public static String markdown(List<Row> rows, String runName, String baseName) {
        Document doc = new Document();
        addTo(doc, rows, runName, baseName);
        return doc.markdown();
    }

    static void addTo(Document doc, List<Row> rows, String runName, String baseName) {
        doc.heading(2, "Compared with " + baseName);
        long failing = rows.stream().filter(Row::failing).count();
        long advisory = rows.stream().filter(x -> x.status() == Status.REGRESSED && x.advisory()).count();
        doc.text(runName + ": " + failing + " regression(s), " + advisory + " advisory timing regression(s), "
                + count(rows, Status.IMPROVED) + " improved, " + count(rows, Status.STABLE) + " stable, "
                + count(rows, Status.NEW) + " new, " + count(rows, Status.MISSING) + " missing.");
        List<List<String>> table = new ArrayList<>();
        rows.stream().sorted(java.util.Comparator.comparingInt(Compare::rank)).forEach(x -> table.add(List.of(
                x.status().name() + (x.advisory() && x.status() == Status.REGRESSED ? " (advisory)" : ""), x.kind(), x.key(),
                x.baseline(), x.current(), x.message())));
        doc.table(List.of("status", "kind", "item", "baseline", "this run", "why"), table);
    }

    private static long count(List<Row> rows, Status s) {
        return rows.stream().filter(x -> x.status() == s).count();
    }

    private static int rank(Row r) {
        return switch (r.status()) {
            case REGRESSED -> r.advisory() ? 1 : 0;
            case MISSING -> 2;
            case NEW -> 3;
            case IMPROVED -> 4;
            case STABLE -> 5;
        };
    }
}
