package org.reprobench.datasets;

/**
 * One row of {@code reprobench data list}: a real set or a stand-in and its state in the cache.
 *
 * @param name     id on the command line
 * @param kind     "real" or "stand-in"
 * @param state    see {@link State}
 * @param bytes    size on disk of the verified files (the published size when missing)
 * @param sha256   checksum identifying the data (combined over files where there are several)
 * @param location where it lives (or where it must be placed)
 * @param note     what is missing and how to fix it, or where it came from
 */
public record SetStatus(String name, String kind, State state, long bytes, String sha256, String location, String note) {

    public enum State {
        /** Files present but not (or no longer) known to match their checksum: next use hashes them. */
        PRESENT,
        /** Files present, hashed earlier and unchanged since (size and time match the stamp). */
        VERIFIED,
        /** Not there. */
        MISSING,
        /** Present but the content does not match the expected checksum. */
        CORRUPT
    }
}
