package org.reprobench.api;

/** What a run says about a claim of the paper. */
public enum Verdict {
    /** The paper's own setting was run and the check passed. */
    REPRODUCED,
    /** The check passed at reduced scale or on stand-in data: the property holds, the number is not comparable. */
    CONSISTENT,
    /** The check failed: the property does not hold here, or the value is out of tolerance. */
    NOT_REPRODUCED,
    /** Not run, with the reason (data set absent, needs a GPU, not defined at this profile). */
    SKIPPED,
    /** The experiment threw, produced NaN/Inf, or overran its time limit. */
    ERROR
}
