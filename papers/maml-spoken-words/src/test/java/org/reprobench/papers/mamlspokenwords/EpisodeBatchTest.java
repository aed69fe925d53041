package org.reprobench.papers.mamlspokenwords;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EpisodeBatchTest {
    private final SpokenWordBank bank = SpokenWordBank.synthetic(12, 10, 3);

    private int wordOf(int row) {
        for (int w = 0; w < bank.wordCount(); w++) {
            for (int c : bank.clips(w)) {
                if (c == row) {
                    return w;
                }
            }
        }
        throw new AssertionError("row " + row + " is in no word");
    }

    @Test
    void supportQueriesAndTemplatesFollowTheLabels() {
        TaskPlan plan = new TaskPlan(7, 4, 2, 2); // groups [0,2) [2,4) [4,7)
        int tasks = 3;
        Random r = new Random(5);
        EpisodeBatch b = EpisodeBatch.sample(plan, bank, List.of(r, r, r));
        assertEquals(3, b.groupCount());
        int q = plan.queriesPerClass();
        for (int t = 0; t < tasks; t++) {
            int[] wordOfLabel = new int[plan.classes()];
            Set<Integer> support = new HashSet<>();
            for (int g = 0; g < b.groupCount(); g++) {
                int[] rows = b.supportRows(g);
                int examples = rows.length / tasks;
                int[] range = plan.groups().get(g);
                assertEquals((range[1] - range[0]) * plan.shots(), examples, "K examples per class of group " + g);
                for (int e = 0; e < examples; e++) {
                    int label = b.supportLabel(g, e);
                    assertTrue(label >= range[0] && label < range[1]);
                    int row = rows[e * tasks + t];
                    wordOfLabel[label] = wordOf(row);
                    assertTrue(support.add(row), "support clips are distinct");
                }
            }
            assertEquals(plan.classes(), new HashSet<>(java.util.Arrays.stream(wordOfLabel).boxed().toList()).size(), "N distinct words");
            int[] templates = b.templateRows();
            assertEquals(plan.classes() * tasks, templates.length, "one template per class and task");
            for (int label = 0; label < plan.classes(); label++) {
                int row = templates[label * tasks + t];
                assertTrue(support.contains(row), "a template is a support example");
                assertEquals(wordOfLabel[label], wordOf(row));
            }
            int[] queries = b.queryRows();
            assertEquals(plan.classes() * q * tasks, queries.length);
            for (int e = 0; e < plan.classes() * q; e++) {
                int row = queries[e * tasks + t];
                assertFalse(support.contains(row), "queries never repeat a support clip");
                assertEquals(wordOfLabel[b.queryLabel(e)], wordOf(row), "query label matches its word");
            }
        }
    }

    @Test
    void aTaskDependsOnlyOnItsOwnGenerator() {
        TaskPlan plan = new TaskPlan(6, 3, 2, 2);
        EpisodeBatch together = EpisodeBatch.sample(plan, bank, List.of(new Random(1), new Random(2), new Random(3)));
        EpisodeBatch alone = EpisodeBatch.sample(plan, bank, List.of(new Random(2)));
        int[] t = together.queryRows();
        int[] a = alone.queryRows();
        for (int e = 0; e < a.length; e++) {
            assertEquals(a[e], t[e * 3 + 1]);
        }
        int[] ts = together.supportRows(1);
        int[] as = alone.supportRows(1);
        for (int e = 0; e < as.length; e++) {
            assertEquals(as[e], ts[e * 3 + 1]);
        }
    }

    @Test
    void partialShuffleIsAPermutationPrefix() {
        int[] p = EpisodeBatch.firstOfShuffle(10, 10, new Random(9));
        int[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
    }

    @Test
    void refusesTasksTheBankCannotServe() {
        assertThrows(IllegalArgumentException.class, () -> EpisodeBatch.sample(new TaskPlan(13, 1, 2, 2), bank, List.of(new Random(1))));
        assertThrows(IllegalArgumentException.class, () -> EpisodeBatch.sample(new TaskPlan(4, 6, 2, 2), bank, List.of(new Random(1))));
    }
}
