package org.reprobench.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The cheap "verify on every use" check: a small stamp file remembers a file's SHA-256 together
 * with its size and modification time when it was last fully hashed. A use re-hashes the file
 * only when size or time changed (or when a full check is asked for, or
 * {@code REPROBENCH_VERIFY=full} is set); either way the hash must equal the expected one.
 *
 * <p>Stamp format (text): {@code <sha256> <size> <mtime in ns>}.
 */
public final class HashStamp {
    private HashStamp() {
    }

    /** The stamp that sits next to a file in the cache. */
    public static Path siblingOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    static boolean fullByEnvironment() {
        return "full".equalsIgnoreCase(System.getenv("REPROBENCH_VERIFY")) || "full".equalsIgnoreCase(System.getProperty("reprobench.verify"));
    }

    /**
     * Returns the file's SHA-256 after checking it.
     *
     * @param stamp    where the stamp is kept (it may be in another folder for read-only files)
     * @param expected expected SHA-256 (lower-case hex), or null to accept any content
     * @param full     hash the whole file even when the stamp is fresh
     * @throws ChecksumMismatch when the content is not the expected one
     */
    public static String check(Path file, Path stamp, String expected, boolean full) throws IOException {
        long size = Files.size(file);
        long mtime = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        if (!full && !fullByEnvironment()) {
            String stamped = readFresh(stamp, size, mtime);
            if (stamped != null && (expected == null || stamped.equalsIgnoreCase(expected))) {
                return stamped;
            }
        }
        String actual = Checksums.sha256(file);
        if (expected != null && !actual.equalsIgnoreCase(expected)) {
            deleteQuietly(stamp);
            throw new ChecksumMismatch(file, "SHA-256", expected, actual);
        }
        write(stamp, actual, size, mtime);
        return actual;
    }

    /** The hash in the stamp if the stamp describes this size and time, else null. */
    static String readFresh(Path stamp, long size, long mtime) {
        try {
            if (!Files.isRegularFile(stamp)) {
                return null;
            }
            String[] f = Files.readString(stamp, StandardCharsets.UTF_8).trim().split("\\s+");
            if (f.length == 3 && Long.parseLong(f[1]) == size && Long.parseLong(f[2]) == mtime && f[0].matches("[0-9a-fA-F]{64}")) {
                return f[0].toLowerCase();
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Writes the stamp atomically; a read-only location just means no stamp (next use hashes again). */
    static void write(Path stamp, String sha256, long size, long mtime) {
        try {
            Files.createDirectories(stamp.getParent());
            Path tmp = Files.createTempFile(stamp.getParent(), stamp.getFileName().toString(), ".tmp");
            Files.writeString(tmp, sha256 + " " + size + " " + mtime + "\n", StandardCharsets.UTF_8);
            Atomic.readableByAll(tmp);
            Atomic.move(tmp, stamp);
        } catch (IOException e) {
            DataLog.warn("cannot write hash stamp " + stamp + ": " + e.getMessage());
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing to do: a stale stamp never matches a changed file anyway
        }
    }
}
