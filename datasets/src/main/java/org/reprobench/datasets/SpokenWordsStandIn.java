package org.reprobench.datasets;

import java.nio.file.Files;
import java.nio.file.Path;

/** Placeholder while the generator is written. */
final class SpokenWordsStandIn {
    static final String NAME = "spoken-words-espeak";

    private SpokenWordsStandIn() {
    }

    static Path dir(DataHome home) {
        return home.standIns().resolve(NAME);
    }

    static Path ensure(DataHome home) throws DataUnavailable {
        if (Files.isRegularFile(dir(home).resolve(".complete"))) {
            return dir(home);
        }
        throw new DataUnavailable("spoken-word stand-in not prepared: run reprobench data prepare (needs: sudo apt-get install -y espeak-ng)");
    }

    static String sha256(DataHome home) throws DataUnavailable {
        ensure(home);
        return "";
    }

    static SetStatus status(DataHome home) {
        return new SetStatus(NAME, "stand-in", SetStatus.State.MISSING, 0, "", dir(home).toString(), "run: reprobench data prepare");
    }
}
