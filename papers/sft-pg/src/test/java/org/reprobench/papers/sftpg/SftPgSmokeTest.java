package org.reprobench.papers.sftpg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprobench.api.Verdict;
import org.reprobench.harness.ResultLine;
import org.reprobench.harness.SmokeRun;

/** Every claim through the real runner at the smoke profile. */
class SftPgSmokeTest {

    @Test
    void everyClaimRunsAtSmoke() throws Exception {
        Map<String, ResultLine> r = SmokeRun.run("sft-pg");
        assertEquals(6, r.size(), r.keySet().toString());
        for (ResultLine l : r.values()) {
            assertNotEquals(Verdict.ERROR.name(), l.verdict(), l.claim() + ": " + l.reason());
        }
        // The chain claims hold at any scale: they test an identity, not a training run.
        assertEquals(Verdict.CONSISTENT.name(), r.get("pg-equals-ipm-gradient").verdict(), r.get("pg-equals-ipm-gradient").reason());
        assertEquals(Verdict.CONSISTENT.name(), r.get("baseline-reduces-variance").verdict());
        assertEquals(Verdict.SKIPPED.name(), r.get("cifar10-fid-t10").verdict());
        assertTrue(r.get("celeba64-fid-t10").reason().contains("CelebA"), r.get("celeba64-fid-t10").reason());
    }
}
