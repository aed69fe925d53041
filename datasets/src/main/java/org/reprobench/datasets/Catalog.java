package org.reprobench.datasets;

import java.util.List;
import java.util.Optional;

/**
 * The manifest of the real data sets. Sizes and SHA-256 sums are those listed by
 * tensorflow-datasets ({@code tensorflow_datasets/url_checksums/<name>.txt}); MD5 sums are the
 * publishers' (CIFAR page) or the ones torchvision enforces (MNIST, Fashion-MNIST). Each was
 * cross-checked in public sources while this was written (see {@link RemoteFile#checksumSource}).
 */
public final class Catalog {
    private Catalog() {
    }

    private static final long MB = 1L << 20;

    public static final DataSetSpec CIFAR10 = new DataSetSpec(
            "cifar10", "CIFAR-10 (binary version)", "cifar-10-binary.tar.gz, 2009 release",
            "https://www.cs.toronto.edu/~kriz/cifar.html",
            "no licence stated by the publisher; cite the technical report",
            "Alex Krizhevsky. Learning Multiple Layers of Features from Tiny Images. Technical report, University of Toronto, 2009.",
            List.of(new RemoteFile("cifar-10-binary.tar.gz",
                    List.of("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
                    170_052_171L, "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
                    "c32a1d4ab5d03f1284b67883e8d87530",
                    "size+SHA-256: tensorflow-datasets url_checksums/cifar10.txt; MD5: the publisher's page (cifar.html), quoted with the same size by independent sources")),
            "cifar-10-batches-bin/{data_batch_1..5.bin, test_batch.bin}: 10000 records each of 1 label byte + 3072 pixel bytes"
                    + " (1024 R, 1024 G, 1024 B, row-major 32x32); batches.meta.txt: the 10 class names",
            List.of("cifar-10-batches-bin/data_batch_1.bin", "cifar-10-batches-bin/data_batch_2.bin", "cifar-10-batches-bin/data_batch_3.bin",
                    "cifar-10-batches-bin/data_batch_4.bin", "cifar-10-batches-bin/data_batch_5.bin", "cifar-10-batches-bin/test_batch.bin",
                    "cifar-10-batches-bin/batches.meta.txt"),
            256 * MB);

    public static final DataSetSpec SPEECH_COMMANDS = new DataSetSpec(
            "speech-commands", "Google Speech Commands", "v0.02",
            "https://arxiv.org/abs/1804.03209",
            "CC BY 4.0",
            "Pete Warden. Speech Commands: A Dataset for Limited-Vocabulary Speech Recognition. arXiv:1804.03209, 2018.",
            List.of(new RemoteFile("speech_commands_v0.02.tar.gz",
                    List.of("http://download.tensorflow.org/data/speech_commands_v0.02.tar.gz",
                            "https://storage.googleapis.com/download.tensorflow.org/data/speech_commands_v0.02.tar.gz"),
                    2_428_923_189L, "af14739ee7dc311471de98f5f9d2c9191b18aedfe957f4a6ff791c709868ff58", null,
                    "size+SHA-256: tensorflow-datasets url_checksums/speech_commands.txt; no MD5 is published")),
            "<word>/<speaker>_nohash_<n>.wav (35 words, 1 s, 16 kHz mono 16-bit PCM), _background_noise_/*.wav,"
                    + " validation_list.txt and testing_list.txt (relative paths; every other clip is training)",
            List.of("validation_list.txt", "testing_list.txt", "yes", "no", "_background_noise_"),
            6L * 1024 * MB);

    private static final String FASHION = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    private static final String FASHION_SRC = "size+SHA-256: tensorflow-datasets url_checksums/fashion_mnist.txt; MD5: torchvision FashionMNIST.resources";

    public static final DataSetSpec FASHION_MNIST = new DataSetSpec(
            "fashion-mnist", "Fashion-MNIST", "2017 release (IDX, gzip)",
            "https://github.com/zalandoresearch/fashion-mnist",
            "MIT",
            "Han Xiao, Kashif Rasul, Roland Vollgraf. Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms. arXiv:1708.07747, 2017.",
            List.of(
                    new RemoteFile("train-images-idx3-ubyte.gz", List.of(FASHION + "train-images-idx3-ubyte.gz"), 26_421_880L,
                            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", "8d4fb7e6c68d591d4c3dfef9ec88bf0d", FASHION_SRC),
                    new RemoteFile("train-labels-idx1-ubyte.gz", List.of(FASHION + "train-labels-idx1-ubyte.gz"), 29_515L,
                            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", "25c81989df183df01b3e8a0aad5dffbe", FASHION_SRC),
                    new RemoteFile("t10k-images-idx3-ubyte.gz", List.of(FASHION + "t10k-images-idx3-ubyte.gz"), 4_422_102L,
                            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", "bef4ecab320f06d8554ea6380940ec79", FASHION_SRC),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz", List.of(FASHION + "t10k-labels-idx1-ubyte.gz"), 5_148L,
                            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", "bb300cfdad3c16e7a12a480ee83cd310", FASHION_SRC)),
            "train-{images-idx3,labels-idx1}-ubyte.gz (60000), t10k-{images-idx3,labels-idx1}-ubyte.gz (10000); 28x28 grey, 10 classes",
            List.of(), 0);

    private static final List<String> MNIST_MIRRORS = List.of(
            "https://ossci-datasets.s3.amazonaws.com/mnist/", "https://storage.googleapis.com/cvdf-datasets/mnist/", "http://yann.lecun.com/exdb/mnist/");
    private static final String MNIST_SRC = "size+SHA-256: tensorflow-datasets url_checksums/mnist.txt; MD5: torchvision MNIST.resources";

    private static List<String> mnistUrls(String file) {
        return MNIST_MIRRORS.stream().map(m -> m + file).toList();
    }

    public static final DataSetSpec MNIST = new DataSetSpec(
            "mnist", "MNIST", "1998 release (IDX, gzip)",
            "http://yann.lecun.com/exdb/mnist/",
            "CC BY-SA 3.0 as commonly stated (tensorflow-datasets, Keras); the original page states none [unverified]",
            "Yann LeCun, Leon Bottou, Yoshua Bengio, Patrick Haffner. Gradient-based learning applied to document recognition. Proc. IEEE 86(11):2278-2324, 1998.",
            List.of(
                    new RemoteFile("train-images-idx3-ubyte.gz", mnistUrls("train-images-idx3-ubyte.gz"), 9_912_422L,
                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", "f68b3c2dcbeaaa9fbdd348bbdeb94873", MNIST_SRC),
                    new RemoteFile("train-labels-idx1-ubyte.gz", mnistUrls("train-labels-idx1-ubyte.gz"), 28_881L,
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", "d53e105ee54ea40749a09fcbcd1e9432", MNIST_SRC),
                    new RemoteFile("t10k-images-idx3-ubyte.gz", mnistUrls("t10k-images-idx3-ubyte.gz"), 1_648_877L,
                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", "9fb629c4189551a2d022fa330f9573f3", MNIST_SRC),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz", mnistUrls("t10k-labels-idx1-ubyte.gz"), 4_542L,
                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", "ec29112dd5afa0611ce80d1b7f02629c", MNIST_SRC)),
            "train-{images-idx3,labels-idx1}-ubyte.gz (60000), t10k-{images-idx3,labels-idx1}-ubyte.gz (10000); 28x28 grey, 10 classes",
            List.of(), 0);

    public static List<DataSetSpec> all() {
        return List.of(CIFAR10, SPEECH_COMMANDS, FASHION_MNIST, MNIST);
    }

    public static Optional<DataSetSpec> find(String name) {
        return all().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
