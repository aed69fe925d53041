package org.reprobench.papers.mamlspokenwords;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The outer loop: per step, each seed's learner adapts to {@code metaBatch} fresh meta-training
 * tasks, the meta-gradients are averaged over those tasks and Adam updates the starting weights.
 * All seeds train together (their weights are slices of the same arrays), but a seed's initial
 * weights and tasks come from its own random streams and its slices never mix with the others',
 * so its result does not depend on which seeds run alongside it. First-order meta-gradients, as
 * the official code (see {@link ContinualLearner#secondOrderMetaGradient} for why not second order).
 */
public final class MetaTrainer {
    /** Called after every outer step with the step index and the mean query accuracy per seed. */
    public interface Listener {
        void step(int step, double[] accuracyPerSeed);
    }

    private final Setting setting;
    private final ContinualLearner learner;
    public MetaTrainer(Setting setting, Method method) {
        this.setting = setting;
        this.learner = new ContinualLearner(method, setting.inner());
    }

    /**
     * Meta-trains from each seed's initial weights for the setting's outer steps; returns the
     * weights [S,...] attached to {@code manager}. A seed meets the same meta-training tasks
     * whatever the method.
     */
    public Weights train(long[] seeds, SpokenWordBank words, NDArray bank, NDManager manager, Listener listener) {
        Run run = start(seeds, words, bank, manager);
        for (int step = 0; step < setting.outerSteps(); step++) {
            double[] acc = run.step();
            if (listener != null) {
                listener.step(step, acc);
            }
        }
        return run.theta();
    }

    /** A meta-training run positioned before its first outer step. */
    public Run start(long[] seeds, SpokenWordBank words, NDArray bank, NDManager manager) {
        return new Run(seeds, words, bank, manager);
    }

    /** The state of one meta-training run: the weights, Adam's moments and each seed's task stream. */
    public final class Run {
        private final long[] seeds;
        private final SpokenWordBank words;
        private final NDArray bank;
        private final NDManager manager;
        private final Weights theta;
        private final List<Random> streams = new ArrayList<>();
        private final Adam adam;

        private Run(long[] seeds, SpokenWordBank words, NDArray bank, NDManager manager) {
            this.seeds = seeds.clone();
            this.words = words;
            this.bank = bank;
            this.manager = manager;
            this.theta = Weights.initial(manager, setting.shape(), seeds, bank.getDataType());
            for (long seed : seeds) {
                streams.add(Streams.random(seed, "meta-train-tasks"));
            }
            this.adam = Adam.builder().optLearningRateTracker(Tracker.fixed((float) setting.outerRate())).build();
        }

        public Weights theta() {
            return theta;
        }

        /** One outer step: sample tasks, adapt, meta-gradient, Adam. Returns the mean query accuracy per seed. */
        public double[] step() {
            int b = setting.metaBatch();
            List<Random> perTask = new ArrayList<>();
            for (Random r : streams) {
                for (int t = 0; t < b; t++) {
                    perTask.add(r);
                }
            }
            EpisodeBatch batch = EpisodeBatch.sample(setting.train(), words, perTask);
            try (NDManager scope = manager.newSubManager()) {
                EpisodeTensors ep = new EpisodeTensors(batch, bank, setting.shape(), scope);
                Weights start = theta.repeatEach(b).map(a -> {
                    a.attach(scope);
                    return a;
                });
                ContinualLearner.FirstOrderResult r = learner.queryGradient(learner.adapt(start, ep, scope), ep, scope);
                for (int i = 0; i < theta.size(); i++) {
                    // the mean over each seed's tasks of their query gradients at the adapted weights
                    NDArray g = r.gradients()[i];
                    Shape perSeed = new Shape(seeds.length, b).addAll(g.getShape().slice(1));
                    adam.update("theta." + i, theta.get(i), g.reshape(perSeed).mean(new int[] {1}));
                }
                return perSeedMean(r.scores().accuracy(), seeds.length, b);
            }
        }
    }

    static double[] perSeedMean(double[] perTask, int seeds, int tasksPerSeed) {
        double[] out = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            for (int t = 0; t < tasksPerSeed; t++) {
                out[s] += perTask[s * tasksPerSeed + t] / tasksPerSeed;
            }
        }
        return out;
    }
}
