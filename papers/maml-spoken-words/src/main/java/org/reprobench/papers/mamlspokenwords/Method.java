package org.reprobench.papers.mamlspokenwords;

/**
 * The continual learners compared, as the official code implements them (src/algorithms.py).
 * All adapt with plain SGD steps on each class group's support, one group after the other, and
 * are scored on the queries of all classes at the end.
 */
public enum Method {
    /**
     * MAMLCon (the code's {@code FSCL}): the first group gets the initial steps, every later group
     * a few steps, each with the logits of the classes seen so far (a growing softmax); then one
     * more step on one stored template per class seen (the first support example of each).
     * Everything adapts.
     */
    MAMLCON("MAMLCon", true, false),
    /** The same without the template step: plain MAML run through the class groups (the ablation). */
    MAML("MAML (no template step)", false, false),
    /**
     * OML as the code runs it: every group (the first included) gets the same few steps, only the
     * heads adapt (features are computed without gradient), and all N heads are in the softmax
     * from the start.
     */
    OML("OML", false, true);

    private final String label;
    private final boolean templateStep;
    private final boolean headsOnly;

    Method(String label, boolean templateStep, boolean headsOnly) {
        this.label = label;
        this.templateStep = templateStep;
        this.headsOnly = headsOnly;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Ends the inner loop with one step on one template per class (MAMLCon's addition). */
    public boolean templateStep() {
        return templateStep;
    }

    /** Adapts the heads only, on frozen features, with all heads in the softmax (OML). */
    public boolean headsOnly() {
        return headsOnly;
    }
}
