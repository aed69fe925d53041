package org.reprobench.datasets;

import java.util.List;

/**
 * The manifest entry of a real data set: what it is, where it is published, what its files must
 * hash to, and what it looks like once unpacked.
 *
 * @param name            short id used on the command line ({@code cifar10})
 * @param title           full name
 * @param version         the publisher's version of the files
 * @param homepage        official page
 * @param license         licence as stated by the publisher
 * @param citation        how to cite it
 * @param files           the published files
 * @param layout          expected layout once unpacked, in words
 * @param requiredPaths   paths (relative to the set's folder) that must exist once unpacked
 * @param maxUnpackedBytes refuse archives that unpack to more than this (zip-bomb guard)
 */
public record DataSetSpec(String name, String title, String version, String homepage, String license, String citation,
                          List<RemoteFile> files, String layout, List<String> requiredPaths, long maxUnpackedBytes) {
    public DataSetSpec {
        files = List.copyOf(files);
        requiredPaths = List.copyOf(requiredPaths);
    }

    public long totalBytes() {
        return files.stream().mapToLong(RemoteFile::size).sum();
    }

    public boolean isArchive() {
        return files.stream().anyMatch(RemoteFile::isTarGz);
    }

    public RemoteFile file(String fileName) {
        return files.stream().filter(f -> f.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no file " + fileName));
    }
}
