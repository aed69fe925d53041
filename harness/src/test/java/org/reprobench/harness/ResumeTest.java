package org.reprobench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprobench.api.Profile;

/** Kill a real run process with SIGKILL half-way, resume it, and check nothing finished is redone. */
class ResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledRunResumesWithoutRedoingFinishedClaims() throws Exception {
        Path runs = tmp.resolve("runs");
        Path marker = tmp.resolve("marker.txt");
        Path release = tmp.resolve("release");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                "-Dfixture.marker=" + marker, "-Dfixture.release=" + release,
                "org.reprobench.cli.Main", "--runs-dir", runs.toString(), "run", "--paper", "fixture-resume",
                "--profile", "smoke", "--run-id", "r1"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path dir = runs.resolve("r1");
        Path claims = dir.resolve(RunStore.CLAIMS_JSONL);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!(Files.exists(marker) && Files.readString(marker).contains("slow"))) {
            assertTrue(child.isAlive(), () -> "child ended early: " + read(tmp.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "the child never reached the slow claim");
            Thread.sleep(50);
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

        List<ResultLine> before = RunStore.readLines(claims);
        assertEquals(1, before.stream().filter(ResultLine::aggregateLine).count(), "only 'quick' had finished");
        assertEquals("quick", before.get(before.size() - 1).claim());
        assertEquals("running", RunStore.readProvenance(dir).status());

        Files.createFile(release);
        System.setProperty("fixture.marker", marker.toString());
        System.setProperty("fixture.release", release.toString());
        try {
            Runner.Summary s = Runner.run(Registry.load(), new Runner.Options(List.of(), List.of(), Profile.CI, null, Shard.ALL,
                    runs, null, dir, false, "resume test"));
            assertEquals(1, s.alreadyFinished());
        } finally {
            System.clearProperty("fixture.marker");
            System.clearProperty("fixture.release");
        }
        assertEquals(List.of("quick", "slow", "slow"), Files.readAllLines(marker), "quick ran once; slow was killed, then rerun");
        List<ResultLine> after = RunStore.readLines(claims);
        List<ResultLine> aggregates = after.stream().filter(ResultLine::aggregateLine).toList();
        assertEquals(List.of("quick", "slow"), aggregates.stream().map(ResultLine::claim).toList());
        assertEquals(before.get(before.size() - 1), aggregates.get(0), "the finished line is kept as it was");
        assertTrue(aggregates.stream().allMatch(l -> "smoke".equals(l.profile())), "resume keeps the run's own profile");
        assertEquals("finished", RunStore.readProvenance(dir).status());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
