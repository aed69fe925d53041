package org.reprobench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a run the baseline: its JSON files and plots are copied into results/baseline/ (the
 * committed, reviewed reference) and results/REPORT.md is rebuilt from it. changes.yaml is kept.
 */
public final class Promote {
    static final List<String> FILES = List.of(RunStore.RUN_JSON, RunStore.CLAIMS_JSONL, RunStore.JMH_JSON, "compare.json");

    private Promote() {
    }

    public static void promote(Path runDir, Path baselineDir, Path reportFile) throws IOException, BadInput {
        Provenance p = RunStore.readProvenance(runDir);
        if (!"finished".equals(p.status())) {
            throw new BadInput("run " + p.runId() + " is " + p.status() + ": finish it (--resume) before promoting it");
        }
        Files.createDirectories(baselineDir);
        for (String f : FILES) {
            Files.deleteIfExists(baselineDir.resolve(f));
        }
        Path plots = baselineDir.resolve("plots");
        if (Files.isDirectory(plots)) {
            try (Stream<Path> s = Files.list(plots)) {
                for (Path x : s.toList()) {
                    Files.delete(x);
                }
            }
        }
        for (String f : FILES) {
            if (Files.isRegularFile(runDir.resolve(f))) {
                Json.writeAtomically(baselineDir.resolve(f), Files.readString(runDir.resolve(f)));
            }
        }
        if (Files.isDirectory(runDir.resolve("plots"))) {
            Files.createDirectories(plots);
            try (Stream<Path> s = Files.list(runDir.resolve("plots"))) {
                for (Path x : s.toList()) {
                    Files.copy(x, plots.resolve(x.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path base = reportFile.toAbsolutePath().getParent();
        String prefix = base.relativize(baselineDir.toAbsolutePath()).toString().replace('\\', '/');
        Json.writeAtomically(reportFile, Report.markdown(baselineDir, prefix.isEmpty() ? "" : prefix + "/"));
    }
}
