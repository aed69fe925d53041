package org.reprobench.datasets;

import java.util.List;

/**
 * One published file of a data set, as the manifest knows it.
 *
 * @param fileName       the publisher's file name (also the name in the cache)
 * @param urls           official URL first, then mirrors; tried in order
 * @param size           exact size in bytes
 * @param sha256         SHA-256 of the file (lower-case hex); what the fetcher enforces
 * @param md5            the publisher's MD5 when one is published (also enforced), else null
 * @param checksumSource where the size and checksums were taken from, and whether verified
 */
public record RemoteFile(String fileName, List<String> urls, long size, String sha256, String md5, String checksumSource) {
    public RemoteFile {
        urls = List.copyOf(urls);
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(fileName + ": SHA-256 must be 64 lower-case hex digits");
        }
        if (md5 != null && !md5.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException(fileName + ": MD5 must be 32 lower-case hex digits");
        }
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("bad file name " + fileName);
        }
    }

    public boolean isTarGz() {
        return fileName.endsWith(".tar.gz") || fileName.endsWith(".tgz");
    }
}
