package org.reprobench.papers.sftpg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;
import org.reprobench.api.RunContext;

/**
 * Pretrains and fine-tunes the swiss-roll toy for all seeds of a claim and measures everything
 * the two toy claims judge. Both claims read the same run: the first of them to execute computes
 * it, the second finds it here (plain Java numbers, no native memory) instead of paying for it again.
 */
final class ToyRuns {

    /** Sizes per profile. Data and evaluation clouds have the same size, as the SWD needs. */
    record Config(int nData, int pretrainEpochs, int fineTuneEpochs, int evalEvery, int scatterPoints) {
        static Config of(Profile p) {
            return switch (p) {
                case SMOKE -> new Config(1024, 4, 2, 1, 500);
                case CI -> new Config(10_000, 40, 4, 2, 2000);
                case PAPER -> new Config(10_000, 2000, 300, 10, 2000);   // the official script's epochs
            };
        }
    }

    /** What one seed measured. Rollout index k = 0..T: k = 0 is x_T ~ N(0, I), k = T the sample x_0. */
    record SeedResult(long seed, double swdPretrained, double swdFineTuned, double swdFloor, double[] evalEpochs,
                      double[] swdCurve, double[] criticGapCurve, double[] toForwardBefore, double[] toForwardAfter,
                      float[] scatterData, float[] scatterBefore, float[] scatterAfter) {

        /** Mean SWD of the intermediate states x[1..T-1] to their forward-process marginals. */
        static double meanIntermediate(double[] toForward) {
            double s = 0;
            for (int k = 1; k < toForward.length - 1; k++) {
                s += toForward[k];
            }
            return s / (toForward.length - 2);
        }
    }

    /** Wall seconds of the two phases and CPU seconds of the whole run (one PyTorch thread: the claim's own). */
    record Result(Config config, List<SeedResult> seeds, double pretrainSeconds, double fineTuneSeconds, double cpuSeconds) {
    }

    private static final Map<String, Result> CACHE = new ConcurrentHashMap<>();
    private static final int PROJECTIONS = 100;

    private ToyRuns() {
    }

    /** The run for this context's profile and seeds, computed on first use. */
    static synchronized Result get(RunContext ctx) {
        String key = ctx.profile().id() + ctx.seeds();
        Result r = CACHE.get(key);
        if (r == null) {
            r = compute(ctx, Config.of(ctx.profile()));
            CACHE.put(key, r);
        } else {
            ctx.log("reusing the toy run measured by the other toy claim (same profile and seeds)");
        }
        return r;
    }

    static Result compute(RunContext ctx, Config cfg) {
        GradMode.offForThisThread();
        long cpu0 = threadCpuNanos();
        ctx.useData("swiss roll, n = " + cfg.nData() + ", noise 0.05, /20 (generated, sklearn formula)", false, null);
        List<Long> seeds = ctx.seeds();
        int s = seeds.size();
        int n = cfg.nData();
        ToySftPg toy = new ToySftPg(ctx.manager(), seeds, n, ToySftPg.Settings.official());
        SlicedWasserstein swd = new SlicedWasserstein(PROJECTIONS, 0);
        Progress progress = ctx.progress(cfg.pretrainEpochs() + cfg.fineTuneEpochs());
        float[] data = toy.dataAllSeeds();
        // Reference clouds: an independent data sample (the SWD floor) and forward-process marginals.
        float[] fresh = new float[s * n * 2];
        for (int i = 0; i < s; i++) {
            float[] f = SwissRoll.sample(n, new SplittableRandom(seeds.get(i) + 0x5EEDL));
            System.arraycopy(f, 0, fresh, i * n * 2, n * 2);
        }
        double[] floor = swd.distance(ctx.manager(), fresh, data, s);
        float[][] forward = forwardMarginals(toy, data, seeds);

        long t0 = System.nanoTime();
        for (int e = 0; e < cfg.pretrainEpochs(); e++) {
            toy.pretrainEpoch();
            progress.step();
        }
        double pretrainSeconds = (System.nanoTime() - t0) / 1e9;

        float[][] before = toy.sampleTrajectories(n);
        double[][] toForwardBefore = toForward(ctx, swd, before, forward, data, s);
        List<Double> evalEpochs = new ArrayList<>(List.of(0.0));
        List<double[]> swdCurve = new ArrayList<>(List.of(column(toForwardBefore, before.length - 1)));
        double[][] gap = new double[s][cfg.fineTuneEpochs()];

        t0 = System.nanoTime();
        float[][] after = null;
        for (int e = 1; e <= cfg.fineTuneEpochs(); e++) {
            double[] g = toy.fineTuneEpoch();
            for (int i = 0; i < s; i++) {
                gap[i][e - 1] = g[i];
            }
            if (e == cfg.fineTuneEpochs()) {
                after = toy.sampleTrajectories(n);
                evalEpochs.add((double) e);
                swdCurve.add(swd.distance(ctx.manager(), after[after.length - 1], data, s));
            } else if (e % cfg.evalEvery() == 0) {
                float[][] mid = toy.sampleTrajectories(n);
                evalEpochs.add((double) e);
                swdCurve.add(swd.distance(ctx.manager(), mid[mid.length - 1], data, s));
            }
            progress.step();
        }
        double fineTuneSeconds = (System.nanoTime() - t0) / 1e9;
        if (after == null) {
            after = before;                       // no fine-tuning epochs configured
        }
        double[][] toForwardAfter = toForward(ctx, swd, after, forward, data, s);

        List<SeedResult> results = new ArrayList<>();
        double[] epochs = evalEpochs.stream().mapToDouble(Double::doubleValue).toArray();
        int last = before.length - 1;
        for (int i = 0; i < s; i++) {
            double[] curve = new double[swdCurve.size()];
            for (int j = 0; j < curve.length; j++) {
                curve[j] = swdCurve.get(j)[i];
            }
            results.add(new SeedResult(seeds.get(i), toForwardBefore[i][last], toForwardAfter[i][last], floor[i], epochs,
                    curve, gap[i], toForwardBefore[i], toForwardAfter[i], slice(data, i, n, cfg.scatterPoints()),
                    slice(before[last], i, n, cfg.scatterPoints()), slice(after[last], i, n, cfg.scatterPoints())));
        }
        return new Result(cfg, results, pretrainSeconds, fineTuneSeconds, (threadCpuNanos() - cpu0) / 1e9);
    }

    static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * Samples of the forward-process marginal each rollout state should have if the chain followed
     * the backward process: state x[k] enters diffusion step T-1-k, trained on
     * sqrt(alphaBar) x_0 + sqrt(1 - alphaBar) eps; entry T is the data itself.
     */
    static float[][] forwardMarginals(ToySftPg toy, float[] data, List<Long> seeds) {
        int t = toy.steps();
        int s = seeds.size();
        int n = data.length / (2 * s);
        float[][] q = new float[t + 1][];
        for (int k = 0; k < t; k++) {
            double ab = toy.schedule().alphaBar(t - 1 - k);
            q[k] = new float[data.length];
            for (int i = 0; i < s; i++) {
                SplittableRandom r = new SplittableRandom(seeds.get(i) * 31 + k + 0xF0F0L);
                for (int j = 0; j < n * 2; j++) {
                    int o = i * n * 2 + j;
                    q[k][o] = (float) (Math.sqrt(ab) * data[o] + Math.sqrt(1 - ab) * r.nextGaussian());
                }
            }
        }
        q[t] = data;
        return q;
    }

    /** SWD of every rollout state to its forward marginal: result[seed][k]. */
    private static double[][] toForward(RunContext ctx, SlicedWasserstein swd, float[][] traj, float[][] forward,
                                        float[] data, int s) {
        double[][] out = new double[s][traj.length];
        for (int k = 0; k < traj.length; k++) {
            ctx.checkDeadline();
            double[] d = swd.distance(ctx.manager(), traj[k], forward[k], s);
            for (int i = 0; i < s; i++) {
                out[i][k] = d[i];
            }
        }
        return out;
    }

    private static double[] column(double[][] m, int k) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][k];
        }
        return c;
    }

    /** The first {@code points} points of seed i's cloud. */
    private static float[] slice(float[] all, int i, int n, int points) {
        int p = Math.min(points, n);
        float[] out = new float[p * 2];
        System.arraycopy(all, i * n * 2, out, 0, p * 2);
        return out;
    }
}
