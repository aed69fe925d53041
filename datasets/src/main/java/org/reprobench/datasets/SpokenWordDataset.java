package org.reprobench.datasets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.reprobench.datasets.audio.FeatureConfig;
import org.reprobench.datasets.audio.LogMel;
import org.reprobench.datasets.audio.SpokenWordFeatures;

/**
 * Clips of a Speech Commands folder (the real set or the espeak-ng stand-in) as a DJL dataset.
 * Features are computed once, in {@link #prepare} (or on first access), and kept in memory:
 * {@link Features#MFCC39} gives data (1, 39, 101); {@link Features#LOG_MEL} (1, 128, 101) in dB;
 * {@link Features#WAVEFORM} the 16,000 samples. The label is the word's index in
 * {@link #words()} (sorted words of the selected clips, or the list given), as a float32 scalar.
 */
public final class SpokenWordDataset extends RandomAccessDataset {
    public enum Features { MFCC39, LOG_MEL, WAVEFORM }

    private final Path root;
    private final List<SpeechCommands.Clip> clips;
    private final List<String> words;
    private final Features features;
    private volatile float[][] cache;

    private SpokenWordDataset(Builder b) throws IOException {
        super(b);
        this.root = b.root;
        List<SpeechCommands.Clip> all = SpeechCommands.index(root);
        List<String> wanted = b.words;
        this.clips = all.stream().filter(c -> b.split == null || c.split() == b.split).filter(c -> wanted == null || wanted.contains(c.word())).toList();
        this.words = wanted != null ? List.copyOf(wanted) : SpeechCommands.words(clips);
        this.features = b.features;
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    public List<String> words() {
        return words;
    }

    public List<SpeechCommands.Clip> clips() {
        return clips;
    }

    public int label(int index) {
        return words.indexOf(clips.get(index).word());
    }

    /** The feature vector of clip i (row-major), computing all features on first use. */
    public float[] features(int i) {
        if (cache == null) {
            try {
                prepare(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cache[i];
    }

    public Shape shape() {
        return switch (features) {
            case MFCC39 -> new Shape(1, SpokenWordFeatures.ROWS, SpokenWordFeatures.FRAMES);
            case LOG_MEL -> new Shape(1, FeatureConfig.mamlSpokenWords().nMels(), FeatureConfig.mamlSpokenWords().frames(SpeechCommands.SAMPLE_RATE));
            case WAVEFORM -> new Shape(SpeechCommands.SAMPLE_RATE);
        };
    }

    @Override
    public Record get(NDManager manager, long index) {
        int i = Math.toIntExact(index);
        NDArray x = manager.create(features(i), shape());
        NDArray y = manager.create((float) label(i));
        return new Record(new NDList(x), new NDList(y));
    }

    @Override
    protected long availableSize() {
        return clips.size();
    }

    @Override
    public synchronized void prepare(Progress progress) throws IOException {
        if (cache != null) {
            return;
        }
        float[][] out = new float[clips.size()][];
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[]>> jobs = clips.stream().map(c -> pool.submit(() -> compute(SpeechCommands.load(root, c)))).toList();
            if (progress != null) {
                progress.reset("features", clips.size());
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = jobs.get(i).get();
                if (progress != null) {
                    progress.increment(1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        cache = out;
    }

    private float[] compute(float[] samples) {
        return switch (features) {
            case MFCC39 -> SpokenWordFeatures.mfcc39(samples);
            case LOG_MEL -> flatten(LogMel.compute(samples, FeatureConfig.mamlSpokenWords()));
            case WAVEFORM -> samples;
        };
    }

    static float[] flatten(double[][] m) {
        int cols = m.length == 0 ? 0 : m[0].length;
        float[] out = new float[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = (float) m[r][c];
            }
        }
        return out;
    }

    /** Builder: the split, the words (and their class order), the features and a sampler. */
    public static final class Builder extends BaseBuilder<Builder> {
        private final Path root;
        private SpeechCommands.Split split;
        private List<String> words;
        private Features features = Features.MFCC39;

        Builder(Path root) {
            this.root = root;
        }

        public Builder optSplit(SpeechCommands.Split split) {
            this.split = split;
            return this;
        }

        /** Only these words, with class index = position in this list. */
        public Builder optWords(List<String> words) {
            this.words = List.copyOf(words);
            return this;
        }

        public Builder optFeatures(Features features) {
            this.features = features;
            return this;
        }

        public Builder optSeededSampling(int batchSize, long seed) {
            return setSampling(SeededSampler.batches(seed, batchSize, false));
        }

        @Override
        protected Builder self() {
            return this;
        }

        public SpokenWordDataset build() throws IOException {
            return new SpokenWordDataset(this);
        }
    }
}
