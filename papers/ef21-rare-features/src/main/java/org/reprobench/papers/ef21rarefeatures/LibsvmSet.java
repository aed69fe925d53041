package org.reprobench.papers.ef21rarefeatures;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.reprobench.api.ClaimSkipped;
import org.reprobench.datasets.DataHome;

/**
 * The LIBSVM binary-classification sets of the paper's logistic-regression runs, as scripted in
 * the official {@code scripts_for_libsvm_datasets}: 300 clients, EF21 for 100 000 rounds (10 000
 * for w3a and w4a), GD for 800 / 900 / 1 500 / 1 500 / 1 500 / 500 rounds.
 */
enum LibsvmSet {
    A9A("a9a", 1.0, 100_000, 800),
    MUSHROOMS("mushrooms", 0.9, 100_000, 900),
    PHISHING("phishing", 0.9, 100_000, 1_500),
    W3A("w3a", 1.0, 10_000, 1_500),
    W4A("w4a", 1.0, 10_000, 1_500),
    W5A("w5a", 1.0, 100_000, 500);

    static final String BASE_URL = "https://www.csie.ntu.edu.tw/~cjlin/libsvmtools/datasets/binary/";
    static final int CLIENTS = 300;

    private final String fileName;
    final double trainFraction;
    final int ef21Rounds;
    final int gdRounds;

    LibsvmSet(String fileName, double trainFraction, int ef21Rounds, int gdRounds) {
        this.fileName = fileName;
        this.trainFraction = trainFraction;
        this.ef21Rounds = ef21Rounds;
        this.gdRounds = gdRounds;
    }

    String fileName() {
        return fileName;
    }

    String url() {
        return BASE_URL + fileName;
    }

    /** Where the file is expected: {@code <reprobench data root>/libsvm/<name>}. */
    Path localPath(DataHome home) {
        return home.root().resolve("libsvm").resolve(fileName);
    }

    /**
     * The local file, downloaded first when absent and the network is allowed. LIBSVM publishes no
     * checksums, so the SHA-256 of the file used is recorded in the run (trust on first use).
     */
    Path ensure(DataHome home) throws ClaimSkipped {
        Path target = localPath(home);
        if (Files.isRegularFile(target)) {
            return target;
        }
        String howTo = "LIBSVM data set '" + fileName + "' is not available: download " + url() + " and place it at " + target
                + " (the run is " + ef21Rounds + " EF21 rounds x 2 step sizes on " + CLIENTS + " clients, CPU only, about "
                + (ef21Rounds >= 100_000 ? "10-20" : "1-2") + " minutes on one core)";
        if (home.offline()) {
            throw new ClaimSkipped(howTo + "; offline mode is on (REPROBENCH_OFFLINE=1)");
        }
        try {
            download(target);
            return target;
        } catch (IOException e) {
            throw new ClaimSkipped(howTo + "; download failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClaimSkipped(howTo + "; download interrupted");
        }
    }

    private void download(Path target) throws IOException, InterruptedException {
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(fileName + ".part");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode() + " for " + url());
        }
        try (InputStream in = response.body()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
        LibsvmFile.read(part); // refuse to keep something that does not parse
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
