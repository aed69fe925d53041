package org.reprobench.papers.sgldiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprobench.harness.ResultLine;
import org.reprobench.harness.SmokeRun;

class SgldiffSmokeTest {
    @Test
    void everyClaimRunsAtSmoke() throws Exception {
        Map<String, ResultLine> r = SmokeRun.run("sgldiff");
        assertEquals(5, r.size(), "claims: " + r.keySet());
        for (ResultLine line : r.values()) {
            assertNotEquals("ERROR", line.verdict(), line.claim() + ": " + line.reason());
            assertNotEquals("SKIPPED", line.verdict(), line.claim() + ": " + line.reason());
        }
        // the deterministic claim has no Monte-Carlo luck in it: its slope must pass
        assertEquals("CONSISTENT", r.get("fractional-power-bound").verdict(), r.get("fractional-power-bound").reason());
    }
}
