package org.reprobench.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The prepared espeak-ng spoken-word set in the cache ({@code standins/spoken-words-espeak}).
 * Generated into a temporary folder and renamed when complete; a marker records the generator
 * configuration and the SHA-256 of its {@code SHA256SUMS}, so every use checks cheaply that it
 * is complete and unchanged (stamp of SHA256SUMS + file count), and {@link #verifyFull} re-hashes
 * every file.
 */
final class SpokenWordsStandIn {
    static final String NAME = "spoken-words-espeak";
    static final String MARKER = ".complete";
    static final String SUMS = "SHA256SUMS";
    static final String INSTALL = "sudo apt-get install -y espeak-ng";

    private SpokenWordsStandIn() {
    }

    static Path dir(DataHome home) {
        return home.standIns().resolve(NAME);
    }

    /** The marker's fields (generator fingerprint, SHA-256 of SHA256SUMS, file count), or null. */
    static String[] marker(Path dir) {
        try {
            Path m = dir.resolve(MARKER);
            if (!Files.isRegularFile(m)) {
                return null;
            }
            String[] f = Files.readString(m, StandardCharsets.UTF_8).trim().split("\\s+");
            return f.length == 3 ? f : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Cheap check: marker of the current configuration, sums file unchanged, same number of files. Returns the sums' SHA-256 or null. */
    static String readySha256(Path dir, SpokenWordsSynth.Config config) {
        String[] m = marker(dir);
        if (m == null || !m[0].equals(config.fingerprint())) {
            return null;
        }
        try {
            Path sums = dir.resolve(SUMS);
            String sha = HashStamp.check(sums, dir.resolve("." + SUMS + ".sha256"), m[1], false);
            long listed = Files.readAllLines(sums, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).count();
            return listed == Long.parseLong(m[2]) && countFiles(dir) == listed ? sha : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    static Path ensure(DataHome home) throws DataUnavailable {
        return ensure(home, SpokenWordsSynth.Config.standard());
    }

    static Path ensure(DataHome home, SpokenWordsSynth.Config config) throws DataUnavailable {
        Path dir = dir(home);
        if (readySha256(dir, config) != null) {
            return dir;
        }
        if (!Tools.onPath("espeak-ng")) {
            throw new DataUnavailable("the spoken-word stand-in (" + dir + ") is missing and needs espeak-ng, which is not installed. Fix: " + INSTALL
                    + " (as root: apt-get install -y espeak-ng), then: reprobench data prepare (or make data)");
        }
        try (ProcessLock lock = ProcessLock.acquire(home.standIns().resolve(NAME + ".lock"))) {
            if (readySha256(dir, config) != null) {
                return dir;
            }
            Files.createDirectories(home.standIns());
            Path tmp = Files.createTempDirectory(home.standIns(), "." + NAME + ".generating-");
            try {
                SpokenWordsSynth.Summary s = SpokenWordsSynth.generate(config, tmp);
                String sums = SpokenWordsSynth.sha256Sums(tmp);
                Files.writeString(tmp.resolve(SUMS), sums, StandardCharsets.UTF_8);
                long count = sums.lines().count();
                String sumsSha = Checksums.sha256(tmp.resolve(SUMS));
                Files.writeString(tmp.resolve(MARKER), config.fingerprint() + " " + sumsSha + " " + count + "\n", StandardCharsets.UTF_8);
                Atomic.readableByAll(tmp);
                if (Files.exists(dir)) {
                    Path old = home.standIns().resolve("." + NAME + ".old-" + System.nanoTime());
                    Files.move(dir, old);
                    Unpacker.deleteTree(old);
                }
                Atomic.move(tmp, dir);
                DataLog.info(String.format("spoken-word stand-in: %d clips (%d cropped to 1 s) in %.0f s, %.1f MiB, SHA256SUMS sha256 %s", s.clips(), s.cropped(),
                        s.seconds(), sizeOf(dir) / 1048576.0, sumsSha));
            } finally {
                Unpacker.deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new DataUnavailable("cannot generate the spoken-word stand-in in " + dir + ": " + e.getMessage() + ". Needs espeak-ng (" + INSTALL
                    + "); then run: reprobench data prepare", e);
        }
        return dir;
    }

    static String sha256(DataHome home) throws DataUnavailable {
        Path dir = ensure(home);
        String sha = readySha256(dir, SpokenWordsSynth.Config.standard());
        if (sha == null) {
            throw new DataUnavailable("spoken-word stand-in in " + dir + " changed while in use; run: reprobench data prepare");
        }
        return sha;
    }

    /** Re-hashes every file against SHA256SUMS; returns the problems (empty when all is well). */
    static List<String> verifyFull(DataHome home) throws DataUnavailable {
        Path dir = dir(home);
        String[] m = marker(dir);
        if (m == null) {
            throw new DataUnavailable("spoken-word stand-in not prepared in " + dir + "; run: reprobench data prepare");
        }
        List<String> problems = new ArrayList<>();
        try {
            HashStamp.check(dir.resolve(SUMS), dir.resolve("." + SUMS + ".sha256"), m[1], true);
            for (String line : Files.readAllLines(dir.resolve(SUMS), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String expected = line.substring(0, 64);
                String rel = line.substring(66);
                Path p = dir.resolve(rel);
                if (!Files.isRegularFile(p)) {
                    problems.add("missing " + rel);
                } else if (!Checksums.sha256(p).equals(expected)) {
                    problems.add("changed " + rel);
                }
            }
            long listed = Long.parseLong(m[2]);
            long present = countFiles(dir);
            if (present != listed) {
                problems.add(present + " files present, " + listed + " listed");
            }
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    static SetStatus status(DataHome home) {
        Path dir = dir(home);
        String[] m = marker(dir);
        if (m == null) {
            return new SetStatus(NAME, "stand-in", SetStatus.State.MISSING, 0, "", dir.toString(),
                    "run: reprobench data prepare (needs espeak-ng: " + INSTALL + ")");
        }
        String sha = readySha256(dir, SpokenWordsSynth.Config.standard());
        long bytes;
        try {
            bytes = sizeOf(dir);
        } catch (IOException e) {
            bytes = 0;
        }
        if (sha == null) {
            return new SetStatus(NAME, "stand-in", SetStatus.State.PRESENT, bytes, "", dir.toString(),
                    "incomplete, changed or of another generator version; run: reprobench data prepare");
        }
        return new SetStatus(NAME, "stand-in", SetStatus.State.VERIFIED, bytes, sha, dir.toString(),
                m[2] + " files, espeak-ng, Speech Commands layout (sha256 of SHA256SUMS)");
    }

    static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(r -> !r.startsWith(".") && !r.equals(SUMS)).count();
        }
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long total = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
