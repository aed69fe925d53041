package org.reprobench.papers.quantumtunnelingwalk;

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
        Map<String, ResultLine> r = SmokeRun.run("quantum-tunneling-walk");
        assertEquals(new QuantumTunnelingWalkPaper().experiments().keySet(), r.keySet());
        r.forEach((claim, line) -> assertNotEquals(Verdict.ERROR.name(), line.verdict(), claim + ": " + line));
        // the exact QTW numbers are the paper's own setting even at smoke
        assertEquals(Verdict.REPRODUCED.name(), r.get("matched-s-ex1").verdict());
    }
}
