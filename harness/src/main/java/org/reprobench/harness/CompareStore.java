package org.reprobench.harness;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** compare.json in a run folder: the rows of its comparison, read back by the report. */
final class CompareStore {
    static final String FILE = "compare.json";

    /** The stored comparison: what it was against, and its rows. */
    record Stored(String against, List<Compare.Row> rows) {
    }

    private CompareStore() {
    }

    static void write(Path runDir, List<Compare.Row> rows, String against) throws IOException {
        Json.writeAtomically(runDir.resolve(FILE), Json.pretty(new Stored(against, rows)));
    }

    static Stored read(Path runDir) throws IOException {
        Path f = runDir.resolve(FILE);
        return Files.isRegularFile(f) ? Json.MAPPER.readValue(f.toFile(), new TypeReference<Stored>() { }) : null;
    }
}
