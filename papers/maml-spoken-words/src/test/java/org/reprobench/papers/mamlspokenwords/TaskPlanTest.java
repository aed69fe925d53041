package org.reprobench.papers.mamlspokenwords;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskPlanTest {
    private static void assertGroups(TaskPlan p, int[]... expected) {
        List<int[]> g = p.groups();
        assertEquals(expected.length, g.size(), "groups of " + p);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], g.get(i), "group " + i + " of " + p);
        }
    }

    @Test
    void groupsFollowTheOfficialCode() {
        // Google Commands in the official code: N = 10, CS = CA = 2 -> five groups of two
        assertGroups(new TaskPlan(10, 5, 2, 2), new int[] {0, 2}, new int[] {2, 4}, new int[] {4, 6}, new int[] {6, 8}, new int[] {8, 10});
        // a remainder joins the last group
        assertGroups(new TaskPlan(7, 5, 2, 2), new int[] {0, 2}, new int[] {2, 4}, new int[] {4, 7});
        // too few for one addition: the remainder joins the first group
        assertGroups(new TaskPlan(3, 5, 2, 2), new int[] {0, 3});
        // N = CS: a single group (plain few-shot learning)
        assertGroups(new TaskPlan(2, 1, 2, 2), new int[] {0, 2});
        // FACC in the official notebook: N = 50, CS = CA = 5 -> ten groups
        assertEquals(10, new TaskPlan(50, 5, 5, 5).groups().size());
    }

    @Test
    void queriesAreCappedAtFivePerClass() {
        assertEquals(1, new TaskPlan(10, 1, 2, 2).queriesPerClass());
        assertEquals(5, new TaskPlan(10, 5, 2, 2).queriesPerClass());
        assertEquals(5, new TaskPlan(10, 20, 2, 2).queriesPerClass());
    }

    @Test
    void rejectsImpossiblePlans() {
        assertThrows(IllegalArgumentException.class, () -> new TaskPlan(1, 5, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new TaskPlan(4, 0, 2, 2));
    }
}
