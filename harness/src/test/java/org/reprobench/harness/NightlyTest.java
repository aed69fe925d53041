package org.reprobench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprobench.api.Profile;

/** The nightly job end to end on fixture papers, and its exit codes. */
class NightlyTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty("fixture.drift");
    }

    private Nightly.Result night(String paper) throws Exception {
        return Nightly.run(Registry.load(), Nightly.options(List.of(paper), Profile.SMOKE, tmp.resolve("runs"), "test"),
                false, false, true, tmp.resolve("baseline"));
    }

    private void promoteBaseline() throws Exception {
        Runner.Summary s = Runner.run(Registry.load(), new Runner.Options(List.of("fixture-drift"), List.of(), Profile.SMOKE, null,
                Shard.ALL, tmp.resolve("runs"), "base", null, false, "test"));
        Promote.promote(s.runDir(), tmp.resolve("baseline"), tmp.resolve("REPORT.md"));
    }

    @Test
    void withoutABaselineEverythingIsNewAndTheNightPasses() throws Exception {
        Nightly.Result r = night("fixture-drift");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.summary().contains("no baseline"));
        assertTrue(Files.isRegularFile(r.runDir().resolve("trends/index.html")));
    }

    @Test
    void anUnchangedClaimIsStable() throws Exception {
        promoteBaseline();
        assertTrue(Files.readString(tmp.resolve("REPORT.md")).contains("| commit |"), "the published report names its commit");
        Nightly.Result r = night("fixture-drift");
        assertEquals(ExitCodes.OK, r.exitCode(), r.summary());
        assertEquals(List.of(Compare.Status.STABLE), r.rows().stream().map(Compare.Row::status).toList());
        assertTrue(Files.readString(r.runDir().resolve("report.md")).contains("## Compared with baseline base"));
    }

    @Test
    void aDeliberatelyBrokenClaimIsAConfirmedRegression() throws Exception {
        promoteBaseline();
        System.setProperty("fixture.drift", "0.1");
        Nightly.Result r = night("fixture-drift");
        assertEquals(ExitCodes.REGRESSION, r.exitCode());
        Compare.Row row = r.rows().get(0);
        assertEquals(Compare.Status.REGRESSED, row.status());
        assertTrue(row.message().contains("worse (higher is better): accuracy down by 0.1"), row.message());
        assertTrue(row.message().contains("confirmed by a rerun"), row.message());
    }

    @Test
    void aVerdictFlipIsARegression() throws Exception {
        promoteBaseline();
        System.setProperty("fixture.drift", "0.5");
        Nightly.Result r = night("fixture-drift");
        assertEquals(ExitCodes.REGRESSION, r.exitCode());
        assertTrue(r.rows().get(0).message().startsWith("verdict changed REPRODUCED -> NOT_REPRODUCED"), r.rows().get(0).message());
    }

    @Test
    void claimsThatErrorAndEmptyNightsHaveTheirOwnCodes() throws Exception {
        assertEquals(ExitCodes.CLAIMS_ERRORED, night("fixture-throw").exitCode());
        Nightly.Result none = Nightly.run(Registry.load(), new Runner.Options(List.of("fixture-pass"), List.of("paper-only"),
                Profile.SMOKE, null, Shard.ALL, tmp.resolve("runs"), null, null, false, "test"), false, false, true, tmp.resolve("baseline"));
        assertEquals(ExitCodes.NOTHING_RAN, none.exitCode());
    }
}
