package org.reprobench.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much of a paper's setting a run reproduces: seconds (smoke), minutes (ci), or all of it (paper). */
public enum Profile {
    SMOKE, CI, PAPER;

    /** The name used on the command line, in paper.yaml and in result files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile parse(String text) {
        for (Profile p : values()) {
            if (p.id().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + text + "': use one of "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id();
    }
}
