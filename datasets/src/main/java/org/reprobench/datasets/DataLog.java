package org.reprobench.datasets;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Timestamped log lines on stderr (stdout stays free for command output). */
final class DataLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    static volatile boolean quiet = Boolean.getBoolean("reprobench.data.quiet");

    private DataLog() {
    }

    static void info(String message) {
        if (!quiet) {
            System.err.println(LocalTime.now().format(TIME) + " [data] " + message);
        }
    }

    static void warn(String message) {
        System.err.println(LocalTime.now().format(TIME) + " [data] WARN " + message);
    }
}
