package org.reprobench.datasets;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a long data step: a bar on a terminal, a log line per tenth otherwise. */
final class ProgressLine implements AutoCloseable {
    private final String label;
    private final long total;
    private final String unit;
    private final long unitSize;
    private final ProgressBar bar;
    private long done;
    private int lastDecile;

    /** Progress in bytes, shown in MiB. */
    static ProgressLine bytes(String label, long alreadyHave, long total) {
        return new ProgressLine(label, alreadyHave, total, "MiB", 1 << 20);
    }

    /** Progress in items. */
    static ProgressLine items(String label, long total) {
        return new ProgressLine(label, 0, total, "", 1);
    }

    private ProgressLine(String label, long alreadyHave, long total, String unit, long unitSize) {
        this.label = label;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.unitSize = unitSize;
        this.done = alreadyHave;
        this.lastDecile = (int) (alreadyHave * 10 / this.total);
        ProgressBar b = null;
        if (System.console() != null && !DataLog.quiet) {
            ProgressBarBuilder pb = new ProgressBarBuilder().setTaskName(label).setInitialMax(this.total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).startsFrom(alreadyHave, java.time.Duration.ZERO);
            if (unitSize > 1) {
                pb.setUnit(" " + unit, unitSize).showSpeed();
            }
            b = pb.build();
        }
        this.bar = b;
    }

    synchronized void add(long n) {
        done += n;
        if (bar != null) {
            bar.stepTo(Math.min(done, total));
            return;
        }
        int decile = (int) Math.min(10, done * 10 / total);
        if (decile > lastDecile) {
            lastDecile = decile;
            DataLog.info(unitSize > 1
                    ? String.format("%s %d%% (%.1f of %.1f %s)", label, decile * 10, done / (double) unitSize, total / (double) unitSize, unit)
                    : String.format("%s %d%% (%d of %d)", label, decile * 10, done, total));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
