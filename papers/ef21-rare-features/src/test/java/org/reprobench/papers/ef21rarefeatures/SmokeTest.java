package org.reprobench.papers.ef21rarefeatures;

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
        Map<String, ResultLine> r = SmokeRun.run(Ef21RareFeaturesModule.ID);
        assertEquals(12, r.size());
        r.forEach((claim, line) -> assertNotEquals(Verdict.ERROR.name(), line.verdict(), claim + ": " + line));
        // exact mathematics: these must hold whatever the instance
        assertEquals(Verdict.CONSISTENT.name(), r.get("sparsity-constants").verdict());
        assertEquals(Verdict.CONSISTENT.name(), r.get("stepsize-gain").verdict());
        assertEquals(Verdict.CONSISTENT.name(), r.get("convergence-bound").verdict());
        for (String set : new String[] {"a9a", "mushrooms", "phishing", "w3a", "w4a", "w5a"}) {
            assertEquals(Verdict.SKIPPED.name(), r.get("libsvm-" + set).verdict());
        }
        for (double cn : ProfileSettings.C_OVER_N) {
            assertNotEquals(Verdict.SKIPPED.name(), r.get("bits-to-eps-c" + cn).verdict());
        }
    }
}
