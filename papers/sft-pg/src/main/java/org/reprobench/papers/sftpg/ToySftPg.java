package org.reprobench.papers.sftpg;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The official 2-D toy of SFT-PG (toy_exp/train.py at ff451fa), for several seeds at once.
 *
 * <p>Pretraining: eps-prediction loss with antithetic timesteps, RMSprop lr 1e-3, gradient norm
 * clipped at 1, batch 128. Fine-tuning, one iteration = one rollout of the 10-step sampler (batch
 * 128), pushed into a transition buffer, then a critic + baseline step:
 * <ul>
 *   <li>critic f minimises mean f(real) - mean f(x_0): f is a cost, high on generated samples;</li>
 *   <li>baseline v minimises the mean over rollout steps of (v(x_t, t) - f(x_0))^2; the target
 *       f(x_0) is not detached, so this loss also reaches the critic with weight
 *       {@code baselineCoupling} (1 in the official code): the baseline regularisation;</li>
 * </ul>
 * and every {@code nCritic} iterations a policy-gradient step on {@code nGenerator} mini-batches of
 * 128 transitions drawn from the buffer: minimise mean[(f(x_0) - v(x_t, t)) log p_theta(x_{t-1} | x_t)]
 * with the advantage held constant, Adam lr 5e-5; then the buffer is cleared.
 */
public final class ToySftPg {

    /** The knobs of the toy; {@link #official()} are the official script's defaults. */
    public record Settings(int batch, float pretrainLr, float pretrainClip, float generatorLr, float criticLr,
                           float valueLr, int nCritic, int nGenerator, float baselineCoupling, boolean useBaseline) {
        public static Settings official() {
            return new Settings(128, 1e-3f, 1f, 5e-5f, 1e-3f, 1e-3f, 5, 1, 1f, true);
        }
    }

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final NDManager manager;
    private final ToySchedule schedule = new ToySchedule();
    private final Settings settings;
    private final int seeds;
    private final int nData;
    private final float[][] data;
    private final SplittableRandom[] noise;
    private final EpsNetwork eps;
    private final CriticNetwork critic;
    private final ValueNetwork value;
    private final RmsPropUpdater pretrainOpt;
    private final AdamUpdater generatorOpt;
    private final AdamUpdater criticOpt;
    private final AdamUpdater valueOpt;
    private final List<float[]> buffer = new ArrayList<>();
    private long iterations;

    /** Networks and data for each seed; each seed draws everything from its own stream. */
    public ToySftPg(NDManager manager, List<Long> seedValues, int nData, Settings settings) {
        this.manager = manager;
        this.settings = settings;
        this.seeds = seedValues.size();
        this.nData = nData;
        this.data = new float[seeds][];
        this.noise = new SplittableRandom[seeds];
        SplittableRandom[] epsInit = new SplittableRandom[seeds];
        SplittableRandom[] criticInit = new SplittableRandom[seeds];
        SplittableRandom[] valueInit = new SplittableRandom[seeds];
        for (int s = 0; s < seeds; s++) {
            SplittableRandom root = new SplittableRandom(seedValues.get(s));
            data[s] = SwissRoll.sample(nData, root.split());
            epsInit[s] = root.split();
            criticInit[s] = root.split();
            valueInit[s] = root.split();
            noise[s] = root.split();
        }
        int t = schedule.steps();
        eps = new EpsNetwork(manager, t, epsInit);
        critic = new CriticNetwork(manager, criticInit);
        value = new ValueNetwork(manager, t, valueInit);
        pretrainOpt = new RmsPropUpdater(eps, settings.pretrainLr(), settings.pretrainClip());
        generatorOpt = new AdamUpdater(eps, settings.generatorLr());
        criticOpt = new AdamUpdater(critic, settings.criticLr());
        valueOpt = new AdamUpdater(value, settings.valueLr());
    }

    public int seeds() {
        return seeds;
    }

    public int steps() {
        return schedule.steps();
    }

    public ToySchedule schedule() {
        return schedule;
    }

    public EpsNetwork epsNetwork() {
        return eps;
    }

    public CriticNetwork critic() {
        return critic;
    }

    public ValueNetwork value() {
        return value;
    }

    /** The training points of every seed, (seeds, n, 2) row-major. */
    public float[] dataAllSeeds() {
        float[] out = new float[seeds * nData * 2];
        for (int s = 0; s < seeds; s++) {
            System.arraycopy(data[s], 0, out, s * nData * 2, nData * 2);
        }
        return out;
    }

    public int dataSize() {
        return nData;
    }

    /** Full batches per pass over the data (the official loop's last, partial batch is dropped). */
    public int batchesPerEpoch() {
        return nData / settings.batch();
    }

    // ------------------------------------------------------------------ pretraining

    /** One pass of eps-prediction training over each seed's data; returns the mean loss per seed. */
    public double[] pretrainEpoch() {
        int b = settings.batch();
        int[][] perm = permutations();
        double[] lossSum = new double[seeds];
        for (int i = 0; i < batchesPerEpoch(); i++) {
            try (NDManager sub = manager.newSubManager()) {
                NDArray loss = pretrainLoss(sub, perm, i * b, b);
                float[] l = loss.toFloatArray();
                for (int s = 0; s < seeds; s++) {
                    lossSum[s] += l[s];
                }
                pretrainOpt.step(sub);
            }
        }
        for (int s = 0; s < seeds; s++) {
            lossSum[s] /= batchesPerEpoch();
        }
        return lossSum;
    }

    /** The per-seed eps-MSE of one batch, with its gradient accumulated into the eps network. */
    NDArray pretrainLoss(NDManager sub, int[][] perm, int from, int b) {
        int t = schedule.steps();
        float[] x = new float[seeds * b * 2];
        float[] e = new float[seeds * b * 2];
        int[] steps = new int[seeds * b];
        for (int s = 0; s < seeds; s++) {
            SplittableRandom r = noise[s];
            int[] half = new int[b / 2 + 1];
            for (int j = 0; j < half.length; j++) {
                half[j] = r.nextInt(t);
            }
            for (int j = 0; j < b; j++) {
                // antithetic timesteps: t and T-1-t
                int step = j < half.length ? half[j] : t - 1 - half[j - half.length];
                steps[s * b + j] = step;
                double ca = Math.sqrt(schedule.alphaBar(step));
                double cn = Math.sqrt(1 - schedule.alphaBar(step));
                int row = perm[s][from + j];
                for (int d = 0; d < 2; d++) {
                    double ed = r.nextGaussian();
                    e[(s * b + j) * 2 + d] = (float) ed;
                    x[(s * b + j) * 2 + d] = (float) (data[s][row * 2 + d] * ca + ed * cn);
                }
            }
        }
        NDArray xs = sub.create(x, new Shape(seeds, b, 2));
        NDArray es = sub.create(e, new Shape(seeds, b, 2));
        NDArray oneHot = sub.create(steps, new Shape(seeds, b)).oneHot(t);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray perSeed = PerSeed.mean(es.sub(eps.forward(xs, oneHot)).square());
            gc.backward(perSeed.sum());
            return perSeed.stopGradient();
        }
    }

    // ------------------------------------------------------------------ sampling

    /**
     * Runs the 10-step ancestral sampler from N(0, I) for {@code batch} chains per seed, without
     * gradients. Returns the states x[0] = x_T, ..., x[T] = x_0, each (seeds, batch, 2), in {@code sub}.
     */
    public NDArray[] rollout(NDManager sub, int batch) {
        int t = schedule.steps();
        NDArray[] x = new NDArray[t + 1];
        x[0] = sub.create(gaussians(batch), new Shape(seeds, batch, 2));
        for (int k = 0; k < t; k++) {
            int step = t - 1 - k;                  // diffusion index applied at rollout step k
            float[] hot = new float[seeds * t];
            for (int s = 0; s < seeds; s++) {
                hot[s * t + step] = 1;
            }
            NDArray oneHot = sub.create(hot, new Shape(seeds, 1, t));
            NDArray e = eps.forward(x[k], oneHot);
            NDArray mean = x[k].sub(e.mul(schedule.epsFactor(step))).div(Math.sqrt(schedule.alpha(step)));
            NDArray z = sub.create(gaussians(batch), new Shape(seeds, batch, 2));
            x[k + 1] = mean.add(z.mul(schedule.sigma(step))).stopGradient();
        }
        return x;
    }

    /** Samples {@code n} chains per seed and returns every state as a Java array (seeds, n, 2). */
    public float[][] sampleTrajectories(int n) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray[] x = rollout(sub, n);
            float[][] out = new float[x.length][];
            for (int k = 0; k < x.length; k++) {
                out[k] = x[k].toFloatArray();
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ fine-tuning

    /** What one fine-tuning iteration measured, per seed. */
    public record IterationStats(double[] criticGap, double[] valueLoss, boolean generatorStepped) {
    }

    /**
     * One SFT-PG iteration on real batch {@code batchIndex} of the given permutations: rollout,
     * critic + baseline step, and a generator step when this is the n_critic-th iteration.
     */
    public IterationStats fineTuneIteration(int[][] perm, int batchIndex) {
        int b = settings.batch();
        IterationStats stats;
        try (NDManager sub = manager.newSubManager()) {
            NDArray[] x = rollout(sub, b);
            pushRollout(x);
            NDArray real = sub.create(realBatch(perm, batchIndex * b, b), new Shape(seeds, b, 2));
            double[][] losses = criticAndValueStep(sub, x, real);
            iterations++;
            boolean gen = iterations % settings.nCritic() == 0;
            if (gen) {
                generatorStep(sub);
                buffer.clear();
            }
            stats = new IterationStats(losses[0], losses[1], gen);
        }
        return stats;
    }

    /** Stores a rollout's transitions in the buffer the generator step samples from. */
    void pushRollout(NDArray[] x) {
        buffer.add(NDArrays.stack(new NDList(x)).toFloatArray());   // (T+1, seeds, b, 2)
    }

    /** One pass over the data; returns the mean critic gap mean f(x_0) - mean f(real) per seed. */
    public double[] fineTuneEpoch() {
        int[][] perm = permutations();
        double[] gap = new double[seeds];
        for (int i = 0; i < batchesPerEpoch(); i++) {
            IterationStats st = fineTuneIteration(perm, i);
            for (int s = 0; s < seeds; s++) {
                gap[s] += st.criticGap()[s] / batchesPerEpoch();
            }
        }
        return gap;
    }

    /** Critic and baseline update; returns {critic gap, value loss} per seed. */
    double[][] criticAndValueStep(NDManager sub, NDArray[] x, NDArray real) {
        int t = schedule.steps();
        int b = (int) real.getShape().get(1);
        NDArray fake = x[t];
        NDArray states = NDArrays.concat(new NDList(Arrays.copyOf(x, t)), 1);   // (S, T*b, 2)
        NDArray rolloutSteps = rolloutStepOneHot(sub, b);
        double[] gap;
        double[] vl;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = critic.forward(NDArrays.concat(new NDList(real, fake), 1));
            NDArray fReal = PerSeed.mean(out.get(":, :" + b + ", :"));
            NDArray fFake = PerSeed.mean(out.get(":, " + b + ":, :"));
            NDArray dLoss = fReal.sub(fFake);
            NDArray fx0 = critic.forward(fake);
            float c = settings.baselineCoupling();
            NDArray target = fx0.mul(c).add(fx0.stopGradient().mul(1 - c)).tile(new long[] {1, t, 1});
            NDArray vLoss = PerSeed.mean(value.forward(states, rolloutSteps).sub(target).square());
            gc.backward(dLoss.add(vLoss).sum());
            gap = toDoubles(dLoss.neg().toFloatArray());
            vl = toDoubles(vLoss.toFloatArray());
        }
        criticOpt.step();
        valueOpt.step();
        return new double[][] {gap, vl};
    }

    /** One-hot of the rollout index k for the blocks x[0..T-1] stacked along the batch axis. */
    private NDArray rolloutStepOneHot(NDManager sub, int b) {
        int t = schedule.steps();
        int[] idx = new int[seeds * t * b];
        for (int s = 0; s < seeds; s++) {
            for (int k = 0; k < t; k++) {
                Arrays.fill(idx, (s * t + k) * b, (s * t + k + 1) * b, k);
            }
        }
        return sub.create(idx, new Shape(seeds, (long) t * b)).oneHot(t);
    }

    /** Policy-gradient steps on mini-batches of buffered transitions. */
    void generatorStep(NDManager sub) {
        int b = settings.batch();
        int t = schedule.steps();
        int rollouts = buffer.size();
        int perRollout = t * b;                 // transitions per rollout and seed
        int total = rollouts * perRollout;
        int draws = Math.min(total, settings.nGenerator() * b);
        int[][] picks = new int[seeds][];
        for (int s = 0; s < seeds; s++) {
            picks[s] = partialPermutation(total, draws, noise[s]);
        }
        for (int m = 0; m + b <= draws; m += b) {
            float[] state = new float[seeds * b * 2];
            float[] next = new float[seeds * b * 2];
            float[] fin = new float[seeds * b * 2];
            int[] diffStep = new int[seeds * b];
            int[] valueStep = new int[seeds * b];
            float[] epsFactor = new float[seeds * b];
            float[] invSqrtAlpha = new float[seeds * b];
            float[] sigma = new float[seeds * b];
            for (int s = 0; s < seeds; s++) {
                for (int j = 0; j < b; j++) {
                    int id = picks[s][m + j];
                    int r = id / perRollout;
                    int k = (id % perRollout) / b;      // rollout index of the transition x[k] -> x[k+1]
                    int chain = id % b;
                    float[] traj = buffer.get(r);
                    int o = s * b * 2 + j * 2;
                    for (int d = 0; d < 2; d++) {
                        state[o + d] = traj[offset(k, s, chain, b) + d];
                        next[o + d] = traj[offset(k + 1, s, chain, b) + d];
                        fin[o + d] = traj[offset(t, s, chain, b) + d];
                    }
                    int step = t - 1 - k;
                    diffStep[s * b + j] = step;
                    valueStep[s * b + j] = k;
                    epsFactor[s * b + j] = (float) schedule.epsFactor(step);
                    invSqrtAlpha[s * b + j] = (float) (1 / Math.sqrt(schedule.alpha(step)));
                    sigma[s * b + j] = (float) schedule.sigma(step);
                }
            }
            Shape xs = new Shape(seeds, b, 2);
            Shape cs = new Shape(seeds, b, 1);
            NDArray st = sub.create(state, xs);
            NDArray nx = sub.create(next, xs);
            NDArray fn = sub.create(fin, xs);
            NDArray sg = sub.create(sigma, cs);
            NDArray adv = critic.forward(fn);
            if (settings.useBaseline()) {
                adv = adv.sub(value.forward(st, sub.create(valueStep, new Shape(seeds, b)).oneHot(t)));
            }
            adv = adv.stopGradient().reshape(seeds, b);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray e = eps.forward(st, sub.create(diffStep, new Shape(seeds, b)).oneHot(t));
                NDArray mean = st.sub(e.mul(sub.create(epsFactor, cs))).mul(sub.create(invSqrtAlpha, cs));
                NDArray logP = gaussianLogDensity(nx, mean, sg);
                gc.backward(adv.mul(logP).mean(new int[] {1}).sum());
            }
            generatorOpt.step();
        }
    }

    /**
     * log N(x; mean, sigma^2 I) summed over the last axis (the official toy's
     * Normal(mean, sigma).log_prob(x).sum(-1)); sigma broadcasts from (..., 1).
     */
    static NDArray gaussianLogDensity(NDArray x, NDArray mean, NDArray sigma) {
        int last = x.getShape().dimension() - 1;
        return x.sub(mean).div(sigma).square().mul(-0.5f).sub(sigma.log()).sub(HALF_LOG_2PI).sum(new int[] {last});
    }

    private int offset(int k, int s, int chain, int b) {
        return ((k * seeds + s) * b + chain) * 2;
    }

    // ------------------------------------------------------------------ helpers

    /** A fresh permutation of each seed's data. */
    public int[][] permutations() {
        int[][] p = new int[seeds][];
        for (int s = 0; s < seeds; s++) {
            p[s] = partialPermutation(nData, nData, noise[s]);
        }
        return p;
    }

    private float[] realBatch(int[][] perm, int from, int b) {
        float[] out = new float[seeds * b * 2];
        for (int s = 0; s < seeds; s++) {
            for (int j = 0; j < b; j++) {
                int row = perm[s][from + j];
                out[(s * b + j) * 2] = data[s][row * 2];
                out[(s * b + j) * 2 + 1] = data[s][row * 2 + 1];
            }
        }
        return out;
    }

    /** seeds x n x 2 standard normals, each seed from its own stream. */
    private float[] gaussians(int n) {
        float[] z = new float[seeds * n * 2];
        for (int s = 0; s < seeds; s++) {
            for (int i = 0; i < n * 2; i++) {
                z[s * n * 2 + i] = (float) noise[s].nextGaussian();
            }
        }
        return z;
    }

    /** The first k entries of a uniformly random permutation of 0..n-1 (partial Fisher-Yates). */
    static int[] partialPermutation(int n, int k, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return k == n ? a : Arrays.copyOf(a, k);
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
