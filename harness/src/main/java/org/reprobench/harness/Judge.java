package org.reprobench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprobench.api.Outcome;
import org.reprobench.api.Verdict;

/**
 * Turns what the seeds measured into a verdict, following the claim's check. Nothing here knows
 * any paper: the verdict comes from the numbers and paper.yaml only.
 */
public final class Judge {

    /** The verdict, why, each seed's result and the statistics of the values. */
    public record Judgement(Verdict verdict, String reason, List<SeedResult> seeds, Stats stats, int passedSeeds) {
    }

    /** Thrown when the outcomes lack what the check needs; the claim becomes ERROR. */
    public static final class UnjudgeableOutcome extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnjudgeableOutcome(String message) {
            super(message);
        }
    }

    private Judge() {
    }

    public static Judgement judge(Claim claim, Scale scale, boolean standIn, List<Long> seeds, List<Outcome> outcomes) {
        if (outcomes == null || outcomes.size() != seeds.size()) {
            throw new UnjudgeableOutcome("the experiment returned " + (outcomes == null ? "no list" : outcomes.size() + " outcomes")
                    + " for " + seeds.size() + " seeds");
        }
        Check check = claim.check();
        List<SeedResult> results = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            Outcome o = outcomes.get(i);
            long seed = seeds.get(i);
            if (o == null) {
                throw new UnjudgeableOutcome("seed " + seed + ": the experiment returned no outcome");
            }
            String bad = o.firstNonFinite();
            if (bad != null) {
                throw new UnjudgeableOutcome("seed " + seed + ": " + bad);
            }
            SeedCheck sc = checkSeed(claim, check, o, seed);
            results.add(new SeedResult(seed, sc.value, o.metrics(), o.bound(), sc.passed, sc.detail, o.notes()));
        }
        return aggregate(claim, scale, standIn, results);
    }

    /**
     * The verdict from the seeds' results alone. Also used to merge shards, which ran different
     * seeds of the same claim: the per-seed results are all a verdict needs.
     */
    public static Judgement aggregate(Claim claim, Scale scale, boolean standIn, List<SeedResult> results) {
        Check check = claim.check();
        Stats stats = Stats.of(results.stream().mapToDouble(SeedResult::value).toArray());
        int passed = (int) results.stream().filter(SeedResult::passed).count();
        boolean ok;
        String reason;
        if (check.kind() == CheckKind.VALUE) {
            double pub = claim.published().value();
            double tol = effectiveTolerance(check, pub);
            double diff = Math.abs(stats.mean() - pub);
            ok = diff <= tol;
            reason = String.format(Locale.ROOT, "mean %s vs published %s: |diff| %s %s tolerance %s",
                    fmt(stats.mean()), fmt(pub), fmt(diff), ok ? "<=" : ">", fmt(tol));
        } else {
            int needed = (int) Math.ceil(check.seedsMustPass() * results.size() - 1e-9);
            ok = passed >= needed;
            reason = passed + "/" + results.size() + " seeds pass (" + needed + " needed): " + describe(claim, check)
                    + (ok ? "" : "; first failure: " + firstFailure(results));
        }
        Verdict verdict = !ok ? Verdict.NOT_REPRODUCED
                : scale == Scale.FULL && !standIn ? Verdict.REPRODUCED : Verdict.CONSISTENT;
        if (ok && verdict == Verdict.CONSISTENT) {
            reason += scale == Scale.REDUCED ? " [reduced scale]" : "";
            reason += standIn ? " [stand-in data]" : "";
        }
        return new Judgement(verdict, reason, results, stats, passed);
    }

    static double effectiveTolerance(Check check, double published) {
        double abs = Double.isNaN(check.tolerance()) ? 0 : check.tolerance();
        double rel = Double.isNaN(check.relativeTolerance()) ? 0 : check.relativeTolerance() * Math.abs(published);
        return Math.max(abs, rel);
    }

    private record SeedCheck(double value, boolean passed, String detail) {
    }

    private static SeedCheck checkSeed(Claim claim, Check check, Outcome o, long seed) {
        double tol = Double.isNaN(check.tolerance()) ? 0 : check.tolerance();
        switch (check.kind()) {
            case VALUE -> {
                double v = need(o.value(), seed, "a value");
                double pub = claim.published().value();
                boolean pass = Math.abs(v - pub) <= effectiveTolerance(check, pub);
                return new SeedCheck(v, pass, fmt(v) + " vs published " + fmt(pub));
            }
            case RANGE -> {
                double v = need(o.value(), seed, "a value");
                boolean pass = (Double.isNaN(check.min()) || v >= check.min()) && (Double.isNaN(check.max()) || v <= check.max());
                return new SeedCheck(v, pass, fmt(v) + (pass ? " in " : " outside ") + range(check));
            }
            case BOUND -> {
                double v = need(o.value(), seed, "a value");
                double b = need(o.bound(), seed, "a bound (Outcome.bound)");
                boolean pass = check.above() ? v >= b : v <= b;
                return new SeedCheck(v, pass, fmt(v) + (pass ? "" : " not") + (check.above() ? " >= " : " <= ") + "bound " + fmt(b));
            }
            case ORDERING -> {
                double minGap = Double.POSITIVE_INFINITY;
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < check.order().size(); k++) {
                    String name = check.order().get(k);
                    Double m = o.metrics().get(name);
                    if (m == null) {
                        throw new UnjudgeableOutcome("seed " + seed + ": ordering needs metric '" + name + "', which the experiment did not report");
                    }
                    sb.append(k > 0 ? " < " : "").append(name).append('=').append(fmt(m));
                    if (k > 0) {
                        minGap = Math.min(minGap, m - o.metrics().get(check.order().get(k - 1)));
                    }
                }
                double v = o.value() != null ? o.value() : minGap;
                boolean pass = minGap > tol;
                return new SeedCheck(v, pass, sb + (pass ? " holds" : " fails") + " (smallest gap " + fmt(minGap) + ")");
            }
            case MONOTONE -> {
                double[] s = o.sequence();
                if (s == null || s.length < 2) {
                    throw new UnjudgeableOutcome("seed " + seed + ": a monotone check needs a sequence of two or more values");
                }
                double sign = "decreasing".equals(check.trend()) ? 1 : -1;
                double worst = Double.NEGATIVE_INFINITY;
                int at = -1;
                for (int k = 1; k < s.length; k++) {
                    double violation = sign * (s[k] - s[k - 1]);
                    if (violation > worst) {
                        worst = violation;
                        at = k;
                    }
                }
                double v = o.value() != null ? o.value() : worst;
                boolean pass = worst <= tol;
                return new SeedCheck(v, pass, "largest step against the trend " + fmt(worst) + " at index " + at
                        + (pass ? " <= " : " > ") + "slack " + fmt(tol));
            }
            case SLOPE -> {
                if (o.seriesX() == null) {
                    throw new UnjudgeableOutcome("seed " + seed + ": a slope check needs a series (Outcome.series)");
                }
                double slope;
                try {
                    slope = check.logLog() ? Stats.logLogSlope(o.seriesX(), o.seriesY()) : Stats.slope(o.seriesX(), o.seriesY());
                } catch (IllegalArgumentException e) {
                    throw new UnjudgeableOutcome("seed " + seed + ": " + e.getMessage());
                }
                boolean pass = slope >= check.min() && slope <= check.max();
                return new SeedCheck(slope, pass, "slope " + fmt(slope) + (pass ? " in " : " outside ") + range(check));
            }
            default -> throw new IllegalStateException(check.kind().toString());
        }
    }

    private static double need(Double x, long seed, String what) {
        if (x == null) {
            throw new UnjudgeableOutcome("seed " + seed + ": the check needs " + what + ", which the experiment did not report");
        }
        return x;
    }

    private static String describe(Claim claim, Check check) {
        return switch (check.kind()) {
            case RANGE -> "value in " + range(check);
            case SLOPE -> (check.logLog() ? "log-log " : "") + "slope in " + range(check);
            case BOUND -> "value " + (check.above() ? ">=" : "<=") + " bound";
            case ORDERING -> String.join(" < ", check.order());
            case MONOTONE -> check.trend() + " sequence";
            case VALUE -> "value near " + fmt(claim.published().value());
        };
    }

    private static String firstFailure(List<SeedResult> results) {
        return results.stream().filter(r -> !r.passed()).findFirst()
                .map(r -> "seed " + r.seed() + ": " + r.detail()).orElse("none");
    }

    static String range(Check check) {
        return "[" + (Double.isNaN(check.min()) ? "-inf" : fmt(check.min())) + ", "
                + (Double.isNaN(check.max()) ? "inf" : fmt(check.max())) + "]";
    }

    /** Four significant digits, plain or scientific as the magnitude asks. */
    public static String fmt(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e7) {
            return String.valueOf((long) x);
        }
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
