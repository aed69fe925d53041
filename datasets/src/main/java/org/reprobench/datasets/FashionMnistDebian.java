package org.reprobench.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fashion-MNIST as shipped by Debian's {@code dataset-fashion-mnist} package (IDX, gzip) under
 * {@code /usr/share/datasets/fashion-mnist}. Debian recompressed the gzip files without the
 * embedded file name, so their checksums differ from the official ones (each file is exactly
 * name-length + 1 bytes shorter); the IDX content is the published one.
 */
final class FashionMnistDebian {
    static final String PACKAGE = "dataset-fashion-mnist";
    static final String INSTALL = "sudo apt-get install -y " + PACKAGE;

    /** SHA-256 of the files of Debian bookworm's dataset-fashion-mnist 0.0~git20200523.55506a9-1, measured when written. */
    static final Map<String, String> KNOWN_SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            "train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            "t10k-images-idx3-ubyte.gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            "t10k-labels-idx1-ubyte.gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    /**
     * Modification times in the gzip headers of the official files. Debian's package keeps the
     * compressed streams byte for byte but rewrote the 10-byte header (no file name, its own
     * time); putting back "name + these times" gives files whose SHA-256 equal the published
     * ones (checked when this was written against tensorflow-datasets' list).
     */
    static final Map<String, Long> OFFICIAL_GZIP_MTIME = Map.of(
            "train-images-idx3-ubyte.gz", 1_504_176_606L, "train-labels-idx1-ubyte.gz", 1_504_176_606L,
            "t10k-images-idx3-ubyte.gz", 1_504_176_627L, "t10k-labels-idx1-ubyte.gz", 1_504_176_627L);

    private FashionMnistDebian() {
    }

    /** Rebuilds the official Fashion-MNIST files from Debian's; the fetcher verifies them like a download. */
    static final class OfficialFiles implements Fetcher.LocalSource {
        @Override
        public boolean write(DataSetSpec set, RemoteFile f, Path out) throws IOException {
            Long mtime = OFFICIAL_GZIP_MTIME.get(f.fileName());
            Path debian = dir().resolve(f.fileName());
            if (!set.name().equals(Catalog.FASHION_MNIST.name()) || mtime == null || !Files.isRegularFile(debian)) {
                return false;
            }
            byte[] official = withOriginalHeader(Files.readAllBytes(debian), f.fileName().substring(0, f.fileName().length() - 3), mtime);
            if (official == null) {
                return false;
            }
            Files.write(out, official);
            DataLog.info("rebuilt the official " + f.fileName() + " from " + debian);
            return true;
        }
    }

    /**
     * A gzip file whose header has no flags (Debian's) with the header replaced by one carrying the
     * original file name and time (flags FNAME, XFL 0, OS 3 = Unix); null for another header layout.
     */
    static byte[] withOriginalHeader(byte[] gz, String originalName, long mtime) {
        if (gz.length < 18 || (gz[0] & 0xFF) != 0x1f || (gz[1] & 0xFF) != 0x8b || gz[2] != 8 || gz[3] != 0) {
            return null;
        }
        byte[] name = (originalName + "\0").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] header = {0x1f, (byte) 0x8b, 8, 8, (byte) mtime, (byte) (mtime >>> 8), (byte) (mtime >>> 16), (byte) (mtime >>> 24), 0, 3};
        byte[] out = new byte[header.length + name.length + gz.length - 10];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(name, 0, out, header.length, name.length);
        System.arraycopy(gz, 10, out, header.length + name.length, gz.length - 10);
        return out;
    }

    static Path dir() {
        return Path.of(System.getProperty("reprobench.fashionMnistDir", "/usr/share/datasets/fashion-mnist"));
    }

    static List<String> files(boolean train) {
        String p = train ? "train" : "t10k";
        return List.of(p + "-images-idx3-ubyte.gz", p + "-labels-idx1-ubyte.gz");
    }

    static boolean present() {
        return files(true).stream().allMatch(f -> Files.isRegularFile(dir().resolve(f)))
                && files(false).stream().allMatch(f -> Files.isRegularFile(dir().resolve(f)));
    }

    /** Stamps live in the cache: the package folder is read-only. */
    static Path stampOf(DataHome home, String file) {
        return home.standIns().resolve("fashion-mnist-debian").resolve(file + ".sha256");
    }

    static ImageSet load(DataHome home, boolean train) throws DataUnavailable {
        Map<String, String> hashes = verify(home, train, false);
        try {
            List<String> f = files(train);
            IdxFile images = IdxFile.read(dir().resolve(f.get(0)));
            IdxFile labels = IdxFile.read(dir().resolve(f.get(1)));
            int expected = train ? 60_000 : 10_000;
            if (images.count() != expected) {
                DataLog.warn("Fashion-MNIST in " + dir() + " has " + images.count() + " " + (train ? "training" : "test") + " images, the release has "
                        + expected);
            }
            return IdxFile.imageSet(images, labels, 10, "Fashion-MNIST " + (train ? "train" : "test") + " (Debian " + PACKAGE + ")",
                    true, Checksums.combine(hashes));
        } catch (IOException e) {
            throw new DataUnavailable("Fashion-MNIST in " + dir() + " is unreadable (" + e.getMessage() + "). Reinstall: sudo apt-get install --reinstall -y "
                    + PACKAGE, e);
        }
    }

    /** Hashes (cheaply, via stamps, unless full) and returns name to SHA-256; warns on a version we have not seen. */
    static Map<String, String> verify(DataHome home, boolean train, boolean full) throws DataUnavailable {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : files(train)) {
            Path file = dir().resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new DataUnavailable("Fashion-MNIST stand-in missing: " + file + " not found (Debian package " + PACKAGE + "). Fix: "
                        + INSTALL + " (as root: apt-get install -y " + PACKAGE + "), or where the internet is reachable: reprobench data fetch fashion-mnist");
            }
            try {
                String sha = HashStamp.check(file, stampOf(home, name), null, full);
                if (!sha.equals(KNOWN_SHA256.get(name))) {
                    DataLog.warn(file + " has SHA-256 " + sha + ", not the one of the Debian version checked when this was written ("
                            + KNOWN_SHA256.get(name) + "); using it (its IDX structure is checked on load)");
                }
                out.put(name, sha);
            } catch (IOException e) {
                throw new DataUnavailable("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    static SetStatus status(DataHome home) {
        String loc = dir().toString();
        if (!present()) {
            return new SetStatus("fashion-mnist-debian", "stand-in", SetStatus.State.MISSING, 0, "", loc, "install: " + INSTALL);
        }
        long bytes = 0;
        boolean verified = true;
        Map<String, String> hashes = new LinkedHashMap<>();
        for (boolean train : new boolean[] {true, false}) {
            for (String name : files(train)) {
                Path file = dir().resolve(name);
                try {
                    long size = Files.size(file);
                    bytes += size;
                    String stamped = HashStamp.readFresh(stampOf(home, name), size,
                            Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS));
                    verified &= stamped != null;
                    hashes.put(name, stamped == null ? "" : stamped);
                } catch (IOException e) {
                    verified = false;
                }
            }
        }
        return new SetStatus("fashion-mnist-debian", "stand-in", verified ? SetStatus.State.VERIFIED : SetStatus.State.PRESENT, bytes,
                verified ? Checksums.combine(hashes) : "", loc, "Debian " + PACKAGE + "; 60000 train + 10000 test");
    }
}
