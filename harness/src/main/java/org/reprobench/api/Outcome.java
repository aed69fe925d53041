package org.reprobench.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one seed of a claim measured. The headline {@code value} is the claim's metric; the
 * check kind of paper.yaml decides which other parts it reads:
 * <ul>
 *   <li>{@code value}, {@code range}: the value;</li>
 *   <li>{@code bound}: the value and {@link #bound(double)} (for example a theorem's right-hand side
 *       computed from the run's own constants);</li>
 *   <li>{@code ordering}: the named {@link #metric metrics} listed in the check's {@code order};</li>
 *   <li>{@code monotone}: the {@link #sequence};</li>
 *   <li>{@code slope}: the {@link #series} (x, y), fitted by least squares (log-log by default); the
 *       fitted slope becomes the value when none was given.</li>
 * </ul>
 */
public final class Outcome {
    private Double value;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private double[] sequence;
    private double[] seriesX;
    private double[] seriesY;
    private Double bound;
    private final List<String> notes = new ArrayList<>();

    private Outcome(Double value) {
        this.value = value;
    }

    public static Outcome of(double value) {
        return new Outcome(value);
    }

    /** An outcome whose value the check derives (slope, monotone, ordering). */
    public static Outcome derived() {
        return new Outcome(null);
    }

    public Outcome metric(String name, double v) {
        metrics.put(name, v);
        return this;
    }

    public Outcome sequence(double[] values) {
        this.sequence = values.clone();
        return this;
    }

    public Outcome series(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series x and y differ in length: " + x.length + " vs " + y.length);
        }
        this.seriesX = x.clone();
        this.seriesY = y.clone();
        return this;
    }

    public Outcome bound(double b) {
        this.bound = b;
        return this;
    }

    public Outcome note(String note) {
        notes.add(note);
        return this;
    }

    /** The value, or null when the check derives it. */
    public Double value() {
        return value;
    }

    /** Sets the derived value (used by the harness for slope and monotone checks). */
    public Outcome withValue(double v) {
        this.value = v;
        return this;
    }

    public Map<String, Double> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    public double[] sequence() {
        return sequence;
    }

    public double[] seriesX() {
        return seriesX;
    }

    public double[] seriesY() {
        return seriesY;
    }

    public Double bound() {
        return bound;
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** The first non-finite number in this outcome, described, or null when all are finite. */
    public String firstNonFinite() {
        if (value != null && !Double.isFinite(value)) {
            return "value is " + value;
        }
        if (bound != null && !Double.isFinite(bound)) {
            return "bound is " + bound;
        }
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return "metric '" + e.getKey() + "' is " + e.getValue();
            }
        }
        String s = firstNonFinite("sequence", sequence);
        if (s == null) {
            s = firstNonFinite("series x", seriesX);
        }
        return s != null ? s : firstNonFinite("series y", seriesY);
    }

    private static String firstNonFinite(String what, double[] xs) {
        if (xs == null) {
            return null;
        }
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i])) {
                return what + "[" + i + "] is " + xs[i];
            }
        }
        return null;
    }
}
