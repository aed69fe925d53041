package org.reprobench.api;

/** Thrown from {@link RunContext#checkDeadline()} once a claim has used up its time limit. */
public class TimeLimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TimeLimitExceeded(String message) {
        super(message);
    }
}
