package org.reprobench.harness;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;
import org.reprobench.api.TimeLimitExceeded;

/** The {@link RunContext} of one claim in one run. */
final class ClaimContext implements RunContext {
    private final String paper;
    private final String claim;
    private final Profile profile;
    private final List<Long> seeds;
    private final Path runDir;
    private final long deadlineNanos;
    private final String limitText;
    private final boolean terminal;
    private volatile boolean cancelled;
    private NDManager manager;
    private final List<String> plots = new ArrayList<>();
    private final List<String> dataLabels = new ArrayList<>();
    private boolean standIn;
    private final Map<String, String> datasets = new ConcurrentHashMap<>();
    private final List<ProgressDisplay> bars = new ArrayList<>();

    ClaimContext(String paper, String claim, Profile profile, List<Long> seeds, Path runDir, long limitNanos,
                 boolean terminal) {
        this.paper = paper;
        this.claim = claim;
        this.profile = profile;
        this.seeds = List.copyOf(seeds);
        this.runDir = runDir;
        this.deadlineNanos = System.nanoTime() + limitNanos;
        this.limitText = Judge.fmt(limitNanos / 1e9) + " s";
        this.terminal = terminal;
    }

    @Override
    public Profile profile() {
        return profile;
    }

    @Override
    public List<Long> seeds() {
        return seeds;
    }

    @Override
    public synchronized NDManager manager() {
        if (manager == null) {
            manager = NDManager.newBaseManager();
        }
        return manager;
    }

    @Override
    public Path workDir() {
        Path p = runDir.resolve("work").resolve(paper).resolve(claim);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @Override
    public synchronized void useData(String label, boolean isStandIn, String sha256) {
        String shown = isStandIn ? label + " (stand-in)" : label;
        if (!dataLabels.contains(shown)) {
            dataLabels.add(shown);
        }
        standIn |= isStandIn;
        if (sha256 != null) {
            datasets.put(label, sha256);
        }
    }

    @Override
    public synchronized void savePlot(String name, Chart<?, ?> chart) {
        String file = paper + "--" + claim + "--" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
        Path target = runDir.resolve("plots").resolve(file);
        try {
            Files.createDirectories(target.getParent());
            BitmapEncoder.saveBitmap(chart, target.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save plot " + target, e);
        }
        String rel = "plots/" + file;
        if (!plots.contains(rel)) {
            plots.add(rel);
        }
    }

    @Override
    public synchronized Progress progress(long total) {
        ProgressDisplay bar = new ProgressDisplay(paper + "/" + claim, total, terminal, this::checkDeadline);
        bars.add(bar);
        return bar;
    }

    @Override
    public void log(String message) {
        Log.info("[" + paper + "/" + claim + "] " + message);
    }

    @Override
    public void checkDeadline() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new TimeLimitExceeded("claim stopped after its time limit of " + limitText);
        }
        if (System.nanoTime() > deadlineNanos) {
            throw new TimeLimitExceeded("time limit of " + limitText + " exceeded");
        }
    }

    void cancel() {
        cancelled = true;
    }

    /** Releases the claim's native memory and closes its progress bars. */
    synchronized void close() {
        bars.forEach(ProgressDisplay::close);
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }

    synchronized List<String> plots() {
        return List.copyOf(plots);
    }

    synchronized String dataLabel() {
        return dataLabels.isEmpty() ? null : String.join("; ", dataLabels);
    }

    synchronized boolean standIn() {
        return standIn;
    }

    Map<String, String> datasets() {
        return Map.copyOf(datasets);
    }
}
