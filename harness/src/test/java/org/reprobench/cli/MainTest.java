package org.reprobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprobench.harness.ExitCodes;

/** The documented exit codes and messages of the command line. */
class MainTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            all[0] = "--runs-dir";
            all[1] = tmp.resolve("runs").toString();
            System.arraycopy(args, 0, all, 2, args.length);
            int code = Main.execute(all);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void listShowsPapersAndMarksBrokenOnes() {
        Result r = cli("list");
        assertEquals(ExitCodes.OK, r.code());
        assertTrue(r.out().contains("fixture-pass  A Paper Whose Claims Hold"), r.out());
        assertTrue(r.out().contains("fixture-malformed  [broken"), r.out());
        Result j = cli("list", "--json");
        assertTrue(j.out().trim().startsWith("["), j.out());
    }

    @Test
    void unknownPaperAndBadOptionsAreBadInput() {
        Result r = cli("run", "--paper", "nope");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("unknown paper id 'nope'"), r.err());
        assertEquals(ExitCodes.BAD_INPUT, cli("run", "--profile", "huge").code());
        assertEquals(ExitCodes.BAD_INPUT, cli("run", "--shard", "3/2").code());
        assertEquals(ExitCodes.BAD_INPUT, cli("run", "--no-such-option").code());
        assertEquals(ExitCodes.BAD_INPUT, cli("run", "--resume", "no-such-run").code());
        assertEquals(ExitCodes.BAD_INPUT, cli("bench", "--into", "no-such-run").code());
        Result both = cli("bench", "--into", tmp.toString(), "--run-id", "x");
        assertEquals(ExitCodes.BAD_INPUT, both.code());
        assertTrue(both.err().contains("--into and --run-id"), both.err());
    }

    @Test
    void validateNamesFileLineAndFix() throws Exception {
        Path bad = tmp.resolve("paper.yaml");
        Files.writeString(bad, """
                id: broken
                title: "T"
                authors: [A]
                venue: V
                arxiv: "1"
                code: none
                claims:
                  - id: c
                    statement: s
                    source: Table 1
                    metric: {name: m, direction: higher}
                    check: {kind: range, mx: 1}
                    profiles: {smoke: full}
                """);
        Result r = cli("validate", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.out().contains(bad + ":12: unknown key 'mx' in check"), r.out());
        assertTrue(r.out().contains("fix:"), r.out());
    }

    @Test
    void runExitCodesTellErrorsAndNothingRanApart() {
        assertEquals(ExitCodes.OK, cli("run", "--paper", "fixture-pass", "--claim", "mean-of-arange", "--profile", "smoke").code());
        assertEquals(ExitCodes.CLAIMS_ERRORED, cli("run", "--paper", "fixture-throw", "--profile", "smoke").code());
        assertEquals(ExitCodes.NOTHING_RAN, cli("run", "--paper", "fixture-pass", "--claim", "paper-only", "--profile", "smoke").code());
        assertEquals(ExitCodes.OK, cli("run", "--paper", "fixture-fail", "--profile", "smoke").code(),
                "NOT_REPRODUCED is a finding, not a failure to run");
    }

    @Test
    void reportRebuildsTheLatestRunAndWritesACopy() throws Exception {
        assertEquals(ExitCodes.OK, cli("run", "--paper", "fixture-pass", "--claim", "square-law", "--profile", "smoke",
                "--run-id", "r").code());
        Path out = tmp.resolve("runs").getParent().resolve("REPORT.md");
        Result r = cli("report", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String md = Files.readString(out);
        assertTrue(md.contains("(runs/r/plots/fixture-pass--square-law--square-law.png)"), md);
    }
}
