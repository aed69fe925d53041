package org.reprobench.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real data sets, fetched (or taken from the cache) and verified by the {@link Fetcher}.
 * Here nothing can be downloaded, so each of these ends in a {@link DataUnavailable} that says
 * which file to place where, unless the file was placed in the cache by hand.
 */
public final class RealSets {
    private RealSets() {
    }

    /** CIFAR-10 training (50,000) or test (10,000) images, 3x32x32 channel-major, from the binary version. */
    public static ImageSet cifar10(boolean train) throws DataUnavailable {
        return cifar10(new Fetcher(DataHome.fromEnvironment()), Catalog.CIFAR10, train);
    }

    static ImageSet cifar10(Fetcher fetcher, DataSetSpec spec, boolean train) throws DataUnavailable {
        Path dir = fetcher.ensure(spec).resolve("cifar-10-batches-bin");
        List<String> names = train ? CifarBinary.TRAIN_FILES : CifarBinary.TEST_FILES;
        try {
            return CifarBinary.read(names.stream().map(dir::resolve).toList(), "CIFAR-10 " + (train ? "train" : "test") + " (binary version)",
                    false, spec.files().get(0).sha256());
        } catch (IOException e) {
            throw new DataUnavailable("CIFAR-10 in " + dir + " is unreadable: " + e.getMessage() + "; delete " + dir + " to unpack it again", e);
        }
    }

    /** Root of Google Speech Commands v0.02 (read it with {@link SpeechCommands#index(Path)}). */
    public static Path speechCommands() throws DataUnavailable {
        return new Fetcher(DataHome.fromEnvironment()).ensure(Catalog.SPEECH_COMMANDS);
    }

    /** The official Fashion-MNIST files (fetched); see {@link StandIns#fashionMnist} for the offline copy. */
    public static ImageSet fashionMnist(boolean train) throws DataUnavailable {
        return idxSet(new Fetcher(DataHome.fromEnvironment()), Catalog.FASHION_MNIST, train);
    }

    /** The official MNIST files (fetched). */
    public static ImageSet mnist(boolean train) throws DataUnavailable {
        return idxSet(new Fetcher(DataHome.fromEnvironment()), Catalog.MNIST, train);
    }

    static ImageSet idxSet(Fetcher fetcher, DataSetSpec set, boolean train) throws DataUnavailable {
        String p = train ? "train" : "t10k";
        RemoteFile imagesFile = set.file(p + "-images-idx3-ubyte.gz");
        RemoteFile labelsFile = set.file(p + "-labels-idx1-ubyte.gz");
        Path images = fetcher.file(set, imagesFile);
        Path labels = fetcher.file(set, labelsFile);
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put(imagesFile.fileName(), imagesFile.sha256());
        hashes.put(labelsFile.fileName(), labelsFile.sha256());
        try {
            return IdxFile.imageSet(IdxFile.read(images), IdxFile.read(labels), 10, set.title() + " " + (train ? "train" : "test") + " (official files)",
                    false, Checksums.combine(hashes));
        } catch (IOException e) {
            throw new DataUnavailable(set.title() + " files in " + images.getParent() + " are unreadable: " + e.getMessage(), e);
        }
    }

    /** Fashion-MNIST from the cache if it was fetched before (never downloads), else null. */
    static ImageSet fashionMnistIfCached(DataHome home, boolean train) throws DataUnavailable {
        Fetcher fetcher = new Fetcher(home);
        String p = train ? "train" : "t10k";
        for (String name : List.of(p + "-images-idx3-ubyte.gz", p + "-labels-idx1-ubyte.gz")) {
            if (!Files.exists(fetcher.localPath(Catalog.FASHION_MNIST, Catalog.FASHION_MNIST.file(name)))) {
                return null;
            }
        }
        ImageSet s = idxSet(fetcher, Catalog.FASHION_MNIST, train);
        return new ImageSet(s.images(), s.labels(), s.height(), s.width(), s.classes(), s.label(), true, s.sha256());
    }

    /** Cheap state of a real set for {@code data list} (never hashes). */
    public static SetStatus status(DataHome home, DataSetSpec set) {
        Path dir = home.downloads().resolve(set.name());
        SetStatus s = StatusProbe.files(set.name(), "real", dir, set.files().stream().map(RemoteFile::fileName).toList(), set.title() + ", " + set.version());
        if (s.state() == SetStatus.State.MISSING) {
            String sha = set.files().size() == 1 ? set.files().get(0).sha256() : combinedExpected(set);
            return new SetStatus(set.name(), "real", SetStatus.State.MISSING, set.totalBytes(), sha, dir.toString(),
                    "reprobench data fetch " + set.name() + " (or place " + String.join(", ", set.files().stream().map(RemoteFile::fileName).toList())
                            + " there by hand)");
        }
        if (s.state() == SetStatus.State.VERIFIED) {
            String expected = set.files().size() == 1 ? set.files().get(0).sha256() : combinedExpected(set);
            if (!expected.equals(s.sha256())) {
                return new SetStatus(set.name(), "real", SetStatus.State.CORRUPT, s.bytes(), s.sha256(), s.location(), "checksum differs from the manifest");
            }
        }
        if (set.isArchive() && s.state() != SetStatus.State.MISSING) {
            boolean unpacked = Unpacker.isUnpacked(home.setDir(set.name()), set.files().get(0).sha256(), set);
            return new SetStatus(s.name(), s.kind(), s.state(), s.bytes(), s.sha256(), s.location(),
                    s.note() + (unpacked ? "; unpacked in " + home.setDir(set.name()) : "; not unpacked yet"));
        }
        return s;
    }

    static String combinedExpected(DataSetSpec set) {
        Map<String, String> m = new LinkedHashMap<>();
        set.files().forEach(f -> m.put(f.fileName(), f.sha256()));
        return Checksums.combine(m);
    }
}
