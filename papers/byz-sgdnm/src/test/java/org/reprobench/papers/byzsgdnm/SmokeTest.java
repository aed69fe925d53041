package org.reprobench.papers.byzsgdnm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprobench.api.Verdict;
import org.reprobench.harness.ResultLine;
import org.reprobench.harness.SmokeRun;

/** Every claim through the real runner at the smoke profile: none may end in ERROR. */
class SmokeTest {

    @Test
    void everyClaimRuns() throws Exception {
        Map<String, ResultLine> r = SmokeRun.run("byz-sgdnm");
        assertEquals(11, r.size());
        r.forEach((claim, line) -> assertNotEquals(Verdict.ERROR.name(), line.verdict(), claim + ": " + line));
        // The theory claims are exact statements: they must hold.
        for (String exact : new String[] {"u-convex", "bstar-closed-form", "bstar-grows-with-delta", "bstar-nm-grows-with-delta"}) {
            assertEquals(Verdict.REPRODUCED.name(), r.get(exact).verdict(), exact + ": " + r.get(exact));
        }
    }
}
