package org.reprobench.harness;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.reprobench.api.Profile;
import org.reprobench.api.Verdict;

/**
 * One line of claims.jsonl. {@code type} is "seed" (one seed's measurement) or "claim" (the
 * aggregate and the verdict). Both carry paper, claim, profile and verdict; the README documents
 * every field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultLine(
        String type,
        String paper,
        String claim,
        Integer claimVersion,
        String profile,
        String verdict,
        String reason,
        // seed lines
        Long seed,
        Double value,
        Boolean passed,
        String detail,
        Map<String, Double> metrics,
        Double bound,
        List<String> notes,
        // claim lines
        Integer n,
        Double mean,
        Double sd,
        Double min,
        Double max,
        Integer passedSeeds,
        String metric,
        String unit,
        String direction,
        String statement,
        String source,
        Double published,
        Double publishedUncertainty,
        String publishedSource,
        String check,
        String scale,
        String data,
        Boolean standIn,
        Double wallSeconds,
        Double cpuSeconds,
        List<String> plots,
        String finishedAt) {

    public static final String SEED = "seed";
    public static final String CLAIM = "claim";

    /** Whether this is a claim's aggregate line (named so that Jackson does not take it for a field). */
    public boolean aggregateLine() {
        return CLAIM.equals(type);
    }

    /** paper/claim, the key a run uses to know what is finished. */
    public String key() {
        return paper + "/" + claim;
    }

    /** The line for one seed of a claim. */
    static ResultLine seed(String paper, Claim claim, Profile profile, Verdict verdict, SeedResult s) {
        return new ResultLine(SEED, paper, claim.id(), claim.version(), profile.id(), verdict.name(), null,
                s.seed(), s.value(), s.passed(), s.detail(), s.metrics().isEmpty() ? null : s.metrics(), s.bound(),
                s.notes().isEmpty() ? null : s.notes(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /**
     * The aggregate line of a claim; judgement and scale are null when it did not run or failed,
     * cpuSeconds when it was not measured.
     */
    static ResultLine claim(String paper, Claim claim, Profile profile, Verdict verdict, String reason,
                            Judge.Judgement j, Scale scale, double wallSeconds, Double cpuSeconds, String data,
                            boolean standIn, List<String> plots) {
        Published pub = claim.published();
        Stats st = j == null ? null : j.stats();
        return new ResultLine(CLAIM, paper, claim.id(), claim.version(), profile.id(), verdict.name(), reason,
                null, null, null, null, null, null, null,
                st == null ? null : st.n(), st == null ? null : st.mean(), st == null ? null : st.sd(),
                st == null ? null : st.min(), st == null ? null : st.max(), j == null ? null : j.passedSeeds(),
                claim.metric().name(), claim.metric().unit(), claim.metric().direction().id(), claim.statement(),
                claim.source(), pub == null ? null : pub.value(),
                pub == null || !pub.hasUncertainty() ? null : pub.uncertainty(), pub == null ? null : pub.source(),
                claim.check().kind().id(), scale == null ? null : scale.id(), data, standIn ? Boolean.TRUE : null,
                wallSeconds, cpuSeconds, plots.isEmpty() ? null : plots, Instant.now().toString());
    }

    /** The ERROR line standing for a paper whose paper.yaml or module could not be loaded. */
    static ResultLine brokenPaper(String paper, Profile profile, String reason) {
        return new ResultLine(CLAIM, paper, "paper.yaml", 0, profile.id(), Verdict.ERROR.name(), reason,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, 0.0, null, null, Instant.now().toString());
    }
}
