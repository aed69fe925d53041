package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.reprobench.api.ClaimSkipped;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;
import org.reprobench.papers.byzsgdnm.ByzantineTraining.Method;
import org.reprobench.papers.byzsgdnm.ByzantineTraining.Run;

/**
 * The reduced-scale version of the paper's batch-size experiments (Tables 1-4, 7, 9, 10): both
 * methods, a small learning-rate grid, two batch sizes at a fixed gradient budget, no attack and 3
 * of 8 workers Byzantine, coordinate-wise median. Several claims read the same sweep, so it is
 * computed once per profile and seed list and kept for the rest of the run.
 */
final class BatchSizeSweep {

    /** One cell of the sweep: an attack with f Byzantine workers, an aggregator, a batch size. */
    record Cell(String attack, int byzantine, String aggregator, int batch) {
        String key() {
            return String.format(Locale.ROOT, "%s_f%d_%s_B%d", attack, byzantine, aggregator, batch);
        }
    }

    /** The settings of one profile. */
    record Config(int trainSize, int testSize, int hidden, int epochs, int smallBatch, int largeBatch,
                  double[] lrSgdm, double[] lrSgdnm, double beta, int workers, int byzantine, boolean synthetic) {

        int[] batches() {
            return new int[] {smallBatch, largeBatch};
        }

        List<Run> runs() {
            List<Run> runs = new ArrayList<>();
            for (double lr : lrSgdm) {
                runs.add(new Run(Method.SGDM, lr));
            }
            for (double lr : lrSgdnm) {
                runs.add(new Run(Method.SGDNM, lr));
            }
            return runs;
        }

        List<Cell> cells() {
            List<Cell> cells = new ArrayList<>();
            for (int b : batches()) {
                cells.add(new Cell("none", 0, "CM", b));
                cells.add(new Cell("ALIE", byzantine, "CM", b));
            }
            // FoE (Table 4 / 10) at the larger batch only: the budget allows one more cell.
            cells.add(new Cell("FoE", byzantine, "CM", largeBatch));
            return cells;
        }
    }

    /** Smoke: a synthetic mixture and a tiny network, seconds. */
    static final Config SMOKE = new Config(800, 800, 16, 2, 4, 16,
            new double[] {0.05, 0.2}, new double[] {0.05, 0.1}, 0.9, 8, 3, true);

    /**
     * CI: 12,000 Fashion-MNIST training images (1,500 per worker), the full test set, a 784-64-10
     * MLP, 5 epochs, B in {8, 32}; the brief's prototype showed the orderings need about this budget.
     */
    static final Config CI = new Config(12_000, 10_000, 64, 5, 8, 32,
            new double[] {0.05, 0.2}, new double[] {0.05, 0.1}, 0.9, 8, 3, false);

    /** What the sweep measured for one seed: per cell, the training result of every run. */
    record SeedResult(long seed, List<Run> runs, Map<Cell, ByzantineTraining.Result> cells) {

        /** Best final accuracy (%) of a method over its learning rates, as the paper reports. */
        double best(Cell cell, Method method) {
            ByzantineTraining.Result r = cells.get(cell);
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < runs.size(); k++) {
                if (runs.get(k).method() == method) {
                    best = Math.max(best, 100 * r.finalAccuracy()[k]);
                }
            }
            return best;
        }

        /** The learning rate that gave {@link #best}. */
        double bestLr(Cell cell, Method method) {
            ByzantineTraining.Result r = cells.get(cell);
            double best = Double.NEGATIVE_INFINITY;
            double lr = Double.NaN;
            for (int k = 0; k < runs.size(); k++) {
                if (runs.get(k).method() == method && 100 * r.finalAccuracy()[k] > best) {
                    best = 100 * r.finalAccuracy()[k];
                    lr = runs.get(k).lr0();
                }
            }
            return lr;
        }
    }

    /** The sweep of all seeds, with the data label for provenance. */
    record Sweep(Config config, List<SeedResult> seeds, StandInData.Loaded data, double seconds) {
    }

    private static final Map<String, Sweep> CACHE = new ConcurrentHashMap<>();

    private BatchSizeSweep() {
    }

    static Config config(Profile profile) throws ClaimSkipped {
        return switch (profile) {
            case SMOKE -> SMOKE;
            case CI -> CI;
            case PAPER -> throw new ClaimSkipped(PaperSetting.SKIP_REASON);
        };
    }

    /** The sweep for this context's profile and seeds: computed on first use, then shared. */
    static Sweep get(RunContext ctx) throws ClaimSkipped {
        Config config = config(ctx.profile());
        String key = ctx.profile().id() + ctx.seeds();
        Sweep cached = CACHE.get(key);
        if (cached == null) {
            cached = compute(ctx, config);
            CACHE.put(key, cached);
        } else {
            ctx.log("reusing the batch-size sweep computed by an earlier claim of this run ("
                    + String.format(Locale.ROOT, "%.0f s", cached.seconds()) + ")");
        }
        cached.data().declare(ctx);
        return cached;
    }

    private static Sweep compute(RunContext ctx, Config config) throws ClaimSkipped {
        long start = System.nanoTime();
        StandInData.Loaded loaded = StandInData.load(config);
        ByzantineTraining.Data data = loaded.data();
        WorkerMlp model = new WorkerMlp(data.inputs(), config.hidden(), data.classes());
        long total = 0;
        for (Cell cell : config.cells()) {
            total += ByzantineTraining.iterations(setting(ctx.manager(), config, cell), data.trainY().length);
        }
        Progress progress = ctx.progress(total * ctx.seeds().size());
        List<SeedResult> results = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            Map<Cell, ByzantineTraining.Result> cells = new LinkedHashMap<>();
            for (Cell cell : config.cells()) {
                ByzantineTraining.Setting s = setting(ctx.manager(), config, cell);
                ByzantineTraining.Result r = ByzantineTraining.train(ctx.manager(), data, model, s,
                        aggregator(cell, config), config.runs(), seed, progress::step, 2000);
                cells.put(cell, r);
                ctx.log(describe(cell, config.runs(), r));
            }
            results.add(new SeedResult(seed, config.runs(), cells));
        }
        return new Sweep(config, results, loaded, (System.nanoTime() - start) / 1e9);
    }

    static ByzantineTraining.Setting setting(NDManager manager, Config config, Cell cell) {
        Attack attack = switch (cell.attack()) {
            case "none" -> Attack.NONE;
            case "ALIE" -> LittleIsEnough.forWorkers(manager, config.workers(), cell.byzantine());
            case "FoE" -> new FallOfEmpires(0.1);
            case "bit-flip" -> new BitFlip();
            default -> throw new IllegalArgumentException(cell.attack());
        };
        return new ByzantineTraining.Setting(config.workers(), cell.byzantine(), attack, cell.batch(), config.epochs(),
                config.beta());
    }

    static Function<NDManager, Aggregator> aggregator(Cell cell, Config config) {
        return switch (cell.aggregator()) {
            case "CM" -> m -> new CoordinateMedian();
            case "KR" -> m -> new Krum(config.byzantine());
            case "GM" -> m -> new GeometricMedian(3, 0.1);
            default -> throw new IllegalArgumentException(cell.aggregator());
        };
    }

    static String describe(Cell cell, List<Run> runs, ByzantineTraining.Result r) {
        StringBuilder sb = new StringBuilder(cell.key()).append(" (T=").append(r.iterations()).append("):");
        for (int k = 0; k < runs.size(); k++) {
            sb.append(String.format(Locale.ROOT, " %s lr=%.2f %.2f%%%s", runs.get(k).method().label(), runs.get(k).lr0(),
                    100 * r.finalAccuracy()[k], r.diverged()[k] ? " (diverged)" : ""));
        }
        return sb.toString();
    }

    /** Test accuracy per epoch of each method's best run in the given cells, first seed. */
    static XYChart curves(Sweep sweep, String title, List<Cell> cells) {
        XYChart chart = Plots.lines(title, "epoch", "test accuracy on 2,000 images (%)");
        SeedResult s = sweep.seeds().get(0);
        for (Cell cell : cells) {
            addBestCurves(chart, cell, s.runs(), s.cells().get(cell));
        }
        return chart;
    }

    /** Adds, for each method, the per-epoch test accuracy of its run with the best final accuracy. */
    static void addBestCurves(XYChart chart, Cell cell, List<Run> runs, ByzantineTraining.Result r) {
        for (Method m : Method.values()) {
            int best = -1;
            for (int k = 0; k < runs.size(); k++) {
                if (runs.get(k).method() == m && (best < 0 || r.finalAccuracy()[k] > r.finalAccuracy()[best])) {
                    best = k;
                }
            }
            double[] y = r.epochAccuracy()[best].clone();
            double[] x = new double[y.length];
            for (int e = 0; e < y.length; e++) {
                y[e] *= 100;
                x[e] = e + 1;
            }
            Plots.addLine(chart, String.format(Locale.ROOT, "%s %s f=%d %s B=%d (lr %.2f)", m.label(), cell.attack(),
                    cell.byzantine(), cell.aggregator(), cell.batch(), runs.get(best).lr0()), x, y);
        }
    }
}
