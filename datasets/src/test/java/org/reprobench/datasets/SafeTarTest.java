package org.reprobench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTarTest {
    private static final SafeTar.Limits LIMITS = new SafeTar.Limits(1 << 20, 4 << 20, 1000);

    @TempDir
    Path tmp;

    private int extract(TarBuilder t, Path target) throws IOException {
        return SafeTar.extract(new ByteArrayInputStream(t.tar()), target, LIMITS);
    }

    @Test
    void extractsFilesDirectoriesLongNamesAndInsideLinks() throws IOException {
        String longName = "d/" + "x".repeat(150) + ".txt";
        Path target = tmp.resolve("out");
        int n = extract(new TarBuilder().dir("./").dir("d").file("./d/a.txt", "hello").longName(longName, "long".getBytes(StandardCharsets.UTF_8))
                .symlink("d/link", "a.txt").hardlink("d/copy.txt", "d/a.txt"), target);
        assertEquals(3, n);
        assertEquals("hello", Files.readString(target.resolve("d/a.txt")));
        assertEquals("long", Files.readString(target.resolve(longName)));
        assertEquals("hello", Files.readString(target.resolve("d/copy.txt")));
        assertTrue(Files.isSymbolicLink(target.resolve("d/link")));
    }

    @Test
    void refusesParentEscapes() {
        Path target = tmp.resolve("out");
        assertThrows(UnsafeArchive.class, () -> extract(new TarBuilder().file("../evil", "x"), target));
        assertThrows(UnsafeArchive.class, () -> extract(new TarBuilder().file("a/../../evil", "x"), target));
        assertFalse(Files.exists(tmp.resolve("evil")));
    }

    @Test
    void refusesAbsolutePaths() {
        assertThrows(UnsafeArchive.class, () -> extract(new TarBuilder().file("/tmp/reprobench-evil", "x"), tmp.resolve("out")));
        assertFalse(Files.exists(Path.of("/tmp/reprobench-evil")));
    }

    @Test
    void refusesLinksPointingOutside() {
        Path target = tmp.resolve("out");
        assertThrows(UnsafeArchive.class, () -> extract(new TarBuilder().symlink("up", "../.."), target));
        assertThrows(UnsafeArchive.class, () -> extract(new TarBuilder().symlink("abs", "/etc/passwd"), target));
        assertThrows(UnsafeArchive.class, () -> extract(new TarBuilder().hardlink("h", "../../etc/passwd"), target));
    }

    @Test
    void refusesWritingThroughALinkPlantedInTheArchive() throws IOException {
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Path target = tmp.resolve("out");
        // "sub" -> "." is inside, but nothing may be written through it.
        assertThrows(UnsafeArchive.class, () -> extract(new TarBuilder().symlink("sub", ".").file("sub/x.txt", "x"), target));
    }

    @Test
    void refusesAbsurdSizesAndTooManyEntries() {
        Path target = tmp.resolve("out");
        UnsafeArchive big = assertThrows(UnsafeArchive.class, () -> extract(new TarBuilder().announced("huge.bin", 1L << 40, 0), target));
        assertTrue(big.getMessage().contains("over the limit"), big.getMessage());
        SafeTar.Limits small = new SafeTar.Limits(1000, 2500, 5);
        TarBuilder many = new TarBuilder();
        for (int i = 0; i < 3; i++) {
            many.file("f" + i, new byte[1000]);
        }
        UnsafeArchive total = assertThrows(UnsafeArchive.class, () -> SafeTar.extract(new java.io.ByteArrayInputStream(many.tar()), target, small));
        assertTrue(total.getMessage().contains("more than 2500 bytes"), total.getMessage());
        TarBuilder entries = new TarBuilder();
        for (int i = 0; i < 6; i++) {
            entries.file("e" + i, "x");
        }
        assertThrows(UnsafeArchive.class, () -> SafeTar.extract(new java.io.ByteArrayInputStream(entries.tar()), tmp.resolve("out2"), small));
    }

    @Test
    void refusesDevicesAndCorruptHeaders() {
        byte[] tar = new TarBuilder().file("a.txt", "x").tar();
        tar[156] = '3'; // character device
        fixChecksum(tar);
        assertThrows(UnsafeArchive.class, () -> SafeTar.extract(new ByteArrayInputStream(tar), tmp.resolve("o1"), LIMITS));
        byte[] corrupt = new TarBuilder().file("a.txt", "x").tar();
        corrupt[10] ^= 1;
        IOException e = assertThrows(IOException.class, () -> SafeTar.extract(new ByteArrayInputStream(corrupt), tmp.resolve("o2"), LIMITS));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(new TarBuilder().file("a.txt", new byte[2000]).tar(), 1024);
        assertThrows(IOException.class, () -> SafeTar.extract(new ByteArrayInputStream(truncated), tmp.resolve("o3"), LIMITS));
    }

    private static void fixChecksum(byte[] h) {
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += h[i] & 0xFF;
        }
        byte[] s = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, h, 148, 6);
        h[154] = 0;
    }
}
