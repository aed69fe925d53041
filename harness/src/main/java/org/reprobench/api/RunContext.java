package org.reprobench.api;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/** What the harness hands an experiment: its profile, seeds, native-memory scope and outputs. */
public interface RunContext {

    Profile profile();

    /** The seeds to run, one outcome per seed expected back. */
    List<Long> seeds();

    /**
     * The claim's own NDManager. The harness closes it after the claim, releasing all native
     * memory; open sub-managers ({@code manager().newSubManager()}) for loops that allocate.
     */
    NDManager manager();

    /** A scratch folder for this claim (inside the run folder, kept for inspection). */
    Path workDir();

    /**
     * Declares the data the claim ran on. {@code standIn=true} marks stand-in data (for example
     * Fashion-MNIST in place of CIFAR-10): the verdict is then at best CONSISTENT and the report
     * row carries the label. {@code sha256} is recorded in the run's provenance (may be null for
     * generated data).
     */
    void useData(String label, boolean standIn, String sha256);

    /** Saves a chart as PNG in the run's plots folder and attaches it to the claim's report row. */
    void savePlot(String name, Chart<?, ?> chart);

    /** A progress bar for this claim with the given number of units. */
    Progress progress(long total);

    /** A log line, tagged with paper and claim. */
    void log(String message);

    /** Throws {@link TimeLimitExceeded} once the claim's time limit is spent or the run is stopped. */
    void checkDeadline();
}
