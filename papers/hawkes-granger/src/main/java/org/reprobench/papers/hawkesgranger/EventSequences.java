package org.reprobench.papers.hawkesgranger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Independent realisations of a d-type point process: for each sequence the event times
 * (increasing) and the event types (0..d-1). Immutable.
 */
public final class EventSequences {
    private final int types;
    private final double[][] times;
    private final int[][] marks;

    public EventSequences(int types, double[][] times, int[][] marks) {
        if (times.length != marks.length) {
            throw new IllegalArgumentException("times and types differ in sequence count");
        }
        this.types = types;
        this.times = new double[times.length][];
        this.marks = new int[marks.length][];
        for (int s = 0; s < times.length; s++) {
            if (times[s].length != marks[s].length) {
                throw new IllegalArgumentException("sequence " + s + ": times and types differ in length");
            }
            for (int n = 0; n < times[s].length; n++) {
                if (marks[s][n] < 0 || marks[s][n] >= types) {
                    throw new IllegalArgumentException("sequence " + s + " event " + n + ": type " + marks[s][n] + " outside 0.." + (types - 1));
                }
                if (n > 0 && !(times[s][n] > times[s][n - 1])) {
                    throw new IllegalArgumentException("sequence " + s + ": times not strictly increasing at event " + n);
                }
            }
            this.times[s] = times[s].clone();
            this.marks[s] = marks[s].clone();
        }
    }

    /** Parses lines {@code sequence time type} (sequences numbered 0..M-1, in order). */
    public static EventSequences parse(Reader reader, int types) throws IOException {
        List<List<double[]>> bySeq = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (f.length != 3) {
                    throw new IOException("line " + lineNo + ": expected 'sequence time type', got '" + line + "'");
                }
                int seq = Integer.parseInt(f[0]);
                while (bySeq.size() <= seq) {
                    bySeq.add(new ArrayList<>());
                }
                bySeq.get(seq).add(new double[] {Double.parseDouble(f[1]), Integer.parseInt(f[2])});
            }
        }
        double[][] times = new double[bySeq.size()][];
        int[][] marks = new int[bySeq.size()][];
        for (int s = 0; s < bySeq.size(); s++) {
            List<double[]> ev = bySeq.get(s);
            times[s] = ev.stream().mapToDouble(e -> e[0]).toArray();
            marks[s] = ev.stream().mapToInt(e -> (int) e[1]).toArray();
        }
        return new EventSequences(types, times, marks);
    }

    public int types() {
        return types;
    }

    public int sequenceCount() {
        return times.length;
    }

    public double[] times(int sequence) {
        return times[sequence].clone();
    }

    public int[] marks(int sequence) {
        return marks[sequence].clone();
    }

    /** Read-only views for the hot loops of this package. */
    double[] timesView(int sequence) {
        return times[sequence];
    }

    int[] marksView(int sequence) {
        return marks[sequence];
    }

    public int eventCount() {
        return Arrays.stream(times).mapToInt(t -> t.length).sum();
    }

    /** Number of events of each type over all sequences. */
    public int[] countsByType() {
        int[] c = new int[types];
        for (int[] m : marks) {
            for (int u : m) {
                c[u]++;
            }
        }
        return c;
    }

    /** The first {@code m} sequences. */
    public EventSequences head(int m) {
        return new EventSequences(types, Arrays.copyOf(times, m), Arrays.copyOf(marks, m));
    }
}
