package org.reprobench.papers.adversarialsde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprobench.harness.ResultLine;
import org.reprobench.harness.SmokeRun;

class AdversarialSdeSmokeTest {

    @Test
    void everyClaimRunsAtSmoke() throws Exception {
        Map<String, ResultLine> r = SmokeRun.run("adversarial-sde");
        assertEquals(new AdversarialSdePaper().experiments().keySet(), r.keySet());
        r.forEach((claim, line) -> assertNotEquals("ERROR", line.verdict(), claim + ": " + line.reason()));
        assertEquals("SKIPPED", r.get("paper-numerical-examples").verdict());
        // the closed-form and exact-arithmetic claims do not depend on sampling noise
        assertEquals("CONSISTENT", r.get("sgd-weak-order-one").verdict(), r.get("sgd-weak-order-one").reason());
        assertEquals("CONSISTENT", r.get("at-drift-expansion").verdict(), r.get("at-drift-expansion").reason());
    }
}
