package org.reprobench.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * A small, strict tar(.gz) extractor: ustar, GNU long names ({@code L}/{@code K}) and pax
 * headers ({@code path}, {@code linkpath}, {@code size}). It refuses (with {@link UnsafeArchive})
 * any entry whose path is absolute or leaves the target, any symbolic or hard link that points
 * outside the target, writing through a link, device and FIFO entries, entries or totals over the
 * limits, and headers with a bad checksum. Permissions and owners from the archive are ignored.
 */
public final class SafeTar {
    private static final int BLOCK = 512;
    private static final int MAX_META_BYTES = 1 << 20;

    /**
     * @param maxEntryBytes largest single file
     * @param maxTotalBytes all files together
     * @param maxEntries    number of entries
     */
    public record Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries) {
        public static Limits upTo(long totalBytes) {
            return new Limits(totalBytes, totalBytes, 1_000_000);
        }
    }

    private SafeTar() {
    }

    /** Extracts a gzip-compressed tar file into {@code target} (created if needed); returns the number of files. */
    public static int extractTarGz(Path archive, Path target, Limits limits) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16)) {
            return extract(in, target, limits);
        }
    }

    public static int extract(InputStream in, Path target, Limits limits) throws IOException {
        Files.createDirectories(target);
        Path root = target.toRealPath();
        byte[] header = new byte[BLOCK];
        long total = 0;
        int entries = 0;
        int files = 0;
        String longName = null;
        String longLink = null;
        String paxPath = null;
        String paxLink = null;
        long paxSize = -1;
        while (true) {
            if (!readBlock(in, header)) {
                throw new EOFException("tar archive ends without its end-of-archive blocks");
            }
            if (isZero(header)) {
                return files; // end of archive (the second zero block and padding do not matter)
            }
            checkHeaderChecksum(header);
            char type = (char) header[156];
            long size = paxSize >= 0 ? paxSize : parseNumber(header, 124, 12);
            if (size < 0) {
                throw new UnsafeArchive("negative entry size");
            }
            if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
                if (size > MAX_META_BYTES) {
                    throw new UnsafeArchive("tar meta-data entry of " + size + " bytes refused");
                }
                byte[] meta = readData(in, (int) size);
                switch (type) {
                    case 'L' -> longName = cString(meta, 0, meta.length);
                    case 'K' -> longLink = cString(meta, 0, meta.length);
                    case 'x' -> {
                        String[] pax = parsePax(meta);
                        paxPath = pax[0] != null ? pax[0] : paxPath;
                        paxLink = pax[1] != null ? pax[1] : paxLink;
                        paxSize = pax[2] != null ? parsePaxSize(pax[2]) : paxSize;
                    }
                    default -> { } // global pax header: nothing we use
                }
                continue;
            }
            String name = paxPath != null ? paxPath : longName != null ? longName : headerName(header);
            String link = paxLink != null ? paxLink : longLink != null ? longLink : cString(header, 157, 100);
            longName = longLink = paxPath = paxLink = null;
            paxSize = -1;

            if (++entries > limits.maxEntries()) {
                throw new UnsafeArchive("more than " + limits.maxEntries() + " entries");
            }
            Path dest = inside(root, name);
            switch (type) {
                case '0', '\0', '7' -> {
                    if (size > limits.maxEntryBytes()) {
                        throw new UnsafeArchive(name + ": " + size + " bytes is over the limit of " + limits.maxEntryBytes());
                    }
                    total += size;
                    if (total > limits.maxTotalBytes()) {
                        throw new UnsafeArchive("archive unpacks to more than " + limits.maxTotalBytes() + " bytes");
                    }
                    if (dest == null) {
                        throw new UnsafeArchive("file entry without a name");
                    }
                    writeFile(root, dest, in, size);
                    files++;
                }
                case '5' -> {
                    if (dest != null) {
                        refuseLinkOnPath(root, dest);
                        Files.createDirectories(dest);
                    }
                    skip(in, size);
                }
                case '2' -> {
                    if (dest == null) {
                        throw new UnsafeArchive("symbolic link without a name");
                    }
                    if (link.isEmpty() || link.startsWith("/") || !dest.getParent().resolve(link).normalize().startsWith(root)) {
                        throw new UnsafeArchive(name + ": symbolic link to " + link + " points outside the target");
                    }
                    refuseLinkOnPath(root, dest.getParent());
                    Files.createDirectories(dest.getParent());
                    Files.deleteIfExists(dest);
                    Files.createSymbolicLink(dest, Path.of(link));
                    skip(in, size);
                }
                case '1' -> {
                    Path source = inside(root, link);
                    if (dest == null || source == null) {
                        throw new UnsafeArchive(name + ": hard link to " + link + " points outside the target");
                    }
                    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                        throw new UnsafeArchive(name + ": hard link to " + link + ", which is not an extracted regular file");
                    }
                    total += Files.size(source);
                    if (total > limits.maxTotalBytes()) {
                        throw new UnsafeArchive("archive unpacks to more than " + limits.maxTotalBytes() + " bytes");
                    }
                    refuseLinkOnPath(root, dest.getParent());
                    Files.createDirectories(dest.getParent());
                    Files.deleteIfExists(dest);
                    Files.copy(source, dest); // a copy, not a link: nothing in the target aliases anything else
                    files++;
                    skip(in, size);
                }
                default -> throw new UnsafeArchive(name + ": entry type '" + type + "' (device, FIFO or unknown) refused");
            }
        }
    }

    /** The normalised destination of an entry name, or null for the archive root itself ("./"). */
    static Path inside(Path root, String name) throws UnsafeArchive {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new UnsafeArchive("bad entry name '" + name + "'");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.startsWith("\\")) {
            throw new UnsafeArchive(name + ": absolute path refused");
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw new UnsafeArchive(name + ": '..' in an entry name refused");
            }
        }
        Path p = root.resolve(name).normalize();
        if (p.equals(root)) {
            return null;
        }
        if (!p.startsWith(root)) {
            throw new UnsafeArchive(name + ": lands outside the target");
        }
        return p;
    }

    /** Refuses when any existing component between root and path is a symbolic link. */
    private static void refuseLinkOnPath(Path root, Path path) throws UnsafeArchive {
        for (Path p = path; p != null && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new UnsafeArchive(root.relativize(path) + ": would write through the symbolic link " + root.relativize(p));
            }
        }
    }

    private static void writeFile(Path root, Path dest, InputStream in, long size) throws IOException {
        refuseLinkOnPath(root, dest);
        Files.createDirectories(dest.getParent());
        Files.deleteIfExists(dest);
        try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[1 << 16];
            long left = size;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new EOFException(dest.getFileName() + ": archive truncated inside an entry");
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
        skipPadding(in, size);
    }

    private static byte[] readData(InputStream in, int size) throws IOException {
        byte[] b = in.readNBytes(size);
        if (b.length != size) {
            throw new EOFException("archive truncated inside a header extension");
        }
        skipPadding(in, size);
        return b;
    }

    private static void skip(InputStream in, long size) throws IOException {
        long left = (size + BLOCK - 1) / BLOCK * BLOCK;
        while (left > 0) {
            long n = in.skip(left); // may skip less than asked: loop, and read one byte to detect the end
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("archive truncated");
                }
                n = 1;
            }
            left -= n;
        }
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        if (pad > 0 && in.readNBytes((int) pad).length != pad) {
            throw new EOFException("archive truncated in padding");
        }
    }

    private static boolean readBlock(InputStream in, byte[] b) throws IOException {
        int n = in.readNBytes(b, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n != BLOCK) {
            throw new EOFException("truncated tar header");
        }
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkHeaderChecksum(byte[] h) throws IOException {
        long stored = parseNumber(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xFF);
        }
        if (sum != stored) {
            throw new IOException("tar header checksum mismatch (corrupt archive)");
        }
    }

    /** Octal (NUL/space terminated) or GNU base-256 (high bit set) number field. */
    static long parseNumber(byte[] h, int off, int len) throws IOException {
        if ((h[off] & 0x80) != 0) {
            long v = h[off] & 0x7F;
            for (int i = 1; i < len; i++) {
                if (v > (Long.MAX_VALUE >> 8)) {
                    throw new UnsafeArchive("number field overflows");
                }
                v = (v << 8) | (h[off + i] & 0xFF);
            }
            return v;
        }
        long v = 0;
        int i = off;
        int end = off + len;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        for (; i < end && h[i] >= '0' && h[i] <= '7'; i++) {
            v = v * 8 + (h[i] - '0');
        }
        for (; i < end; i++) {
            if (h[i] != ' ' && h[i] != 0) {
                throw new IOException("bad octal number in tar header");
            }
        }
        return v;
    }

    private static String headerName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long parsePaxSize(String v) throws IOException {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IOException("bad pax size " + v);
        }
    }

    /** pax records "LEN key=value\n": returns {path, linkpath, size}. */
    private static String[] parsePax(byte[] meta) throws IOException {
        String[] out = new String[3];
        int i = 0;
        while (i < meta.length) {
            int sp = i;
            while (sp < meta.length && meta[sp] != ' ') {
                sp++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(meta, i, sp - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("bad pax header");
            }
            if (len <= 0 || i + len > meta.length) {
                throw new IOException("bad pax record length");
            }
            String rec = new String(meta, sp + 1, i + len - sp - 2, StandardCharsets.UTF_8);
            int eq = rec.indexOf('=');
            if (eq > 0) {
                String key = rec.substring(0, eq);
                String value = rec.substring(eq + 1);
                switch (key) {
                    case "path" -> out[0] = value;
                    case "linkpath" -> out[1] = value;
                    case "size" -> out[2] = value;
                    default -> { }
                }
            }
            i += len;
        }
        return out;
    }
}
