package org.reprobench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Trends over all kept runs: per machine (CPU, cores, memory, GPU, OS) and profile, one small
 * plot per claim metric (mean ± sd per run) and per benchmark (score ± error). Runs on other
 * machines are never mixed into a trend.
 */
public final class History {

    /** A trend: the points in run order, and the run ids they came from. */
    record Trend(String machine, String title, String unit, List<String> runs, List<Double> values, List<Double> errors) {
    }

    private History() {
    }

    /** Machine key: runs are only compared within one. */
    static String machineKey(Provenance p) {
        Provenance.Machine m = p.machine();
        if (m == null) {
            return "unknown machine";
        }
        return m.cpuModel() + ", " + m.cores() + " cores, " + Math.round(m.memoryBytes() / 1073741824.0) + " GiB"
                + (m.gpu() != null ? ", " + m.gpu() : "") + ", " + m.os();
    }

    /** Every run folder under runsDir, oldest first. */
    static List<RunResults> loadRuns(Path runsDir) throws IOException {
        List<RunResults> runs = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) {
            return runs;
        }
        try (Stream<Path> s = Files.list(runsDir)) {
            for (Path d : s.filter(d -> Files.isRegularFile(d.resolve(RunStore.RUN_JSON))).toList()) {
                try {
                    runs.add(RunResults.load(d));
                } catch (IOException e) {
                    Log.warn("history skips unreadable run " + d + ": " + e.getMessage());
                }
            }
        }
        runs.sort(Comparator.comparing(r -> r.provenance().startedAt() == null ? "" : r.provenance().startedAt()));
        return runs;
    }

    static List<Trend> trends(List<RunResults> runs) {
        Map<String, Trend> trends = new LinkedHashMap<>();
        for (RunResults r : runs) {
            String machine = machineKey(r.provenance());
            String id = r.provenance().runId();
            for (ResultLine l : r.claims().values()) {
                if (l.mean() == null) {
                    continue;
                }
                String title = l.key() + " v" + l.claimVersion() + " @" + l.profile() + ": " + l.metric();
                Trend t = trends.computeIfAbsent(machine + "|" + title, k -> new Trend(machine, title, l.unit(),
                        new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                t.runs().add(id);
                t.values().add(l.mean());
                t.errors().add(l.sd() == null ? 0.0 : l.sd());
            }
            for (RunResults.Benchmark b : r.benchmarks().values()) {
                String title = "benchmark " + b.key();
                Trend t = trends.computeIfAbsent(machine + "|" + title, k -> new Trend(machine, title, b.unit(),
                        new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                t.runs().add(id);
                t.values().add(b.score());
                t.errors().add(b.error());
            }
        }
        return new ArrayList<>(trends.values());
    }

    /**
     * Writes one PNG per trend into outDir plus index.md and index.html listing them per machine.
     * Returns the number of trends drawn.
     */
    public static int write(Path runsDir, Path outDir) throws IOException {
        List<Trend> trends = trends(loadRuns(runsDir));
        Files.createDirectories(outDir);
        Map<String, List<String[]>> byMachine = new TreeMap<>();
        int i = 0;
        for (Trend t : trends) {
            String file = String.format(Locale.ROOT, "trend-%03d.png", i++);
            BitmapEncoder.saveBitmap(chart(t), outDir.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
            byMachine.computeIfAbsent(t.machine(), k -> new ArrayList<>()).add(new String[] {t.title(), file,
                    Judge.fmt(t.values().get(t.values().size() - 1)), String.valueOf(t.values().size())});
        }
        Document doc = new Document().heading(1, "reprobench history");
        doc.text(trends.size() + " trends from the runs in " + runsDir + "; runs on different machines are kept apart.");
        for (var e : byMachine.entrySet()) {
            doc.heading(2, e.getKey());
            List<List<String>> rows = new ArrayList<>();
            for (String[] x : e.getValue()) {
                rows.add(List.of(x[0], x[2], x[3]));
            }
            doc.table(List.of("metric", "latest", "runs"), rows);
            for (String[] x : e.getValue()) {
                doc.image(x[0], x[1]);
            }
        }
        Json.writeAtomically(outDir.resolve("index.md"), doc.markdown());
        Json.writeAtomically(outDir.resolve("index.html"), doc.html("reprobench history"));
        return trends.size();
    }

    private static XYChart chart(Trend t) {
        XYChart c = new XYChartBuilder().width(420).height(260).title(t.title().length() > 60 ? t.title().substring(0, 57) + "..." : t.title())
                .xAxisTitle("run").yAxisTitle(t.unit() == null ? "" : t.unit()).build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(11f));
        double[] x = new double[t.values().size()];
        double[] y = new double[x.length];
        double[] err = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = k + 1;
            y[k] = t.values().get(k);
            err[k] = t.errors().get(k);
        }
        XYSeries s = c.addSeries("value", x, y, err);
        s.setMarker(SeriesMarkers.CIRCLE);
        return c;
    }
}
