package org.reprobench.api;

/** Progress of one claim; every step also checks the claim's deadline. */
public interface Progress {
    /** Advances by one unit; throws {@link TimeLimitExceeded} once the time limit is spent. */
    void step();

    /** Advances by n units. */
    void stepBy(long n);
}
