package org.reprobench.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Downloads the files of a {@link DataSetSpec} into the cache and hands out verified local copies.
 *
 * <ul>
 *   <li>A cached file is checked on every use: size + hash stamp cheaply, the full SHA-256 when the
 *       stamp is stale or on demand ({@link #verify}). A file that fails is moved aside
 *       ({@code .corrupt}) and never used.</li>
 *   <li>A download goes to {@code <file>.part}, resumes from its length with an HTTP Range request,
 *       is retried with exponential backoff over all mirrors, must match the manifest's size,
 *       SHA-256 (and MD5 where published), and only then is moved atomically to its final name.</li>
 *   <li>Offline ({@code REPROBENCH_OFFLINE=1}), or when every attempt failed, the result is a
 *       {@link DataUnavailable} naming the file, its checksum and where to put it by hand.</li>
 * </ul>
 */
public final class Fetcher {

    /**
     * @param attempts       rounds over all URLs
     * @param firstBackoff   wait after the first failed round; doubles each round
     * @param maxBackoff     cap of the wait
     * @param connectTimeout TCP connect timeout
     * @param readTimeout    longest stall while reading
     */
    public record Options(int attempts, Duration firstBackoff, Duration maxBackoff, Duration connectTimeout, Duration readTimeout) {
        public static Options defaults() {
            return new Options(4, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(60));
        }
    }

    private final DataHome home;
    private final Options options;

    public Fetcher(DataHome home) {
        this(home, Options.defaults());
    }

    public Fetcher(DataHome home, Options options) {
        this.home = home;
        this.options = options;
    }

    public DataHome home() {
        return home;
    }

    /** Where a file of a set lives in the cache (whether or not it is there). */
    public Path localPath(DataSetSpec set, RemoteFile f) {
        return home.downloads().resolve(set.name()).resolve(f.fileName());
    }

    /**
     * The set ready to read: every file present and verified, archives unpacked. Returns the set's
     * folder: the unpacked archive for archive sets, the folder of the downloaded files otherwise.
     */
    public Path ensure(DataSetSpec set) throws DataUnavailable {
        List<Path> files = new ArrayList<>();
        for (RemoteFile f : set.files()) {
            files.add(file(set, f));
        }
        if (!set.isArchive()) {
            return home.downloads().resolve(set.name());
        }
        Path dir = home.setDir(set.name());
        for (int i = 0; i < files.size(); i++) {
            RemoteFile f = set.files().get(i);
            if (f.isTarGz()) {
                Unpacker.ensureUnpacked(files.get(i), f.sha256(), dir, set);
            }
        }
        return dir;
    }

    /** A verified local copy of one file, downloading it when missing or corrupt. */
    public Path file(DataSetSpec set, RemoteFile f) throws DataUnavailable {
        Path target = localPath(set, f);
        String cachedProblem = null;
        if (Files.exists(target)) {
            try {
                checkCached(target, f, false);
                return target;
            } catch (IOException e) {
                cachedProblem = "the cached copy failed verification (" + e.getMessage() + ")";
                quarantine(target);
            }
        }
        Path local = fromLocalSource(set, f, target);
        if (local != null) {
            return local;
        }
        if (home.offline()) {
            throw new DataUnavailable(placeByHand(set, f, target, (cachedProblem != null ? cachedProblem + "; " : "")
                    + "offline mode is on (REPROBENCH_OFFLINE=1)"));
        }
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new DataUnavailable(placeByHand(set, f, target, "cannot create " + target.getParent() + ": " + e.getMessage()), e);
        }
        Path part = target.resolveSibling(f.fileName() + ".part");
        List<String> errors = new ArrayList<>();
        int attemptsMade = 0;
        for (int attempt = 1; attempt <= options.attempts(); attempt++) {
            attemptsMade = attempt;
            boolean noNetwork = true;
            for (String url : f.urls()) {
                try {
                    transfer(url, part, f);
                    String sha = verifyDownloaded(part, f);
                    Atomic.readableByAll(part);
                    long mtime = Files.getLastModifiedTime(part).to(TimeUnit.NANOSECONDS);
                    Atomic.move(part, target);
                    HashStamp.write(HashStamp.siblingOf(target), sha, f.size(), mtime);
                    DataLog.info("verified " + f.fileName() + " (sha256 " + sha + ") -> " + target);
                    return target;
                } catch (ChecksumMismatch e) {
                    deleteQuietly(part); // never resume from, nor use, bytes that hashed wrong
                    noNetwork = false;
                    errors.add(url + ": " + e.getMessage());
                    DataLog.warn("rejected download of " + f.fileName() + ": " + e.getMessage());
                } catch (IOException e) {
                    noNetwork &= e instanceof java.net.UnknownHostException;
                    errors.add(url + ": " + (e instanceof java.net.UnknownHostException ? "no network (cannot resolve " + e.getMessage() + ")" : e.toString()));
                    DataLog.warn("download of " + f.fileName() + " from " + url + " failed (attempt " + attempt + "/" + options.attempts() + "): " + e);
                }
            }
            if (noNetwork) {
                break; // no host name resolves: retrying will not help, say so now
            }
            if (attempt < options.attempts()) {
                sleep(backoff(attempt));
            }
        }
        String last = errors.isEmpty() ? "no URL" : errors.get(errors.size() - 1);
        throw new DataUnavailable(placeByHand(set, f, target, "download failed after " + attemptsMade + " attempt(s); last error: " + last));
    }

    /**
     * A source of the published bytes on this machine (e.g. a distribution package that ships the
     * same content). What it writes is verified exactly like a download before it is used.
     */
    public interface LocalSource {
        /** Writes the file's published bytes to {@code out} and returns true, or returns false when it cannot. */
        boolean write(DataSetSpec set, RemoteFile f, Path out) throws IOException;
    }

    static final List<LocalSource> LOCAL_SOURCES = List.of(new FashionMnistDebian.OfficialFiles());

    private Path fromLocalSource(DataSetSpec set, RemoteFile f, Path target) {
        for (LocalSource source : LOCAL_SOURCES) {
            Path part = target.resolveSibling(f.fileName() + ".local");
            try {
                Files.createDirectories(target.getParent());
                if (source.write(set, f, part)) {
                    return adopt(set, f, part);
                }
            } catch (IOException | DataUnavailable e) {
                DataLog.warn("local source for " + f.fileName() + " not usable: " + e.getMessage());
            } finally {
                deleteQuietly(part);
            }
        }
        return null;
    }

    /**
     * Takes a file obtained some other way (by hand, or from a local source) into the cache after
     * verifying size, SHA-256 and MD5; the candidate is moved, never copied half-way.
     */
    public Path adopt(DataSetSpec set, RemoteFile f, Path candidate) throws DataUnavailable {
        Path target = localPath(set, f);
        try {
            String sha = verifyDownloaded(candidate, f);
            long mtime = Files.getLastModifiedTime(candidate).to(TimeUnit.NANOSECONDS);
            Files.createDirectories(target.getParent());
            Atomic.move(candidate, target);
            HashStamp.write(HashStamp.siblingOf(target), sha, f.size(), mtime);
            DataLog.info("verified " + f.fileName() + " (sha256 " + sha + ") -> " + target);
            return target;
        } catch (IOException e) {
            throw new DataUnavailable(placeByHand(set, f, target, "the candidate " + candidate + " failed verification (" + e.getMessage() + ")"), e);
        }
    }

    /**
     * Full verification without network: every file hashed (SHA-256 and MD5), archives' unpacked
     * folders checked. Returns one line per file.
     */
    public List<String> verify(DataSetSpec set) throws DataUnavailable {
        List<String> lines = new ArrayList<>();
        for (RemoteFile f : set.files()) {
            Path target = localPath(set, f);
            if (!Files.exists(target)) {
                throw new DataUnavailable(placeByHand(set, f, target, "the file is not in the cache"));
            }
            try {
                String sha = checkCached(target, f, true);
                lines.add("OK " + f.fileName() + " sha256 " + sha + (f.md5() != null ? " md5 " + f.md5() : "") + " (" + f.size() + " bytes)");
            } catch (IOException e) {
                quarantine(target);
                throw new DataUnavailable(placeByHand(set, f, target, "the cached copy failed verification (" + e.getMessage() + ")"), e);
            }
            if (f.isTarGz() && Unpacker.isUnpacked(home.setDir(set.name()), f.sha256(), set)) {
                lines.add("OK unpacked into " + home.setDir(set.name()));
            }
        }
        return lines;
    }

    /** Checks a cached file: exact size, then SHA-256 via its stamp (full when asked), MD5 on full checks. */
    String checkCached(Path target, RemoteFile f, boolean full) throws IOException {
        long size = Files.size(target);
        if (size != f.size()) {
            throw new ChecksumMismatch(target, "size", Long.toString(f.size()), Long.toString(size));
        }
        String sha = HashStamp.check(target, HashStamp.siblingOf(target), f.sha256(), full);
        if (full && f.md5() != null) {
            String md5 = Checksums.md5(target);
            if (!md5.equals(f.md5())) {
                throw new ChecksumMismatch(target, "MD5", f.md5(), md5);
            }
        }
        return sha;
    }

    private String verifyDownloaded(Path part, RemoteFile f) throws IOException {
        long size = Files.size(part);
        if (size != f.size()) {
            throw new ChecksumMismatch(part, "size", Long.toString(f.size()), Long.toString(size));
        }
        MessageDigest sha = Checksums.sha256();
        MessageDigest md5 = Checksums.md5();
        try (InputStream in = Files.newInputStream(part)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                md5.update(buf, 0, n);
            }
        }
        String shaHex = HexFormat.of().formatHex(sha.digest());
        if (!shaHex.equals(f.sha256())) {
            throw new ChecksumMismatch(part, "SHA-256", f.sha256(), shaHex);
        }
        String md5Hex = HexFormat.of().formatHex(md5.digest());
        if (f.md5() != null && !md5Hex.equals(f.md5())) {
            throw new ChecksumMismatch(part, "MD5", f.md5(), md5Hex);
        }
        return shaHex;
    }

    /** Downloads (the rest of) one URL into the part file. */
    void transfer(String url, Path part, RemoteFile f) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > f.size()) {
            deleteQuietly(part);
            have = 0;
        }
        if (have == f.size()) {
            return; // complete from an earlier attempt: verification decides
        }
        HttpURLConnection c = open(url, have);
        try {
            int code = c.getResponseCode();
            boolean append;
            if (code == HttpURLConnection.HTTP_PARTIAL && have > 0) {
                long start = contentRangeStart(c.getHeaderField("Content-Range"));
                if (start != have) {
                    throw new IOException("server resumed at byte " + start + " instead of " + have);
                }
                append = true;
                DataLog.info("resuming " + f.fileName() + " at byte " + have);
            } else if (code == HttpURLConnection.HTTP_OK) {
                if (have > 0) {
                    DataLog.info("server ignored the range request; downloading " + f.fileName() + " from the start");
                }
                append = false;
                have = 0;
            } else if (code == 416) {
                deleteQuietly(part); // our partial file does not fit the server's: start over next time
                throw new IOException("HTTP 416 (range not satisfiable) for a partial file of " + have + " bytes; restarting");
            } else {
                throw new IOException("HTTP " + code + " " + c.getResponseMessage());
            }
            long remaining = f.size() - have;
            long announced = c.getContentLengthLong();
            if (announced >= 0 && announced != remaining) {
                throw new IOException("server announces " + announced + " bytes, the manifest expects " + remaining + " more; refusing");
            }
            long got = 0;
            try (InputStream in = c.getInputStream();
                 OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                 ProgressLine progress = ProgressLine.bytes(f.fileName(), have, f.size())) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    if (got + n > remaining) {
                        throw new IOException("server sent more than the manifest's " + f.size() + " bytes; refusing");
                    }
                    out.write(buf, 0, n);
                    got += n;
                    progress.add(n);
                }
            }
            if (got < remaining) {
                throw new IOException("connection closed after " + (have + got) + " of " + f.size() + " bytes (kept for resume)");
            }
        } finally {
            c.disconnect();
        }
    }

    /** Opens a GET with an optional Range, following up to five redirects (also http to https). */
    private HttpURLConnection open(String url, long from) throws IOException {
        String current = url;
        for (int hop = 0; hop < 6; hop++) {
            URL u = URI.create(current).toURL();
            HttpURLConnection c = (HttpURLConnection) u.openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout((int) options.connectTimeout().toMillis());
            c.setReadTimeout((int) options.readTimeout().toMillis());
            c.setRequestProperty("User-Agent", "reprobench-datasets/0.1");
            c.setRequestProperty("Accept-Encoding", "identity");
            if (from > 0) {
                c.setRequestProperty("Range", "bytes=" + from + "-");
            }
            int code = c.getResponseCode();
            if (code >= 300 && code < 400 && code != 304) {
                String location = c.getHeaderField("Location");
                c.disconnect();
                if (location == null) {
                    throw new IOException("HTTP " + code + " without Location from " + current);
                }
                current = URI.create(current).resolve(location).toString();
                continue;
            }
            return c;
        }
        throw new IOException("too many redirects from " + url);
    }

    static long contentRangeStart(String header) throws IOException {
        // "bytes 100-199/200"
        if (header == null || !header.startsWith("bytes ")) {
            throw new IOException("206 without a usable Content-Range: " + header);
        }
        try {
            return Long.parseLong(header.substring(6, header.indexOf('-')).trim());
        } catch (RuntimeException e) {
            throw new IOException("bad Content-Range: " + header);
        }
    }

    Duration backoff(int attempt) {
        long ms = options.firstBackoff().toMillis() << Math.min(20, attempt - 1);
        return Duration.ofMillis(Math.min(ms, options.maxBackoff().toMillis()));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Moves a bad cached file aside so it is never used again (kept for inspection). */
    private static void quarantine(Path target) {
        try {
            Path bad = target.resolveSibling(target.getFileName() + ".corrupt");
            Files.move(target, bad, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(HashStamp.siblingOf(target));
            DataLog.warn(target + " failed verification; moved to " + bad);
        } catch (IOException e) {
            DataLog.warn("cannot move corrupt " + target + " aside: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover part file is re-checked by size before use
        }
    }

    /** The message that tells a user exactly what to download and where to put it. */
    static String placeByHand(DataSetSpec set, RemoteFile f, Path target, String reason) {
        StringBuilder sb = new StringBuilder();
        sb.append("data set '").append(set.name()).append("' (").append(set.title()).append(", ").append(set.version())
                .append(") is not available: ").append(reason).append('\n');
        sb.append("  file:     ").append(f.fileName()).append(" (").append(f.size()).append(" bytes)\n");
        sb.append("  sha256:   ").append(f.sha256()).append('\n');
        if (f.md5() != null) {
            sb.append("  md5:      ").append(f.md5()).append('\n');
        }
        sb.append("  from:     ").append(String.join("  or  ", f.urls())).append('\n');
        sb.append("  place it: ").append(target).append('\n');
        sb.append("  then run: reprobench data fetch ").append(set.name()).append("   (verifies the placed file").append(set.isArchive() ? " and unpacks it" : "")
                .append("; downloads nothing)");
        return sb.toString();
    }
}
