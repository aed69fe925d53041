package org.reprobench.datasets;

import java.io.IOException;

/** An archive entry that would escape its target, link outside it, or is absurdly large. */
public class UnsafeArchive extends IOException {
    public UnsafeArchive(String message) {
        super(message);
    }
}
