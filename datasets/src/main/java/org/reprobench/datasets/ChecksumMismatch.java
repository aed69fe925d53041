package org.reprobench.datasets;

import java.io.IOException;
import java.nio.file.Path;

/** A file's content is not the one the manifest names. */
public class ChecksumMismatch extends IOException {
    private final Path file;

    public ChecksumMismatch(Path file, String what, String expected, String actual) {
        super(file + ": " + what + " mismatch, expected " + expected + " but found " + actual);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
