package org.reprobench.papers.mamlspokenwords;

import java.util.ArrayList;
import java.util.List;
import org.reprobench.api.Profile;

/**
 * Everything one profile runs: the model, the meta-training task and inner loop, the outer loop,
 * the evaluation grid and how much data to load.
 *
 * @param shape           the classifier
 * @param train           meta-training tasks (N = the largest final number of classes evaluated)
 * @param inner           inner-loop steps and step size
 * @param outerRate       Adam's step size in the outer loop
 * @param metaBatch       tasks per outer step (their meta-gradients are averaged)
 * @param outerSteps      outer steps (meta-training tasks = outerSteps x metaBatch)
 * @param shotGrid        K values evaluated at N = train.classes()
 * @param classGrid       final N values evaluated at K = train.shots() (prefixes of the training task)
 * @param testEpisodes    meta-test episodes per seed and (K, N) cell, the same for every method
 * @param episodeChunk    episodes adapted together in one batched inner loop
 * @param trainWords      meta-training vocabulary
 * @param testWords       meta-test vocabulary (disjoint)
 * @param clipsPerWord    clips loaded per word (0: all)
 * @param timePool        consecutive MFCC frames averaged into one (1: the official 101 frames)
 */
public record Setting(CnnShape shape, TaskPlan train, ContinualLearner.Config inner, double outerRate, int metaBatch, int outerSteps,
                      int[] shotGrid, int[] classGrid, int testEpisodes, int episodeChunk, List<String> trainWords, List<String> testWords,
                      int clipsPerWord, int timePool) {

    public static Setting of(Profile profile) {
        return switch (profile) {
            // seconds: a few outer steps of a tiny network on a few words; only checks that everything runs
            case SMOKE -> new Setting(new CnnShape(2, 4, 16, 6, 39, 50, true), new TaskPlan(6, 3, 2, 2),
                    new ContinualLearner.Config(3, 2, 0.1), 1e-3, 2, 2, new int[] {1, 3}, new int[] {4, 6}, 4, 4,
                    SpokenWordBank.META_TRAIN_WORDS.subList(0, 8), SpokenWordBank.META_TEST_WORDS.subList(0, 6), 8, 2);
            // minutes on 2 cores: a scaled-down network (8 channels, 32 features, 50 frames of 20 ms), a
            // shorter inner loop with a larger step (6 initial and 3 later steps at 0.05), Adam 5e-3 on
            // 8 tasks per step, 800 meta-training tasks per method, 200 meta-test episodes per cell
            case CI -> new Setting(new CnnShape(4, 8, 32, 8, 39, 50, true), new TaskPlan(8, 5, 2, 2),
                    new ContinualLearner.Config(6, 3, 0.05), 5e-3, 8, 100, new int[] {1, 5, 10}, new int[] {4, 6, 8}, 200, 50,
                    SpokenWordBank.META_TRAIN_WORDS, SpokenWordBank.META_TEST_WORDS, 0, 2);
            // the official code's setting on Google Speech Commands: N = 10 (its 10 test words), CS = CA = 2,
            // 30 initial and 5 later steps at 1e-3, Adam 1e-4, 4 tasks per step, ~365,000 tasks (its OML
            // checkpoint's epoch 365 x 1000 tasks); K grid from its k_shot_accuracy plot
            case PAPER -> new Setting(CnnShape.official(10), new TaskPlan(10, 5, 2, 2),
                    new ContinualLearner.Config(30, 5, 1e-3), 1e-4, 4, 91_250, new int[] {1, 5, 20, 50}, new int[] {4, 6, 8, 10}, 1000, 50,
                    SpokenWordBank.META_TRAIN_WORDS, SpokenWordBank.META_TEST_WORDS, 500, 1);
        };
    }

    /** The (K, N) cells evaluated: the K grid at the training N, then the N grid at the training K. */
    public List<TaskPlan> cells() {
        List<TaskPlan> out = new ArrayList<>();
        for (int k : shotGrid) {
            out.add(train.withShots(k));
        }
        for (int n : classGrid) {
            TaskPlan p = train.withClasses(n);
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
