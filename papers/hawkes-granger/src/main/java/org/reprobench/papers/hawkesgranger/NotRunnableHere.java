package org.reprobench.papers.hawkesgranger;

import org.reprobench.api.ClaimSkipped;
import org.reprobench.api.Experiment;

/** Claims of the paper that cannot run here; the reason is the SKIPPED row's text. */
final class NotRunnableHere {
    static final String PAPER_SIMULATION = "the paper's own simulation study (its graph sizes, horizons, repetitions, "
            + "metrics and printed values) is in the full text of arXiv 2209.04480, which could not be retrieved here "
            + "(only the abstract is reachable); the claims under 'fresh-' run the official code's README setting instead";
    static final String SEPSIS_DATA = "the Grady hospital (Atlanta) EMR cohort of sepsis-associated derangements is "
            + "private patient data, not released with the paper or the code";

    private NotRunnableHere() {
    }

    static Experiment because(String reason) {
        return ctx -> {
            throw new ClaimSkipped(reason);
        };
    }
}
