package org.reprobench.papers.gfssharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprobench.api.Verdict;
import org.reprobench.harness.ResultLine;
import org.reprobench.harness.SmokeRun;

class SmokeTest {

    @Test
    void everyClaimRunsAtTheSmokeProfile() throws Exception {
        Map<String, ResultLine> r = SmokeRun.run(GfsSharpnessModule.ID);
        assertEquals(9, r.size());
        r.forEach((claim, line) -> assertNotEquals(Verdict.ERROR.name(), line.verdict(), claim + ": " + line));
        // exact mathematics: these hold whatever the random draw
        assertEquals(Verdict.CONSISTENT.name(), r.get("scalar-gfs-closed-form").verdict());
        assertEquals(Verdict.CONSISTENT.name(), r.get("scalar-gfs-monotone").verdict());
        assertEquals(Verdict.CONSISTENT.name(), r.get("scalar-converged-below-threshold").verdict());
        assertEquals(Verdict.SKIPPED.name(), r.get("practical-networks-paper-setting").verdict());
    }
}
