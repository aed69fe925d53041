package org.reprobench.api;

/**
 * Thrown by an experiment that cannot run here; the claim becomes {@link Verdict#SKIPPED} with
 * this message, which must say exactly what is missing (data set, checkpoint, GPU-hours).
 */
public class ClaimSkipped extends Exception {
    private static final long serialVersionUID = 1L;

    public ClaimSkipped(String reason) {
        super(reason);
    }
}
