package org.reprobench.papers.mamlspokenwords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprobench.harness.ResultLine;
import org.reprobench.harness.SmokeRun;

class MamlSpokenWordsSmokeTest {
    @Test
    void everyClaimRunsAtSmoke() throws Exception {
        Map<String, ResultLine> r = SmokeRun.run("maml-spoken-words");
        assertEquals(3, r.size(), "claims: " + r.keySet());
        for (ResultLine line : r.values()) {
            System.out.println(line.claim() + ": " + line.verdict() + " " + line.reason());
            assertNotEquals("ERROR", line.verdict(), line.claim() + ": " + line.reason());
        }
    }
}
