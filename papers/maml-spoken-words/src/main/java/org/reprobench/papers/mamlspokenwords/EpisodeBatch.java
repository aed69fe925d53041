package org.reprobench.papers.mamlspokenwords;

import java.util.List;
import java.util.Random;

/**
 * Which clips T continual tasks of one {@link TaskPlan} use, as bank rows (pure Java, no tensors).
 * Every task draws N distinct words in a random order (word i gets label i, so labels are
 * randomly assigned as in the official code) and, per word, 2K distinct clips: the first K are the
 * support, the next K the queries. A task's support never shares a clip with its queries; in the
 * stand-in every clip of a word has its own speaker, so they share no speaker either.
 *
 * <p>Layout: rows are example-major, example b of task t at {@code b * T + t}, which is how the
 * learners' inputs are stacked ([B, T, H, W]). Within a group the examples are class-major: K
 * shots of the group's first label, then of the next.
 */
public final class EpisodeBatch {
    private final TaskPlan plan;
    private final int tasks;
    private final int[][] supportRows;
    private final int[] templateRows;
    private final int[] queryRows;

    private EpisodeBatch(TaskPlan plan, int tasks, int[][] supportRows, int[] templateRows, int[] queryRows) {
        this.plan = plan;
        this.tasks = tasks;
        this.supportRows = supportRows;
        this.templateRows = templateRows;
        this.queryRows = queryRows;
    }

    /**
     * Draws task t with {@code random.get(t)}: several tasks may share one generator (the tasks
     * of one seed), which then serves them in order.
     */
    public static EpisodeBatch sample(TaskPlan plan, SpokenWordBank bank, List<Random> random) {
        int tasks = random.size();
        int n = plan.classes();
        int k = plan.shots();
        if (bank.wordCount() < n) {
            throw new IllegalArgumentException(n + " classes need " + n + " words; the bank has " + bank.wordCount());
        }
        if (bank.minClipsPerWord() < 2 * k) {
            throw new IllegalArgumentException(k + " shots need " + 2 * k + " clips per word; the bank has " + bank.minClipsPerWord());
        }
        // clips[t][label][j]: j < K support, K <= j < 2K query
        int[][][] clips = new int[tasks][n][];
        for (int t = 0; t < tasks; t++) {
            Random r = random.get(t);
            int[] words = firstOfShuffle(bank.wordCount(), n, r);
            for (int label = 0; label < n; label++) {
                int[] pool = bank.clips(words[label]);
                int[] pick = firstOfShuffle(pool.length, 2 * k, r);
                clips[t][label] = new int[2 * k];
                for (int j = 0; j < 2 * k; j++) {
                    clips[t][label][j] = pool[pick[j]];
                }
            }
        }
        List<int[]> groups = plan.groups();
        int[][] support = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            int[] range = groups.get(g);
            int examples = (range[1] - range[0]) * k;
            support[g] = new int[examples * tasks];
            for (int b = 0; b < examples; b++) {
                int label = range[0] + b / k;
                for (int t = 0; t < tasks; t++) {
                    support[g][b * tasks + t] = clips[t][label][b % k];
                }
            }
        }
        int[] templates = new int[n * tasks];
        for (int label = 0; label < n; label++) {
            for (int t = 0; t < tasks; t++) {
                templates[label * tasks + t] = clips[t][label][0];
            }
        }
        int q = plan.queriesPerClass();
        int[] queries = new int[n * q * tasks];
        for (int b = 0; b < n * q; b++) {
            for (int t = 0; t < tasks; t++) {
                queries[b * tasks + t] = clips[t][b / q][k + b % q];
            }
        }
        return new EpisodeBatch(plan, tasks, support, templates, queries);
    }

    /** The first m entries of a random permutation of 0..size-1 (partial Fisher-Yates). */
    static int[] firstOfShuffle(int size, int m, Random r) {
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + r.nextInt(size - i);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return java.util.Arrays.copyOf(a, m);
    }

    public TaskPlan plan() {
        return plan;
    }

    public int tasks() {
        return tasks;
    }

    public int groupCount() {
        return supportRows.length;
    }

    /** Bank rows of group g's support, [K * |g| examples x T tasks] flattened example-major. */
    public int[] supportRows(int g) {
        return supportRows[g].clone();
    }

    /** Label of support example b of group g (same in every task). */
    public int supportLabel(int g, int b) {
        return plan.groups().get(g)[0] + b / plan.shots();
    }

    /** One template per class: the first support example of each label, [N x T]. */
    public int[] templateRows() {
        return templateRows.clone();
    }

    /** Queries of all N classes, q = min(K, 5) per class, class-major, [N*q x T]. */
    public int[] queryRows() {
        return queryRows.clone();
    }

    public int queryLabel(int b) {
        return b / plan.queriesPerClass();
    }
}
