package org.reprobench.papers.ef21rarefeatures;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The LIBSVM text format: one sample per line, {@code <label> <index>:<value> ...}, indices
 * 1-based and increasing, absent features are zero; a {@code #} starts a comment.
 *
 * @param labels   one label per sample, as written
 * @param indices  per sample, its 1-based feature indices
 * @param values   per sample, the matching values
 * @param maxIndex the largest feature index seen
 */
record LibsvmFile(double[] labels, int[][] indices, double[][] values, int maxIndex) {

    int samples() {
        return labels.length;
    }

    static LibsvmFile read(Path path) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
            return parse(r, path.toString());
        }
    }

    static LibsvmFile parse(BufferedReader reader, String source) throws IOException {
        List<Double> labels = new ArrayList<>();
        List<int[]> indices = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        int maxIndex = 0;
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (body.isEmpty()) {
                continue;
            }
            String[] tokens = body.split("\\s+");
            double label = number(tokens[0], source, lineNo, "label");
            int[] idx = new int[tokens.length - 1];
            double[] val = new double[tokens.length - 1];
            for (int k = 1; k < tokens.length; k++) {
                int colon = tokens[k].indexOf(':');
                if (colon <= 0 || colon == tokens[k].length() - 1) {
                    throw new IOException(source + ":" + lineNo + ": expected index:value, found '" + tokens[k] + "'");
                }
                int index;
                try {
                    index = Integer.parseInt(tokens[k].substring(0, colon));
                } catch (NumberFormatException e) {
                    throw new IOException(source + ":" + lineNo + ": bad feature index in '" + tokens[k] + "'");
                }
                if (index < 1 || (k > 1 && index <= idx[k - 2])) {
                    throw new IOException(source + ":" + lineNo + ": feature indices must be >= 1 and increasing, found " + index);
                }
                idx[k - 1] = index;
                val[k - 1] = number(tokens[k].substring(colon + 1), source, lineNo, "value");
                maxIndex = Math.max(maxIndex, index);
            }
            labels.add(label);
            indices.add(idx);
            values.add(val);
        }
        if (labels.isEmpty()) {
            throw new IOException(source + ": no samples");
        }
        return new LibsvmFile(labels.stream().mapToDouble(Double::doubleValue).toArray(), indices.toArray(new int[0][]),
                values.toArray(new double[0][]), maxIndex);
    }

    private static double number(String text, String source, int lineNo, String what) throws IOException {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IOException(source + ":" + lineNo + ": bad " + what + " '" + text + "'");
        }
    }
}
