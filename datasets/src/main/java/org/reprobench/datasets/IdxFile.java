package org.reprobench.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file (the MNIST / Fashion-MNIST format), gzip-compressed or not (detected from the
 * content, not the name). Only unsigned-byte data (type 0x08) is supported: that is what MNIST and
 * Fashion-MNIST use.
 *
 * <p>Format: two zero bytes, a type byte, a dimension count d, then d big-endian int32 sizes,
 * then the data in row-major order.
 *
 * @param dims the sizes, first is the item count
 * @param data the bytes (unsigned), row-major
 */
public record IdxFile(int[] dims, byte[] data) {
    /** Refuse headers that announce more than this (a corrupt header, not a data set). */
    static final long MAX_BYTES = 1L << 31;

    public int count() {
        return dims[0];
    }

    /** Bytes per item (product of all dimensions but the first). */
    public int itemSize() {
        int n = 1;
        for (int i = 1; i < dims.length; i++) {
            n *= dims[i];
        }
        return n;
    }

    public int unsigned(int index) {
        return data[index] & 0xFF;
    }

    public static IdxFile read(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return read(in, file.toString());
        }
    }

    /** Opens a file, decompressing it when it starts with the gzip magic bytes. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    }

    public static IdxFile read(InputStream input, String name) throws IOException {
        DataInputStream in = new DataInputStream(input);
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IOException(name + ": empty or truncated IDX header");
        }
        if ((magic >>> 16) != 0) {
            throw new IOException(name + ": not an IDX file (magic " + Integer.toHexString(magic) + ")");
        }
        int type = (magic >>> 8) & 0xFF;
        int nd = magic & 0xFF;
        if (type != 0x08) {
            throw new IOException(name + ": IDX data type 0x" + Integer.toHexString(type) + " not supported (only unsigned bytes, 0x08)");
        }
        if (nd < 1 || nd > 4) {
            throw new IOException(name + ": IDX with " + nd + " dimensions");
        }
        int[] dims = new int[nd];
        long total = 1;
        for (int i = 0; i < nd; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) {
                throw new IOException(name + ": negative IDX dimension " + dims[i]);
            }
            total *= dims[i];
            if (total > MAX_BYTES) {
                throw new IOException(name + ": IDX header announces " + total + "+ bytes, refusing");
            }
        }
        byte[] data = new byte[(int) total];
        try {
            in.readFully(data);
        } catch (EOFException e) {
            throw new IOException(name + ": truncated IDX data (expected " + total + " bytes, dims " + Arrays.toString(dims) + ")");
        }
        if (in.read() != -1) {
            throw new IOException(name + ": trailing bytes after IDX data");
        }
        return new IdxFile(dims, data);
    }

    /** Writes an uncompressed unsigned-byte IDX file (used to store converted stand-ins). */
    public static byte[] encode(int[] dims, byte[] data) {
        byte[] out = new byte[4 + 4 * dims.length + data.length];
        out[2] = 0x08;
        out[3] = (byte) dims.length;
        for (int i = 0; i < dims.length; i++) {
            int d = dims[i];
            int o = 4 + 4 * i;
            out[o] = (byte) (d >>> 24);
            out[o + 1] = (byte) (d >>> 16);
            out[o + 2] = (byte) (d >>> 8);
            out[o + 3] = (byte) d;
        }
        System.arraycopy(data, 0, out, 4 + 4 * dims.length, data.length);
        return out;
    }

    /**
     * Images + labels as an {@link ImageSet} with pixels scaled to [0,1].
     *
     * @throws IOException when the two files do not fit together (counts, shapes, label range)
     */
    public static ImageSet imageSet(IdxFile images, IdxFile labels, int classes, String label, boolean standIn, String sha256)
            throws IOException {
        if (images.dims().length != 3 || labels.dims().length != 1) {
            throw new IOException(label + ": expected images [n,h,w] and labels [n], got " + Arrays.toString(images.dims())
                    + " and " + Arrays.toString(labels.dims()));
        }
        if (images.count() != labels.count()) {
            throw new IOException(label + ": " + images.count() + " images but " + labels.count() + " labels");
        }
        int n = images.count();
        int h = images.dims()[1];
        int w = images.dims()[2];
        float[][] x = new float[n][h * w];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int base = i * h * w;
            for (int j = 0; j < h * w; j++) {
                x[i][j] = images.unsigned(base + j) / 255f;
            }
            y[i] = labels.unsigned(i);
            if (y[i] >= classes) {
                throw new IOException(label + ": label " + y[i] + " at index " + i + " outside [0," + classes + ")");
            }
        }
        return new ImageSet(x, y, h, w, classes, label, standIn, sha256);
    }
}
