package org.reprobench.harness;

/** A number the paper prints, with where it prints it. Uncertainty is NaN when not given. */
public record Published(double value, double uncertainty, String source, String note) {
    public boolean hasUncertainty() {
        return !Double.isNaN(uncertainty);
    }
}
