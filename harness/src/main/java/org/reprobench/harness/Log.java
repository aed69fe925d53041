package org.reprobench.harness;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Plain timestamped log lines on stderr, so stdout stays clean for --json. */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static volatile boolean quiet;

    private Log() {
    }

    public static void quiet(boolean q) {
        quiet = q;
    }

    public static void info(String message) {
        if (!quiet) {
            System.err.println(LocalTime.now().format(TIME) + " " + message);
        }
    }

    public static void warn(String message) {
        System.err.println(LocalTime.now().format(TIME) + " WARN " + message);
    }
}
