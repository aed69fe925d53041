package org.reprobench.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RIFF/WAVE with 16-bit PCM (the Speech Commands format: 16 kHz mono). Reading skips unknown
 * chunks, accepts WAVE_FORMAT_EXTENSIBLE with a PCM sub-format, and mixes several channels down
 * to mono. Samples are floats in [-1, 1): the 16-bit value / 32768.
 *
 * @param sampleRate samples per second
 * @param samples    mono samples
 */
public record WavFile(int sampleRate, float[] samples) {

    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    public static WavFile read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    public static WavFile parse(byte[] bytes, String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 /* RIFF */ || b.getInt(8) != 0x45564157 /* WAVE */) {
            throw new IOException(name + ": not a RIFF/WAVE file");
        }
        int pos = 12;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int format = 0;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16) {
                    throw new IOException(name + ": fmt chunk too short");
                }
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == 0xFFFE && size >= 40) {
                    format = b.getShort(body + 24) & 0xFFFF; // sub-format GUID starts with the format code
                }
            } else if (id == 0x61746164) { // "data"
                if (format != 1 || bits != 16 || channels < 1) {
                    throw new IOException(name + ": only 16-bit PCM is supported (format " + format + ", " + bits + " bits, " + channels + " channels)");
                }
                // Some writers (espeak-ng --stdout) leave the size at 0 or 0xFFFFFFFF: take what is there.
                long available = bytes.length - body;
                long n = (size == 0 || size == 0xFFFFFFFFL || size > available) ? available : size;
                int frames = (int) (n / (2L * channels));
                float[] x = new float[frames];
                for (int i = 0; i < frames; i++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += b.getShort(body + 2 * (i * channels + c));
                    }
                    x[i] = sum / (32768f * channels);
                }
                return new WavFile(rate, x);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new IOException(name + ": no data chunk");
    }

    /** 16-bit PCM mono WAV bytes; samples are clipped to [-1, 1]. */
    public byte[] encode() {
        int n = samples.length;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + 2 * n).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(2 * sampleRate)
                .putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(2 * n);
        for (float v : samples) {
            b.putShort(toPcm16(v));
        }
        return b.array();
    }

    static short toPcm16(float v) {
        long r = Math.round(v * 32768.0);
        return (short) Math.max(-32768, Math.min(32767, r));
    }

    public void write(Path file) throws IOException {
        Atomic.write(file, encode());
    }

    /** Copy of the samples padded with zeros or cut to exactly {@code n}. */
    public static float[] fit(float[] x, int n) {
        float[] out = new float[n];
        System.arraycopy(x, 0, out, 0, Math.min(n, x.length));
        return out;
    }
}
