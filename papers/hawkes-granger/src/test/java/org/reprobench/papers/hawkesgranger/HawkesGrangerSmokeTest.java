package org.reprobench.papers.hawkesgranger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprobench.api.Verdict;
import org.reprobench.harness.ResultLine;
import org.reprobench.harness.SmokeRun;

class HawkesGrangerSmokeTest {

    @Test
    void everyClaimRunsAtTheSmokeProfile() throws Exception {
        Map<String, ResultLine> r = SmokeRun.run("hawkes-granger");
        assertEquals(new HawkesGrangerPaper().experiments().keySet(), r.keySet());
        r.forEach((claim, line) -> assertNotEquals(Verdict.ERROR.name(), line.verdict(), claim + ": " + line));
        // The README example runs in full even at smoke: its claims are judged against the official numbers.
        for (String claim : new String[] {"example-loglik-truth", "example-loglik-initial", "example-gradient-screen",
            "example-recovered-a", "example-inhibitory-signs"}) {
            assertEquals(Verdict.REPRODUCED.name(), r.get(claim).verdict(), claim + ": " + r.get(claim).reason());
        }
        assertEquals(Verdict.SKIPPED.name(), r.get("sepsis-gc-chains").verdict());
        assertEquals(Verdict.SKIPPED.name(), r.get("paper-simulation-study").verdict());
    }
}
