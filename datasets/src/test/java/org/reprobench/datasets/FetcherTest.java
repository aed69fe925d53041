package org.reprobench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a loopback HTTP server serving small archives in the real formats. */
class FetcherTest {
    private static final Fetcher.Options FAST = new Fetcher.Options(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5),
            Duration.ofSeconds(5));

    @TempDir
    Path tmp;
    LoopbackServer server;
    DataHome home;
    DataHome offline;

    @BeforeAll
    static void quiet() {
        DataLog.quiet = true;
    }

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        home = new DataHome(tmp.resolve("cache"), false);
        offline = new DataHome(tmp.resolve("cache"), true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void happyPathDownloadsVerifiesUnpacksAndReadsCifar() throws Exception {
        byte[] archive = TestData.cifarArchive();
        server.serve("/cifar-10-binary.tar.gz", archive);
        DataSetSpec spec = TestData.cifarLikeSpec(server.url("/cifar-10-binary.tar.gz"), archive);
        Fetcher f = new Fetcher(home, FAST);

        Path dir = f.ensure(spec);
        assertEquals(home.setDir("cifar10"), dir);
        Path cached = f.localPath(spec, spec.files().get(0));
        assertArrayEquals(archive, Files.readAllBytes(cached));
        assertTrue(Files.isRegularFile(HashStamp.siblingOf(cached)), "a hash stamp is written");
        assertFalse(Files.exists(cached.resolveSibling("cifar-10-binary.tar.gz.part")), "no part file left");

        ImageSet train = RealSets.cifar10(f, spec, true);
        assertEquals(10, train.size());
        assertEquals(List.of(1, 8, 2, 7, 3, 6, 4, 5, 5, 4), java.util.Arrays.stream(train.labels()).boxed().toList());
        assertEquals(3, train.channels());
        assertEquals(Checksums.sha256(archive), train.sha256());
        assertFalse(train.standIn());
        assertEquals(3, RealSets.cifar10(f, spec, false).size());

        // A second use neither downloads nor unpacks again.
        int before = server.requests.size();
        f.ensure(spec);
        new Fetcher(offline, FAST).ensure(spec);
        assertEquals(before, server.requests.size());
        assertEquals(1, server.count("/cifar-10-binary.tar.gz"));
    }

    @Test
    void resumesAfterACutConnectionWithARangeRequest() throws Exception {
        byte[] body = TestData.bytes(300_000, 1);
        server.serve("/payload.bin", body);
        server.cutAfter = 100_000;
        server.cutsLeft.set(1);
        DataSetSpec spec = TestData.singleFileSpec("resume", server.url("/payload.bin"), body);

        Path p = new Fetcher(home, FAST).file(spec, spec.files().get(0));

        assertArrayEquals(body, Files.readAllBytes(p));
        assertEquals(2, server.requests.size());
        assertEquals(null, server.requests.get(0).range());
        assertEquals("bytes=100000-", server.requests.get(1).range(), "the second request resumes where the cut left off");
    }

    @Test
    void restartsFromZeroWhenTheServerIgnoresRange() throws Exception {
        byte[] body = TestData.bytes(200_000, 2);
        server.serve("/payload.bin", body);
        server.cutAfter = 50_000;
        server.cutsLeft.set(1);
        server.ignoreRange = true;
        DataSetSpec spec = TestData.singleFileSpec("norange", server.url("/payload.bin"), body);

        Path p = new Fetcher(home, FAST).file(spec, spec.files().get(0));

        assertArrayEquals(body, Files.readAllBytes(p));
    }

    @Test
    void checksumMismatchRejectsTheFileAndNeverUsesIt() throws Exception {
        byte[] published = TestData.bytes(10_000, 3);
        byte[] tampered = published.clone();
        tampered[5000] ^= 1;
        server.serve("/payload.bin", tampered);
        DataSetSpec spec = TestData.singleFileSpec("mismatch", server.url("/payload.bin"), published);
        Fetcher f = new Fetcher(home, FAST);

        DataUnavailable e = assertThrows(DataUnavailable.class, () -> f.file(spec, spec.files().get(0)));

        assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
        Path target = f.localPath(spec, spec.files().get(0));
        assertFalse(Files.exists(target), "a file that hashed wrong is never moved into the cache");
        assertFalse(Files.exists(target.resolveSibling("payload.bin.part")), "and its bytes are not kept for a resume");
        assertEquals(3, server.count("/payload.bin"), "each attempt downloads afresh");
    }

    @Test
    void refusesAServerThatAnnouncesMoreBytesThanTheManifest() throws Exception {
        byte[] body = TestData.bytes(5_000, 4);
        server.serve("/payload.bin", body);
        server.extraAnnounced = 1_000_000;
        DataSetSpec spec = TestData.singleFileSpec("toolarge", server.url("/payload.bin"), body);

        DataUnavailable e = assertThrows(DataUnavailable.class, () -> new Fetcher(home, FAST).file(spec, spec.files().get(0)));
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
    }

    @Test
    void followsRedirects() throws Exception {
        byte[] body = TestData.bytes(1_000, 5);
        server.serve("/real/payload.bin", body).redirect("/payload.bin", "/real/payload.bin");
        DataSetSpec spec = TestData.singleFileSpec("redirect", server.url("/payload.bin"), body);

        assertArrayEquals(body, Files.readAllBytes(new Fetcher(home, FAST).file(spec, spec.files().get(0))));
    }

    @Test
    void corruptCacheIsDetectedOnTheNextUseAndReplaced() throws Exception {
        byte[] body = TestData.bytes(20_000, 6);
        server.serve("/payload.bin", body);
        DataSetSpec spec = TestData.singleFileSpec("corrupt", server.url("/payload.bin"), body);
        Path p = new Fetcher(home, FAST).file(spec, spec.files().get(0));
        byte[] bad = body.clone();
        bad[0] ^= 0x7f;
        Files.write(p, bad);
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() + 5_000)); // as any rewrite would

        DataUnavailable e = assertThrows(DataUnavailable.class, () -> new Fetcher(offline, FAST).file(spec, spec.files().get(0)));
        assertTrue(e.getMessage().contains("failed verification"), e.getMessage());
        assertTrue(Files.exists(p.resolveSibling("payload.bin.corrupt")), "the bad copy is moved aside");
        assertFalse(Files.exists(p));

        Path again = new Fetcher(home, FAST).file(spec, spec.files().get(0));
        assertArrayEquals(body, Files.readAllBytes(again), "online, the file is downloaded again");
    }

    @Test
    void silentCorruptionThatKeepsSizeAndTimeIsCaughtByFullVerify() throws Exception {
        byte[] body = TestData.bytes(20_000, 7);
        server.serve("/payload.bin", body);
        DataSetSpec spec = TestData.singleFileSpec("silent", server.url("/payload.bin"), body);
        Fetcher f = new Fetcher(home, FAST);
        Path p = f.file(spec, spec.files().get(0));
        FileTime time = Files.getLastModifiedTime(p);
        byte[] bad = body.clone();
        bad[100] ^= 1;
        Files.write(p, bad);
        Files.setLastModifiedTime(p, time);

        assertNotNull(new Fetcher(offline, FAST).file(spec, spec.files().get(0)), "the cheap check trusts an unchanged size and time");
        DataUnavailable e = assertThrows(DataUnavailable.class, () -> new Fetcher(offline, FAST).verify(spec));
        assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
    }

    @Test
    void pathEscapingArchiveIsRefusedAndNothingLandsOutside() throws Exception {
        byte[] archive = new TarBuilder().file("cifar-10-batches-bin/data_batch_1.bin", TestData.cifarBatch(1))
                .file("../escaped.txt", "gotcha").tarGz();
        server.serve("/cifar-10-binary.tar.gz", archive);
        DataSetSpec spec = TestData.cifarLikeSpec(server.url("/cifar-10-binary.tar.gz"), archive);

        DataUnavailable e = assertThrows(DataUnavailable.class, () -> new Fetcher(home, FAST).ensure(spec));

        assertTrue(e.getMessage().contains("unsafe"), e.getMessage());
        assertFalse(Files.exists(home.root().resolve("escaped.txt")));
        assertFalse(Files.exists(home.setDir("cifar10")), "no half-unpacked folder is left behind");
    }

    @Test
    void offlineModeNamesTheFileItsChecksumAndWhereToPlaceIt() throws Exception {
        byte[] archive = TestData.cifarArchive();
        server.serve("/cifar-10-binary.tar.gz", archive);
        DataSetSpec spec = TestData.cifarLikeSpec(server.url("/cifar-10-binary.tar.gz"), archive);
        Fetcher f = new Fetcher(offline, FAST);

        DataUnavailable e = assertThrows(DataUnavailable.class, () -> f.ensure(spec));

        String m = e.getMessage();
        RemoteFile rf = spec.files().get(0);
        assertTrue(m.contains("offline mode"), m);
        assertTrue(m.contains("cifar-10-binary.tar.gz (" + archive.length + " bytes)"), m);
        assertTrue(m.contains(rf.sha256()), m);
        assertTrue(m.contains(rf.md5()), m);
        assertTrue(m.contains(f.localPath(spec, rf).toString()), m);
        assertTrue(m.contains(server.url("/cifar-10-binary.tar.gz")), m);
        assertEquals(0, server.requests.size(), "offline means no request at all");

        // Placing the file by hand is all it takes.
        Files.createDirectories(f.localPath(spec, rf).getParent());
        Files.write(f.localPath(spec, rf), archive);
        assertEquals(home.setDir("cifar10"), f.ensure(spec));
    }

    @Test
    void unreachableServerEndsInTheSameMessageAfterRetries() throws Exception {
        DataSetSpec spec = TestData.singleFileSpec("gone", server.url("/nothing-here.bin"), TestData.bytes(10, 8));
        DataUnavailable e = assertThrows(DataUnavailable.class, () -> new Fetcher(home, FAST).file(spec, spec.files().get(0)));
        assertTrue(e.getMessage().contains("download failed after 3 attempt(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("place it:"), e.getMessage());
    }

    @Test
    void realManifestEntriesAreWellFormed() {
        for (DataSetSpec s : Catalog.all()) {
            assertFalse(s.files().isEmpty(), s.name());
            for (RemoteFile f : s.files()) {
                assertTrue(f.size() > 0, f.fileName());
                assertTrue(f.urls().get(0).startsWith("http"), f.fileName());
            }
        }
        assertEquals(170_052_171L, Catalog.CIFAR10.totalBytes());
        assertEquals("c32a1d4ab5d03f1284b67883e8d87530", Catalog.CIFAR10.files().get(0).md5());
    }
}
