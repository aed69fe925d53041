package org.reprobench.harness;

/** At a given profile, does a claim run the paper's own setting (FULL) or a reduced one? */
public enum Scale {
    FULL, REDUCED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
