package org.reprobench.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writes small ustar archives by hand, including the malicious entries the extractor must refuse. */
final class TarBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TarBuilder file(String name, byte[] data) {
        header(name, data.length, '0', "", data.length);
        pad(data);
        return this;
    }

    TarBuilder file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    TarBuilder dir(String name) {
        header(name.endsWith("/") ? name : name + "/", 0, '5', "", 0);
        return this;
    }

    TarBuilder symlink(String name, String target) {
        header(name, 0, '2', target, 0);
        return this;
    }

    TarBuilder hardlink(String name, String target) {
        header(name, 0, '1', target, 0);
        return this;
    }

    /** A file entry whose header announces {@code size} bytes; only {@code actual} zero bytes follow. */
    TarBuilder announced(String name, long size, int actual) {
        header(name, size, '0', "", actual);
        pad(new byte[actual]);
        return this;
    }

    /** A GNU long-name record followed by a file. */
    TarBuilder longName(String name, byte[] data) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
        header("././@LongLink", n.length, 'L', "", n.length);
        pad(n);
        return file(name.substring(0, Math.min(99, name.length())), data);
    }

    byte[] tar() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(out.toByteArray());
        o.writeBytes(new byte[1024]);
        return o.toByteArray();
    }

    byte[] tarGz() throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(o)) {
            gz.write(tar());
        }
        return o.toByteArray();
    }

    private void pad(byte[] data) {
        out.writeBytes(data);
        int rem = data.length % 512;
        if (rem != 0) {
            out.writeBytes(new byte[512 - rem]);
        }
    }

    private void header(String name, long size, char type, String link, long unused) {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, "0000644");
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", size));
        put(h, 136, 12, String.format("%011o", 1_500_000_000L));
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = (byte) type;
        put(h, 157, 100, link);
        put(h, 257, 6, "ustar");
        h[263] = '0';
        h[264] = '0';
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        put(h, 148, 8, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        out.writeBytes(h);
    }

    private static void put(byte[] h, int off, int len, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, Math.min(len, b.length));
    }
}
