package org.reprobench.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 / MD5 of files and a stable combined hash of several files. */
public final class Checksums {
    private Checksums() {
    }

    public static MessageDigest sha256() {
        return digest("SHA-256");
    }

    public static MessageDigest md5() {
        return digest("MD5");
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from this JVM", e);
        }
    }

    public static String sha256(Path file) throws IOException {
        return hash(file, sha256());
    }

    public static String md5(Path file) throws IOException {
        return hash(file, md5());
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static String hash(Path file, MessageDigest md) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * One SHA-256 standing for several files: the hash of the lines {@code "<sha256>  <name>\n"}
     * in name order (the format of {@code sha256sum}), so it is independent of map order.
     */
    public static String combine(Map<String, String> sha256ByName) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(sha256ByName).forEach((name, h) -> sb.append(h).append("  ").append(name).append('\n'));
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #sha256(Path)} for use in lambdas. */
    static String sha256Unchecked(Path file) {
        try {
            return sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
