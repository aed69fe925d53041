package org.reprobench.datasets.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reprobench.datasets.Catalog;
import org.reprobench.datasets.DataHome;
import org.reprobench.datasets.DataSetSpec;
import org.reprobench.datasets.DataTasks;
import org.reprobench.datasets.DataUnavailable;
import org.reprobench.datasets.RealSets;
import org.reprobench.datasets.SetStatus;
import org.reprobench.datasets.SpokenWordsBaseline;
import org.reprobench.datasets.StandIns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code reprobench data ...}: list, fetch, prepare and verify data sets. Exit codes: 0 done,
 * 2 unknown data set name, 5 data unavailable (the message says what to install or place where).
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Data sets: the real ones (fetched, verified, cached in $REPROBENCH_DATA, default ~/.cache/reprobench/data)",
                "and the offline stand-ins. REPROBENCH_OFFLINE=1 forbids downloads."},
        subcommands = {DataCommand.ListCmd.class, DataCommand.FetchCmd.class, DataCommand.PrepareCmd.class, DataCommand.VerifyCmd.class,
                DataCommand.BaselineCmd.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:unknown data set name", "6:data unavailable (message says what to install or where to place which file)"})
public final class DataCommand implements Runnable {
    public static final int OK = 0;
    public static final int UNKNOWN_NAME = 2;
    public static final int DATA_UNAVAILABLE = 6;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Standalone entry point: {@code java -cp ... org.reprobench.datasets.cli.DataCommand list}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new DataCommand()).execute(args));
    }

    static List<String> names() {
        List<String> n = new ArrayList<>();
        Catalog.all().forEach(s -> n.add(s.name()));
        n.addAll(DataTasks.STAND_IN_NAMES);
        return n;
    }

    @Command(name = "list", description = "Each data set with its state (present/verified/missing), size and checksum. Never hashes.")
    static final class ListCmd implements Callable<Integer> {
        @Override
        public Integer call() {
            DataHome home = DataHome.fromEnvironment();
            List<SetStatus> rows = new ArrayList<>();
            for (DataSetSpec s : Catalog.all()) {
                rows.add(RealSets.status(home, s));
            }
            rows.addAll(StandIns.status(home));
            PrintStream out = System.out;
            out.println("data cache: " + home.root() + (home.offline() ? "  (offline)" : ""));
            out.printf("%-22s %-9s %-9s %10s  %-64s  %s%n", "NAME", "KIND", "STATE", "SIZE", "SHA256", "WHERE / NOTE");
            for (SetStatus r : rows) {
                out.printf("%-22s %-9s %-9s %10s  %-64s  %s%n", r.name(), r.kind(), r.state().name().toLowerCase(Locale.ROOT), human(r.bytes()),
                        r.sha256().isEmpty() ? "-" : r.sha256(), r.location() + (r.note().isEmpty() ? "" : "  [" + r.note() + "]"));
            }
            return OK;
        }
    }

    @Command(name = "fetch", description = "Download (or take from a local source), verify and unpack a real data set; for a stand-in, prepare it.")
    static final class FetchCmd implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "cifar10, speech-commands, fashion-mnist, mnist (or a stand-in name)")
        String name;

        @Override
        public Integer call() {
            return report(() -> DataTasks.fetch(DataHome.fromEnvironment(), name));
        }
    }

    @Command(name = "prepare", description = "Prepare every offline stand-in (idempotent; what make data runs).")
    static final class PrepareCmd implements Callable<Integer> {
        @Override
        public Integer call() {
            List<String> problems = StandIns.prepareAll(DataHome.fromEnvironment());
            for (SetStatus s : StandIns.status(DataHome.fromEnvironment())) {
                System.out.printf("%-22s %-9s %10s  %s%n", s.name(), s.state().name().toLowerCase(Locale.ROOT), human(s.bytes()),
                        s.sha256().isEmpty() ? "-" : s.sha256());
            }
            for (String p : problems) {
                System.err.println("error: " + p);
            }
            return problems.isEmpty() ? OK : DATA_UNAVAILABLE;
        }
    }

    @Command(name = "verify", description = "Full check of a data set already in the cache: every byte hashed against the manifest. No download.")
    static final class VerifyCmd implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "a name from `data list`")
        String name;

        @Override
        public Integer call() {
            return report(() -> DataTasks.verify(DataHome.fromEnvironment(), name));
        }
    }

    @Command(name = "baseline", description = {"Reference classifiers on the spoken-word stand-in (or a Speech Commands folder):",
            "softmax regression and two small CNNs on MFCC-39; prints train/validation/test accuracy. Needs the DJL engine (minutes)."})
    static final class BaselineCmd implements Callable<Integer> {
        @CommandLine.Option(names = "--root", description = "a Speech Commands folder (default: the espeak-ng stand-in)")
        java.nio.file.Path root;

        @CommandLine.Option(names = "--epochs", defaultValue = "30", description = "training epochs (default: ${DEFAULT-VALUE})")
        int epochs;

        @CommandLine.Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() throws Exception {
            try {
                java.nio.file.Path r = root != null ? root : StandIns.spokenWords();
                for (SpokenWordsBaseline.Result res : SpokenWordsBaseline.run(r, seed, epochs)) {
                    System.out.println(res);
                }
                return OK;
            } catch (DataUnavailable e) {
                System.err.println("error: " + e.getMessage());
                return DATA_UNAVAILABLE;
            }
        }
    }

    interface Task {
        List<String> run() throws DataUnavailable;
    }

    static int report(Task task) {
        try {
            task.run().forEach(System.out::println);
            return OK;
        } catch (DataUnavailable e) {
            System.err.println("error: " + e.getMessage());
            return DATA_UNAVAILABLE;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + " (known: " + String.join(", ", names()) + ")");
            return UNKNOWN_NAME;
        }
    }

    static String human(long bytes) {
        if (bytes <= 0) {
            return "-";
        }
        if (bytes < 1 << 20) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / 1073741824.0);
    }
}
