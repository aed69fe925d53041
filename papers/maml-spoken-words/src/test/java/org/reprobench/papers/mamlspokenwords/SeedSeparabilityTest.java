package org.reprobench.papers.mamlspokenwords;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprobench.api.Profile;

/**
 * Seeds are trained and tested side by side as slices of the same arrays; a seed's numbers must
 * not depend on which other seeds run with it (the harness may shard seeds over processes).
 */
class SeedSeparabilityTest {
    private static SpokenWordBank trainWords;
    private static SpokenWordBank testWords;

    @BeforeAll
    static void setUp() {
        Torch.prepareThread();
        trainWords = SpokenWordBank.synthetic(8, 8, 21);
        testWords = SpokenWordBank.synthetic(6, 8, 22);
    }

    @Test
    void seedTwoAloneEqualsSeedTwoAmongThree() {
        Setting s = Setting.of(Profile.SMOKE);
        for (Method method : Method.values()) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray trainBank = trainWords.toNDArray(m, s.timePool());
                NDArray testBank = testWords.toNDArray(m, s.timePool());
                MetaTrainer trainer = new MetaTrainer(s, method);
                Weights three = trainer.train(new long[] {1, 2, 3}, trainWords, trainBank, m, null);
                Weights one = trainer.train(new long[] {2}, trainWords, trainBank, m, null);
                for (int i = 0; i < three.size(); i++) {
                    assertArrayEquals(one.get(i).toFloatArray(), three.get(i).get(1).toFloatArray(), 0f, method + " slot " + i);
                }
                Evaluator evaluator = new Evaluator(s);
                TaskPlan cell = s.train();
                Evaluator.Scores together = evaluator.evaluate(method, three, new long[] {1, 2, 3}, cell, testWords, testBank, m);
                Evaluator.Scores alone = evaluator.evaluate(method, one, new long[] {2}, cell, testWords, testBank, m);
                assertArrayEquals(alone.accuracy()[0], together.accuracy()[1], 0, method + " meta-test accuracies of seed 2");
            }
        }
    }
}
