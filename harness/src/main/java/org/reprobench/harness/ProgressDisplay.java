package org.reprobench.harness;

import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.reprobench.api.Progress;

/** A claim's progress: a bar on a terminal, a log line per tenth otherwise. */
final class ProgressDisplay implements Progress, AutoCloseable {
    private final String label;
    private final long total;
    private final Runnable deadlineCheck;
    private final AtomicLong done = new AtomicLong();
    private final ProgressBar bar;
    private volatile long lastDecile;

    ProgressDisplay(String label, long total, boolean terminal, Runnable deadlineCheck) {
        this.label = label;
        this.total = Math.max(1, total);
        this.deadlineCheck = deadlineCheck;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(label).setInitialMax(this.total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build() : null;
    }

    @Override
    public void step() {
        stepBy(1);
    }

    @Override
    public void stepBy(long n) {
        deadlineCheck.run();
        long now = done.addAndGet(n);
        if (bar != null) {
            bar.stepTo(Math.min(now, total));
        } else {
            long decile = Math.min(10, now * 10 / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                Log.info(label + " " + decile * 10 + "% (" + now + "/" + total + ")");
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
