package org.reprobench.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Unpacks a verified archive into a set's folder, atomically: into a temporary sibling first,
 * then renamed. A marker file records which archive (by SHA-256) the folder came from, so a use
 * checks the folder cheaply and an archive of another version is unpacked afresh.
 */
final class Unpacker {
    static final String MARKER = ".reprobench-unpacked";

    private Unpacker() {
    }

    static boolean isUnpacked(Path dir, String archiveSha256, DataSetSpec set) {
        try {
            Path marker = dir.resolve(MARKER);
            if (!Files.isRegularFile(marker) || !Files.readString(marker, StandardCharsets.UTF_8).trim().equals(archiveSha256)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return set.requiredPaths().stream().allMatch(p -> Files.exists(dir.resolve(p)));
    }

    static void ensureUnpacked(Path archive, String archiveSha256, Path dir, DataSetSpec set) throws DataUnavailable {
        if (isUnpacked(dir, archiveSha256, set)) {
            return;
        }
        try (ProcessLock lock = ProcessLock.acquire(dir.resolveSibling(dir.getFileName() + ".lock"))) {
            if (isUnpacked(dir, archiveSha256, set)) {
                return;
            }
            long t0 = System.nanoTime();
            DataLog.info("unpacking " + archive.getFileName() + " into " + dir);
            Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".unpacking-");
            try {
                int n = SafeTar.extractTarGz(archive, tmp, SafeTar.Limits.upTo(set.maxUnpackedBytes()));
                for (String p : set.requiredPaths()) {
                    if (!Files.exists(tmp.resolve(p))) {
                        throw new IOException("archive lacks " + p + " (expected layout: " + set.layout() + ")");
                    }
                }
                Files.writeString(tmp.resolve(MARKER), archiveSha256 + "\n", StandardCharsets.UTF_8);
                Atomic.readableByAll(tmp);
                if (Files.exists(dir)) {
                    Path old = dir.resolveSibling("." + dir.getFileName() + ".old-" + System.nanoTime());
                    Files.move(dir, old);
                    deleteTree(old);
                }
                Atomic.move(tmp, dir);
                DataLog.info(String.format("unpacked %d files in %.1f s", n, (System.nanoTime() - t0) / 1e9));
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new DataUnavailable("cannot unpack " + archive + " for data set '" + set.name() + "': " + e.getMessage()
                    + (e instanceof UnsafeArchive ? " (the archive was refused as unsafe; it is not the published one)" : ""), e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
