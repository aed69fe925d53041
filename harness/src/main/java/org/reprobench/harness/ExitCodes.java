package org.reprobench.harness;

/** The process exit codes of the command line, documented in the README. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug: an exception nobody expected. */
    public static final int INTERNAL = 1;
    /** Unknown id, malformed paper.yaml, bad option, missing run or file. */
    public static final int BAD_INPUT = 2;
    /** Some claims failed to run (ERROR rows). */
    public static final int CLAIMS_ERRORED = 3;
    /** Nothing ran: empty selection or everything skipped. */
    public static final int NOTHING_RAN = 4;
    /** A (confirmed) regression against the baseline. */
    public static final int REGRESSION = 5;
    /** A data set is missing and cannot be fetched here (the message says what to do); set by DataCommand. */
    public static final int DATA_UNAVAILABLE = 6;

    private ExitCodes() {
    }
}
