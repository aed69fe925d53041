package org.reprobench.harness;

/** How a claim's measurements are judged; see {@link Judge}. */
public enum CheckKind {
    /** |mean over seeds - published value| within tolerance. */
    VALUE,
    /** Each seed's value within [min, max]. */
    RANGE,
    /** Each seed's value on the right side of the bound it reports (value &lt;= bound, or &gt;= with side: above). */
    BOUND,
    /** Each seed's named metrics strictly increasing in the listed order (beyond the slack). */
    ORDERING,
    /** Each seed's sequence monotone in the stated trend (violations up to the slack). */
    MONOTONE,
    /** Each seed's fitted slope of y against x (log-log by default) within [min, max]. */
    SLOPE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
