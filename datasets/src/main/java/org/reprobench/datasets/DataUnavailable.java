package org.reprobench.datasets;

/**
 * A data set cannot be used here: not downloaded and not downloadable (offline), failed its
 * checksum, or a system package needed to build a stand-in is missing. The message always names
 * the missing file (with its checksum) or package, and the exact command or place that fixes it,
 * so a claim can pass it on verbatim as its SKIPPED reason.
 */
public class DataUnavailable extends Exception {
    public DataUnavailable(String message) {
        super(message);
    }

    public DataUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
