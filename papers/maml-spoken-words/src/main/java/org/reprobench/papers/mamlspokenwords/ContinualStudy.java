package org.reprobench.papers.mamlspokenwords;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * The one expensive measurement behind all three claims: per seed, meta-train MAMLCon, MAML
 * without the template step and OML from the same initial weights on the same meta-training
 * tasks, then meta-test each on the same episodes in every (K, N) cell of the profile's grid. The
 * results are cached per (profile, seed) for the life of the JVM, so the claims of one run share
 * them (the harness has no cache of its own); seeds missing from the cache are measured together.
 */
public final class ContinualStudy {
    /** What one seed measured. */
    public record SeedResult(Map<Method, double[]> trainingCurve, Map<String, Cell> cells) {
        public Cell cell(Method m, TaskPlan p) {
            return cells.get(key(m, p));
        }

        /** MAMLCon's meta-trained weights adapted without the template step (the same-weights ablation). */
        public Cell mamlconWithoutTemplate(TaskPlan p) {
            return cells.get("mamlcon-weights-no-template:" + key(Method.MAML, p));
        }
    }

    /** Per episode: final accuracy over all classes, and per class group ([episode][group]). */
    public record Cell(double[] accuracy, double[][] groupAccuracy) {
        public double meanAccuracy() {
            return mean(accuracy);
        }

        public double meanGroupAccuracy(int g) {
            double s = 0;
            for (double[] e : groupAccuracy) {
                s += e[g];
            }
            return s / groupAccuracy.length;
        }

        /** Per-episode accuracy on group g. */
        public double[] groupAccuracy(int g) {
            double[] out = new double[groupAccuracy.length];
            for (int e = 0; e < out.length; e++) {
                out[e] = groupAccuracy[e][g];
            }
            return out;
        }
    }

    private static final Map<String, SeedResult> CACHE = new ConcurrentHashMap<>();

    private ContinualStudy() {
    }

    static String key(Method m, TaskPlan p) {
        return m.key() + ":K" + p.shots() + ":N" + p.classes();
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /** The results of the context's seeds, measuring those not cached yet. */
    public static List<SeedResult> results(RunContext ctx) throws Exception {
        StudyData data = StudyData.load(ctx);
        Profile profile = ctx.profile();
        List<Long> missing = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            if (!CACHE.containsKey(cacheKey(profile, seed))) {
                missing.add(seed);
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, SeedResult> fresh = measure(ctx, Setting.of(profile), data, missing.stream().mapToLong(Long::longValue).toArray());
            fresh.forEach((seed, r) -> CACHE.put(cacheKey(profile, seed), r));
        } else {
            ctx.log("meta-training and meta-testing results of seeds " + ctx.seeds() + " reused from an earlier claim of this run");
        }
        List<SeedResult> out = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            out.add(CACHE.get(cacheKey(profile, seed)));
        }
        return out;
    }

    private static String cacheKey(Profile p, long seed) {
        return p.id() + ":" + seed;
    }

    /** Runs the whole study for these seeds together. */
    static Map<Long, SeedResult> measure(RunContext ctx, Setting setting, StudyData data, long[] seeds) throws Exception {
        Torch.prepareThread();
        List<TaskPlan> cells = setting.cells();
        TaskPlan trainCell = setting.train();
        int chunks = (setting.testEpisodes() + setting.episodeChunk() - 1) / setting.episodeChunk();
        long units = (long) Method.values().length * (setting.outerSteps() + (long) cells.size() * chunks) + chunks;
        Progress progress = ctx.progress(units);
        Map<Method, double[][]> curves = new EnumMap<>(Method.class);
        Map<String, Evaluator.Scores> scores = new HashMap<>();
        Evaluator evaluator = new Evaluator(setting);
        try (NDManager manager = ctx.manager().newSubManager()) {
            NDArray trainBank = data.train().toNDArray(manager, setting.timePool());
            NDArray testBank = data.test().toNDArray(manager, setting.timePool());
            for (Method method : Method.values()) {
                long t0 = System.nanoTime();
                double[][] curve = new double[seeds.length][setting.outerSteps()];
                Weights theta = new MetaTrainer(setting, method).train(seeds, data.train(), trainBank, manager, (step, acc) -> {
                    for (int s = 0; s < seeds.length; s++) {
                        curve[s][step] = acc[s];
                    }
                    progress.step();
                });
                curves.put(method, curve);
                ctx.log(String.format("%s: meta-trained %d tasks per seed in %.1f s", method.label(),
                        setting.outerSteps() * setting.metaBatch(), (System.nanoTime() - t0) / 1e9));
                t0 = System.nanoTime();
                for (TaskPlan cell : cells) {
                    scores.put(key(method, cell), evaluator.evaluate(method, theta, seeds, cell, data.test(), testBank, manager));
                    progress.stepBy(chunks);
                }
                if (method == Method.MAMLCON) {
                    scores.put("mamlcon-weights-no-template:" + key(Method.MAML, trainCell),
                            evaluator.evaluate(Method.MAML, theta, seeds, trainCell, data.test(), testBank, manager));
                    progress.stepBy(chunks);
                }
                ctx.log(String.format("%s: meta-tested %d cells x %d episodes per seed in %.1f s", method.label(), cells.size(),
                        setting.testEpisodes(), (System.nanoTime() - t0) / 1e9));
                for (NDArray a : theta.arrays()) {
                    a.close();
                }
            }
        }
        Map<Long, SeedResult> out = new LinkedHashMap<>();
        for (int s = 0; s < seeds.length; s++) {
            Map<Method, double[]> curve = new EnumMap<>(Method.class);
            for (Method m : Method.values()) {
                curve.put(m, curves.get(m)[s]);
            }
            Map<String, Cell> cellMap = new HashMap<>();
            for (Map.Entry<String, Evaluator.Scores> e : scores.entrySet()) {
                cellMap.put(e.getKey(), new Cell(e.getValue().accuracy()[s], e.getValue().groupAccuracy()[s]));
            }
            out.put(seeds[s], new SeedResult(curve, cellMap));
        }
        return out;
    }
}
