package org.reprobench.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small files in the real formats. */
final class TestData {
    private TestData() {
    }

    /** One CIFAR record: label, then R plane = r, G plane = g, B plane = b, except pixel 0 of each plane = its index. */
    static byte[] cifarRecord(int label, int r, int g, int b) {
        byte[] rec = new byte[CifarBinary.RECORD];
        rec[0] = (byte) label;
        for (int i = 0; i < 1024; i++) {
            rec[1 + i] = (byte) r;
            rec[1 + 1024 + i] = (byte) g;
            rec[1 + 2048 + i] = (byte) b;
        }
        return rec;
    }

    static byte[] cifarBatch(int... labels) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < labels.length; i++) {
            o.writeBytes(cifarRecord(labels[i], 10 * i, 100, 255));
        }
        return o.toByteArray();
    }

    /** A miniature cifar-10-binary.tar.gz: two records per training batch, three in the test batch. */
    static byte[] cifarArchive() throws IOException {
        TarBuilder t = new TarBuilder().dir("cifar-10-batches-bin");
        for (int i = 1; i <= 5; i++) {
            t.file("cifar-10-batches-bin/data_batch_" + i + ".bin", cifarBatch(i, 9 - i));
        }
        t.file("cifar-10-batches-bin/test_batch.bin", cifarBatch(0, 1, 2));
        t.file("cifar-10-batches-bin/batches.meta.txt", String.join("\n", List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                "horse", "ship", "truck")) + "\n\n");
        t.file("cifar-10-batches-bin/readme.html", "<html></html>");
        return t.tarGz();
    }

    /** A data set spec like CIFAR-10's for files served by a loopback server. */
    static DataSetSpec cifarLikeSpec(String url, byte[] archive) {
        return new DataSetSpec("cifar10", "CIFAR-10 (test copy)", "test", "http://example.invalid", "test", "test",
                List.of(new RemoteFile("cifar-10-binary.tar.gz", List.of(url), archive.length, Checksums.sha256(archive), md5(archive), "test")),
                "cifar-10-batches-bin/...", Catalog.CIFAR10.requiredPaths(), 1 << 20);
    }

    static DataSetSpec singleFileSpec(String name, String url, byte[] body) {
        return new DataSetSpec(name, name, "test", "http://example.invalid", "test", "test",
                List.of(new RemoteFile("payload.bin", List.of(url), body.length, Checksums.sha256(body), md5(body), "test")), "one file", List.of(), 0);
    }

    static String md5(byte[] b) {
        return java.util.HexFormat.of().formatHex(Checksums.md5().digest(b));
    }

    static byte[] idx(int[] dims, byte[] data) {
        return IdxFile.encode(dims, data);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(o)) {
            gz.write(data);
        }
        return o.toByteArray();
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}
