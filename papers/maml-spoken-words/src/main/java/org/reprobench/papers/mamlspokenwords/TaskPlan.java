package org.reprobench.papers.mamlspokenwords;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of one continual few-shot task, as the official code builds it: {@code classes} (N,
 * the final number of classes) words with labels 0..N-1 in a random order, learnt in groups: the
 * first {@code start} labels (CS), then groups of {@code add} (CA), a remainder joining the last
 * group. Every class has {@code shots} (K) support and K query examples; the final accuracy is
 * measured on at most {@link #MAX_QUERIES} queries per class (the code's "keeping test size
 * constant up until 5 instances").
 */
public record TaskPlan(int classes, int shots, int start, int add) {
    public static final int MAX_QUERIES = 5;

    public TaskPlan {
        if (shots < 1 || start < 1 || add < 1 || classes < start) {
            throw new IllegalArgumentException("need 1 <= CS <= N, K >= 1 and CA >= 1: " + this);
        }
    }

    /** Label ranges [from, to) of the groups, in the order they are learnt. */
    public List<int[]> groups() {
        List<int[]> out = new ArrayList<>();
        out.add(new int[] {0, start});
        int additions = (classes - start) / add;
        for (int g = 0; g < additions; g++) {
            int from = start + g * add;
            out.add(new int[] {from, from + add});
        }
        // the remainder joins the last group (with no full addition, that is the first group)
        out.get(out.size() - 1)[1] = classes;
        return out;
    }

    public int queriesPerClass() {
        return Math.min(shots, MAX_QUERIES);
    }

    /** The same task with another final number of classes (same K, CS, CA). */
    public TaskPlan withClasses(int n) {
        return new TaskPlan(n, shots, start, add);
    }

    public TaskPlan withShots(int k) {
        return new TaskPlan(classes, k, start, add);
    }
}
