package org.reprobench.datasets;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A download's progress: a bar on a terminal, a log line per tenth otherwise. */
final class DownloadProgress implements AutoCloseable {
    private final String label;
    private final long total;
    private final ProgressBar bar;
    private long done;
    private int lastDecile;

    DownloadProgress(String label, long alreadyHave, long total) {
        this.label = label;
        this.total = Math.max(1, total);
        this.done = alreadyHave;
        this.lastDecile = (int) (alreadyHave * 10 / this.total);
        this.bar = System.console() != null && !DataLog.quiet
                ? new ProgressBarBuilder().setTaskName(label).setInitialMax(this.total).setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" MiB", 1 << 20).showSpeed().setUpdateIntervalMillis(500).startsFrom(alreadyHave, java.time.Duration.ZERO).build()
                : null;
    }

    void add(long n) {
        done += n;
        if (bar != null) {
            bar.stepTo(Math.min(done, total));
            return;
        }
        int decile = (int) Math.min(10, done * 10 / total);
        if (decile > lastDecile) {
            lastDecile = decile;
            DataLog.info(String.format("%s %d%% (%.1f of %.1f MiB)", label, decile * 10, done / 1048576.0, total / 1048576.0));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
