package org.reprobench.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The cheap state of a group of files for {@code data list}: never hashes anything. */
final class StatusProbe {
    private StatusProbe() {
    }

    /** Stamps are the files' siblings. */
    static SetStatus files(String name, String kind, Path dir, List<String> fileNames, String note) {
        long bytes = 0;
        boolean verified = true;
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String f : fileNames) {
            Path file = dir.resolve(f);
            if (!Files.isRegularFile(file)) {
                return new SetStatus(name, kind, SetStatus.State.MISSING, 0, "", dir.toString(), note);
            }
            try {
                long size = Files.size(file);
                bytes += size;
                String h = HashStamp.readFresh(HashStamp.siblingOf(file), size, Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
                verified &= h != null;
                hashes.put(f, h == null ? "" : h);
            } catch (IOException e) {
                verified = false;
            }
        }
        String sha = !verified ? "" : hashes.size() == 1 ? hashes.values().iterator().next() : Checksums.combine(hashes);
        return new SetStatus(name, kind, verified ? SetStatus.State.VERIFIED : SetStatus.State.PRESENT, bytes, sha, dir.toString(), note);
    }
}
