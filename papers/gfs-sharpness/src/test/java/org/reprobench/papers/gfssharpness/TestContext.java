package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/** A bare RunContext for calling an experiment directly (no run folder, no plots, no deadline). */
record TestContext(Profile profile, List<Long> seeds, NDManager manager) implements RunContext {
    @Override
    public Path workDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    @Override
    public void useData(String label, boolean standIn, String sha256) {
    }

    @Override
    public void savePlot(String name, Chart<?, ?> chart) {
    }

    @Override
    public Progress progress(long total) {
        return new Progress() {
            @Override
            public void step() {
            }

            @Override
            public void stepBy(long n) {
            }
        };
    }

    @Override
    public void log(String message) {
    }

    @Override
    public void checkDeadline() {
    }
}
