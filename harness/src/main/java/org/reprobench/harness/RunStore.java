package org.reprobench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One run folder: run.json, claims.jsonl, jmh.json, report.md, report.html, plots/, work/.
 * Every write replaces a whole file atomically, so whatever is on disk is always complete.
 */
public final class RunStore {
    public static final String RUN_JSON = "run.json";
    public static final String CLAIMS_JSONL = "claims.jsonl";
    public static final String JMH_JSON = "jmh.json";

    private final Path dir;
    private final List<ResultLine> lines = new ArrayList<>();

    private RunStore(Path dir) {
        this.dir = dir;
    }

    /** A new, empty run folder. */
    public static RunStore create(Path dir) throws IOException {
        if (Files.exists(dir.resolve(RUN_JSON))) {
            throw new IOException("run folder " + dir + " already holds a run: resume it with --resume, or pick another id");
        }
        Files.createDirectories(dir.resolve("plots"));
        return new RunStore(dir);
    }

    /** An existing run folder with the lines it already holds. */
    public static RunStore open(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RUN_JSON))) {
            throw new IOException("no run at " + dir + " (run.json missing): give a run folder or an id under results/runs");
        }
        RunStore store = new RunStore(dir);
        store.lines.addAll(readLines(dir.resolve(CLAIMS_JSONL)));
        Files.createDirectories(dir.resolve("plots"));
        return store;
    }

    public static List<ResultLine> readLines(Path file) throws IOException {
        List<ResultLine> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(Json.MAPPER.readValue(line, ResultLine.class));
            } catch (IOException e) {
                throw new IOException(file + ":" + n + ": not a result line (" + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    public Path dir() {
        return dir;
    }

    public Provenance provenance() throws IOException {
        return readProvenance(dir);
    }

    public static Provenance readProvenance(Path dir) throws IOException {
        ObjectMapper m = Json.MAPPER;
        return m.readValue(dir.resolve(RUN_JSON).toFile(), Provenance.class);
    }

    public void writeProvenance(Provenance p) throws IOException {
        Json.writeAtomically(dir.resolve(RUN_JSON), Json.pretty(p));
    }

    /** Adds a finished claim's lines (its seeds, then its aggregate) and rewrites claims.jsonl. */
    public synchronized void append(List<ResultLine> claimLines) {
        lines.addAll(claimLines);
        StringBuilder sb = new StringBuilder();
        for (ResultLine l : lines) {
            sb.append(Json.line(l)).append('\n');
        }
        try {
            Json.writeAtomically(dir.resolve(CLAIMS_JSONL), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized List<ResultLine> lines() {
        return List.copyOf(lines);
    }

    /** paper/claim keys that already have an aggregate line. */
    public synchronized Set<String> finished() {
        Set<String> done = new LinkedHashSet<>();
        for (ResultLine l : lines) {
            if (l.aggregateLine()) {
                done.add(l.key());
            }
        }
        return done;
    }
}
