package org.reprobench.papers.mamlspokenwords;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Meta-testing: each seed's meta-trained weights adapt to fresh tasks on the meta-test words (never
 * seen in meta-training) and are scored on the queries of all classes. The episodes of a seed and
 * cell depend only on the seed and the cell, so every method meets exactly the same episodes
 * (paired comparisons). Episodes are adapted {@code episodeChunk} at a time, as one batch of
 * learners.
 */
public final class Evaluator {
    /**
     * Per seed and episode: the final accuracy over all classes ([seed][episode]) and, per class
     * group, the final accuracy on that group's classes ([seed][episode][group]).
     */
    public record Scores(double[][] accuracy, double[][][] groupAccuracy) {
    }

    private final Setting setting;

    public Evaluator(Setting setting) {
        this.setting = setting;
    }

    /** Scores of {@code theta} ([S,...], one learner per seed) adapting with {@code method} on cell {@code plan}. */
    public Scores evaluate(Method method, Weights theta, long[] seeds, TaskPlan plan, SpokenWordBank words, NDArray bank, NDManager manager) {
        ContinualLearner learner = new ContinualLearner(method, setting.inner());
        int episodes = setting.testEpisodes();
        int chunk = Math.min(setting.episodeChunk(), episodes);
        double[][] acc = new double[seeds.length][episodes];
        double[][][] groups = new double[seeds.length][episodes][];
        List<Random> streams = new ArrayList<>();
        for (long seed : seeds) {
            streams.add(Streams.random(seed, "meta-test-episodes:K" + plan.shots() + ":N" + plan.classes()));
        }
        for (int done = 0; done < episodes; done += chunk) {
            int n = Math.min(chunk, episodes - done);
            List<Random> perTask = new ArrayList<>();
            for (Random r : streams) {
                for (int t = 0; t < n; t++) {
                    perTask.add(r);
                }
            }
            EpisodeBatch batch = EpisodeBatch.sample(plan, words, perTask);
            try (NDManager scope = manager.newSubManager()) {
                EpisodeTensors ep = new EpisodeTensors(batch, bank, setting.shape(), scope);
                Weights start = theta.repeatEach(n).map(a -> {
                    a.attach(scope);
                    return a;
                });
                ContinualLearner.QueryScores s = learner.score(learner.adapt(start, ep, scope), ep, scope);
                for (int i = 0; i < seeds.length; i++) {
                    for (int t = 0; t < n; t++) {
                        acc[i][done + t] = s.accuracy()[i * n + t];
                        groups[i][done + t] = s.groupAccuracy()[i * n + t];
                    }
                }
            }
        }
        return new Scores(acc, groups);
    }
}
