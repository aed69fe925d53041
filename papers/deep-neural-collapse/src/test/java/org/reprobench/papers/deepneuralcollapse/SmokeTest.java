package org.reprobench.papers.deepneuralcollapse;

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
        Map<String, ResultLine> r = SmokeRun.run(DeepNeuralCollapsePaper.ID);
        assertEquals(new DeepNeuralCollapsePaper().experiments().keySet(), r.keySet());
        r.forEach((claim, line) -> assertNotEquals(Verdict.ERROR.name(), line.verdict(), claim + ": " + line));
    }
}
