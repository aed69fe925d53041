package org.reprobench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsers on records generated in the real formats. */
class ParsersTest {
    @TempDir
    Path tmp;

    @Test
    void cifarRecordIsLabelThenRedGreenBluePlanes() throws IOException {
        byte[] rec = TestData.cifarRecord(7, 255, 0, 51);
        rec[1 + 5] = (byte) 128;           // red plane, row 0, column 5
        rec[1 + 1024 + 32 * 2 + 3] = 17;   // green plane, row 2, column 3
        Path f = tmp.resolve("b.bin");
        Files.write(f, rec);

        ImageSet s = CifarBinary.read(List.of(f), "t", false, "sha");

        assertEquals(1, s.size());
        assertEquals(7, s.labels()[0]);
        assertEquals(3, s.channels());
        float[] x = s.images()[0];
        assertEquals(1f, x[0]);
        assertEquals(128 / 255f, x[5]);
        assertEquals(0f, x[1024]);
        assertEquals(17 / 255f, x[1024 + 32 * 2 + 3]);
        assertEquals(0.2f, x[2048], 1e-7);
    }

    @Test
    void cifarRejectsPartialRecordsAndBadLabels() throws IOException {
        Path partial = tmp.resolve("p.bin");
        Files.write(partial, java.util.Arrays.copyOf(TestData.cifarRecord(1, 0, 0, 0), 3000));
        assertThrows(IOException.class, () -> CifarBinary.read(List.of(partial), "t", false, ""));
        Path bad = tmp.resolve("l.bin");
        Files.write(bad, TestData.cifarRecord(10, 0, 0, 0));
        assertThrows(IOException.class, () -> CifarBinary.read(List.of(bad), "t", false, ""));
    }

    @Test
    void idxImagesAndLabelsPlainAndGzipped() throws IOException {
        byte[] pixels = new byte[2 * 3 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 10);
        }
        pixels[23] = (byte) 255;
        Path images = tmp.resolve("images-idx3-ubyte.gz");
        Files.write(images, TestData.gzip(TestData.idx(new int[] {2, 3, 4}, pixels)));
        Path labels = tmp.resolve("labels-idx1-ubyte");
        Files.write(labels, TestData.idx(new int[] {2}, new byte[] {3, 9}));

        IdxFile im = IdxFile.read(images);
        assertArrayEquals(new int[] {2, 3, 4}, im.dims());
        ImageSet s = IdxFile.imageSet(im, IdxFile.read(labels), 10, "t", true, "h");

        assertEquals(2, s.size());
        assertEquals(3, s.height());
        assertEquals(4, s.width());
        assertArrayEquals(new int[] {3, 9}, s.labels());
        assertEquals(130 / 255f, s.images()[1][1]);
        assertEquals(1f, s.images()[1][11]);
        assertEquals(1, s.channels());
    }

    @Test
    void idxRejectsBadFiles() throws IOException {
        Path wrongMagic = tmp.resolve("a");
        Files.write(wrongMagic, new byte[] {1, 2, 8, 1, 0, 0, 0, 1, 0});
        assertThrows(IOException.class, () -> IdxFile.read(wrongMagic));
        Path truncated = tmp.resolve("b");
        Files.write(truncated, java.util.Arrays.copyOf(TestData.idx(new int[] {4, 2, 2}, new byte[16]), 12));
        assertThrows(IOException.class, () -> IdxFile.read(truncated));
        Path floats = tmp.resolve("c");
        Files.write(floats, new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 0});
        assertThrows(IOException.class, () -> IdxFile.read(floats));
        Path huge = tmp.resolve("d");
        Files.write(huge, new byte[] {0, 0, 8, 3, 0x7f, 0, 0, 0, 0x7f, 0, 0, 0, 0x7f, 0, 0, 0});
        assertThrows(IOException.class, () -> IdxFile.read(huge));
        Path mismatch = tmp.resolve("e");
        Files.write(mismatch, TestData.idx(new int[] {3}, new byte[] {1, 2, 3}));
        IdxFile im = IdxFile.read(writeIdx("f", new int[] {2, 1, 1}, new byte[2]));
        assertThrows(IOException.class, () -> IdxFile.imageSet(im, IdxFile.read(mismatch), 10, "t", true, ""));
    }

    private Path writeIdx(String name, int[] dims, byte[] data) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, TestData.idx(dims, data));
        return p;
    }

    @Test
    void wavRoundTripIs16BitPcm() throws IOException {
        float[] x = {0f, 0.5f, -0.5f, -1f, 0.999969f, 2f};
        Path f = tmp.resolve("a.wav");
        new WavFile(16_000, x).write(f);
        assertEquals(44 + 12, Files.size(f));

        WavFile w = WavFile.read(f);

        assertEquals(16_000, w.sampleRate());
        assertArrayEquals(new float[] {0f, 0.5f, -0.5f, -1f, 32767 / 32768f, 32767 / 32768f}, w.samples());
    }

    @Test
    void wavSkipsUnknownChunksAndAcceptsStreamingSizes() throws IOException {
        // RIFF header, fmt, a LIST chunk of odd length (padded), then data whose size is the
        // "unknown" value espeak-ng writes when streaming to stdout.
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + 8 + 4 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(0x7ffff024).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(22_050).putInt(44_100)
                .putShort((short) 2).putShort((short) 16);
        b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(3).put(new byte[] {1, 2, 3, 0});
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(0x7ffff000).putShort((short) 16384).putShort((short) -32768);

        WavFile w = WavFile.parse(b.array(), "espeak");

        assertEquals(22_050, w.sampleRate());
        assertArrayEquals(new float[] {0.5f, -1f}, w.samples());
    }

    @Test
    void wavRejectsOtherFormats() {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 3).putShort((short) 1).putInt(16_000).putInt(64_000)
                .putShort((short) 4).putShort((short) 32);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        assertThrows(IOException.class, () -> WavFile.parse(b.array(), "float"));
        assertThrows(IOException.class, () -> WavFile.parse(new byte[20], "junk"));
    }

    @Test
    void speechCommandsLayoutAndSplitLists() throws IOException {
        Path root = tmp.resolve("sc");
        for (String word : List.of("yes", "no")) {
            for (String spk : List.of("aaaa1111", "bbbb2222", "cccc3333")) {
                Path f = root.resolve(word).resolve(spk + "_nohash_0.wav");
                Files.createDirectories(f.getParent());
                new WavFile(16_000, new float[8000]).write(f);
            }
        }
        Files.createDirectories(root.resolve("_background_noise_"));
        new WavFile(16_000, new float[10]).write(root.resolve("_background_noise_/white.wav"));
        Files.writeString(root.resolve("validation_list.txt"), "yes/bbbb2222_nohash_0.wav\nno/bbbb2222_nohash_0.wav\n");
        Files.writeString(root.resolve("testing_list.txt"), "yes/cccc3333_nohash_0.wav\nno/cccc3333_nohash_0.wav\n");

        List<SpeechCommands.Clip> clips = SpeechCommands.index(root);

        assertEquals(6, clips.size(), "background noise is not a word");
        assertEquals(List.of("no", "yes"), SpeechCommands.words(clips));
        assertEquals(2, SpeechCommands.split(clips, SpeechCommands.Split.TEST).size());
        assertEquals(2, SpeechCommands.split(clips, SpeechCommands.Split.VALIDATION).size());
        assertTrue(SpeechCommands.split(clips, SpeechCommands.Split.TRAIN).stream().allMatch(c -> c.speaker().equals("aaaa1111")));
        assertEquals(16_000, SpeechCommands.load(root, clips.get(0)).length, "padded to one second");

        Files.writeString(root.resolve("testing_list.txt"), "yes/dddd_nohash_0.wav\n");
        IOException e = assertThrows(IOException.class, () -> SpeechCommands.index(root));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Files.delete(root.resolve("testing_list.txt"));
        assertThrows(IOException.class, () -> SpeechCommands.index(root));
    }
}
