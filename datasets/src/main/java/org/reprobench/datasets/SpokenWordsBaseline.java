package org.reprobench.datasets;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.reprobench.datasets.audio.SpokenWordFeatures;

/**
 * Reference classifiers on a Speech Commands folder (by default the espeak-ng stand-in), to show
 * how hard the set is: softmax regression on the flattened MFCC-39 (39 x 101) and a small CNN
 * (two 3x3 stride-2 convolutions with 16 and 32 channels, each followed by ReLU and batch
 * norm, then one linear layer, with or without a max over time before it), both trained with Adam on the training split and scored on the validation and
 * test splits (speakers disjoint from training). Needs a DJL engine at run time (the reprobench
 * CLI has PyTorch): {@code reprobench data baseline}.
 */
public final class SpokenWordsBaseline {

    /** Accuracies of one model. */
    public record Result(String model, int trainClips, int testClips, int classes, int epochs, double trainAccuracy, double validationAccuracy,
                         double testAccuracy, double seconds) {
        @Override
        public String toString() {
            return String.format("%-34s classes %d, train %d clips, %d epochs: accuracy train %.3f, validation %.3f, test %.3f (%.0f s)", model, classes,
                    trainClips, epochs, trainAccuracy, validationAccuracy, testAccuracy, seconds);
        }
    }

    private static final int SIZE = SpokenWordFeatures.ROWS * SpokenWordFeatures.FRAMES;

    private SpokenWordsBaseline() {
    }

    public static List<Result> run(Path root, long seed, int epochs) throws IOException, TranslateException {
        SpokenWordDataset train = SpokenWordDataset.builder(root).optSplit(SpeechCommands.Split.TRAIN).optSeededSampling(32, seed).build();
        List<String> words = train.words();
        SpokenWordDataset val = SpokenWordDataset.builder(root).optSplit(SpeechCommands.Split.VALIDATION).optWords(words).optSeededSampling(64, seed).build();
        SpokenWordDataset test = SpokenWordDataset.builder(root).optSplit(SpeechCommands.Split.TEST).optWords(words).optSeededSampling(64, seed).build();
        DataLog.info("computing MFCC-39 features of " + (train.size() + val.size() + test.size()) + " clips");
        train.prepare(null);
        val.prepare(null);
        test.prepare(null);
        int classes = words.size();
        List<Result> results = new ArrayList<>();
        results.add(fit("softmax regression (MFCC-39 flat)", () -> new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder()
                .setUnits(classes).build()), train, val, test, classes, seed, epochs, 1e-3f));
        results.add(fit("small CNN (2 conv, 16/32 channels)", () -> smallCnn(classes, false), train, val, test, classes, seed, epochs, 1e-3f));
        results.add(fit("small CNN, max over time", () -> smallCnn(classes, true), train, val, test, classes, seed, epochs, 1e-3f));
        return results;
    }

    /** Two conv blocks then a linear layer; with {@code maxOverTime} the feature maps are max-pooled along time first (shift invariance). */
    static Block smallCnn(int classes, boolean maxOverTime) {
        SequentialBlock b = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).setFilters(16).build())
                .add(Activation::relu).add(BatchNorm.builder().build())
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).setFilters(32).build())
                .add(Activation::relu).add(BatchNorm.builder().build());
        if (maxOverTime) {
            b.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().max(new int[] {3}))));
        }
        return b.add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(classes).build());
    }

    static Result fit(String name, Supplier<Block> block, SpokenWordDataset train, SpokenWordDataset val, SpokenWordDataset test, int classes, long seed,
                      int epochs, float lr) throws IOException, TranslateException {
        long t0 = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance(name)) {
            model.setBlock(block.get());
            ArrayDataset trainSet = toArray(train, manager, 32, seed);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 1, 39, 101));
                for (int e = 0; e < epochs; e++) {
                    for (Batch b : trainer.iterateDataset(trainSet)) {
                        EasyTrain.trainBatch(trainer, b);
                        trainer.step();
                        b.close();
                    }
                }
                ParameterStore ps = new ParameterStore(manager, false);
                double trainAcc = accuracy(model, ps, train, manager);
                double valAcc = accuracy(model, ps, val, manager);
                double testAcc = accuracy(model, ps, test, manager);
                return new Result(name, train.clips().size(), test.clips().size(), classes, epochs, trainAcc, valAcc, testAcc, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    static ArrayDataset toArray(SpokenWordDataset d, NDManager manager, int batch, long seed) {
        int n = d.clips().size();
                FloatBuffer x = FloatBuffer.allocate(n * SIZE);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x.put(d.features(i));
            y[i] = d.label(i);
        }
        x.flip();
        return new ArrayDataset.Builder().setData(manager.create(x, new Shape(n, 1, 39, 101))).optLabels(manager.create(y))
                .setSampling(SeededSampler.batches(seed, batch, false)).build();
    }

    static double accuracy(Model model, ParameterStore ps, SpokenWordDataset d, NDManager manager) {
        int n = d.clips().size();
        if (n == 0) {
            return Double.NaN;
        }
        try (NDManager sub = manager.newSubManager()) {
            FloatBuffer x = FloatBuffer.allocate(n * SIZE);
            for (int i = 0; i < n; i++) {
                x.put(d.features(i));
            }
            x.flip();
            NDArray logits = model.getBlock().forward(ps, new NDList(sub.create(x, new Shape(n, 1, 39, 101))), false).singletonOrThrow();
            long[] predicted = logits.argMax(1).toLongArray();
            int correct = 0;
            for (int i = 0; i < n; i++) {
                correct += predicted[i] == d.label(i) ? 1 : 0;
            }
            return correct / (double) n;
        }
    }

    /** {@code java -cp <classpath with a DJL engine> org.reprobench.datasets.SpokenWordsBaseline [root] [epochs] [seed]}. */
    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : StandIns.spokenWords();
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        for (Result r : run(root, seed, epochs)) {
            System.out.println(r);
        }
    }
}
