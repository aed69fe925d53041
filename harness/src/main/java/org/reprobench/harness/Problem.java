package org.reprobench.harness;

/** One thing wrong with a paper.yaml: where, what, and how to fix it. */
public record Problem(String file, int line, String message, String fix) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message + (fix == null || fix.isEmpty() ? "" : " (fix: " + fix + ")");
    }
}
