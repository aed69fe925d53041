package org.reprobench.papers.mamlspokenwords;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.reprobench.datasets.SpeechCommands;
import org.reprobench.datasets.audio.SpokenWordFeatures;

/**
 * MFCC-39 x 101 features of the clips of some words of a Speech Commands folder (the real set or
 * the espeak-ng stand-in), kept in memory: clip c of word w is {@code clips(w)[c]}. Features come
 * from the datasets module ({@link SpokenWordFeatures}: the official code's librosa MFCCs, deltas,
 * global normalisation, 101 frames). Computing them takes seconds, so banks are cached per
 * (folder, words, clips per word) for the life of the JVM and shared by the claims.
 */
public final class SpokenWordBank {
    /**
     * The official code's word split of Google Speech Commands: its training and validation words
     * (we meta-train on both, having no checkpoint selection) plus "on", which it leaves out.
     */
    public static final List<String> META_TRAIN_WORDS = List.of("forward", "off", "left", "go", "no", "down", "one", "zero", "five",
            "learn", "backward", "three", "four", "nine", "up", "stop", "follow", "right", "yes", "seven", "six", "eight", "visual", "two", "on");
    /** Its test words ("the auxiliary words"): never seen in meta-training. */
    public static final List<String> META_TEST_WORDS = List.of("bed", "bird", "cat", "dog", "happy", "house", "marvin", "sheila", "tree", "wow");

    public static final int FEATURES = SpokenWordFeatures.ROWS * SpokenWordFeatures.FRAMES;

    private static final Map<String, SpokenWordBank> CACHE = new ConcurrentHashMap<>();

    private final List<String> words;
    private final float[][] features;
    private final int[][] clipsByWord;

    SpokenWordBank(List<String> words, float[][] features, int[][] clipsByWord) {
        this.words = List.copyOf(words);
        this.features = features;
        this.clipsByWord = clipsByWord;
    }

    /**
     * The bank of {@code words}, with at most {@code perWord} clips of each (the first speakers in
     * the folder's order; 0 for all).
     */
    public static SpokenWordBank load(Path root, List<String> words, int perWord) throws IOException {
        String key = root.toAbsolutePath() + "|" + words + "|" + perWord;
        SpokenWordBank cached = CACHE.get(key);
        if (cached == null) {
            cached = compute(root, words, perWord);
            CACHE.put(key, cached);
        }
        return cached;
    }

    private static SpokenWordBank compute(Path root, List<String> words, int perWord) throws IOException {
        List<SpeechCommands.Clip> all = SpeechCommands.index(root);
        List<SpeechCommands.Clip> chosen = new ArrayList<>();
        int[][] byWord = new int[words.size()][];
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            List<SpeechCommands.Clip> mine = all.stream().filter(c -> c.word().equals(word))
                    .sorted(Comparator.comparing(SpeechCommands.Clip::path)).toList();
            if (perWord > 0 && mine.size() > perWord) {
                mine = mine.subList(0, perWord);
            }
            if (mine.isEmpty()) {
                throw new IOException(root + " has no clips of the word '" + word + "'");
            }
            byWord[w] = new int[mine.size()];
            for (int c = 0; c < mine.size(); c++) {
                byWord[w][c] = chosen.size();
                chosen.add(mine.get(c));
            }
        }
        return new SpokenWordBank(words, features(root, chosen), byWord);
    }

    private static float[][] features(Path root, List<SpeechCommands.Clip> clips) throws IOException {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[]>> jobs = clips.stream()
                    .map(c -> pool.submit(() -> SpokenWordFeatures.mfcc39(SpeechCommands.load(root, c)))).toList();
            float[][] out = new float[clips.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = jobs.get(i).get();
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while computing features", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Random stand-in features of the right size (Gaussian noise plus a bump on one MFCC row per
     * word, so that the words can be told apart): for benchmarks and tests, never for claims.
     */
    public static SpokenWordBank synthetic(int words, int clipsPerWord, long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<String> names = new ArrayList<>();
        float[][] features = new float[words * clipsPerWord][FEATURES];
        int[][] byWord = new int[words][clipsPerWord];
        for (int w = 0; w < words; w++) {
            names.add("synthetic-" + w);
            for (int c = 0; c < clipsPerWord; c++) {
                int row = w * clipsPerWord + c;
                byWord[w][c] = row;
                for (int i = 0; i < FEATURES; i++) {
                    boolean bump = i / SpokenWordFeatures.FRAMES == w % SpokenWordFeatures.ROWS;
                    features[row][i] = (float) (r.nextGaussian() + (bump ? 1.5 : 0));
                }
            }
        }
        return new SpokenWordBank(names, features, byWord);
    }

    public List<String> words() {
        return words;
    }

    public int wordCount() {
        return words.size();
    }

    /** Bank rows of the clips of word w. */
    public int[] clips(int w) {
        return clipsByWord[w];
    }

    /** The smallest number of clips any word has: an episode needs 2K of each. */
    public int minClipsPerWord() {
        int min = Integer.MAX_VALUE;
        for (int[] c : clipsByWord) {
            min = Math.min(min, c.length);
        }
        return min;
    }

    public int size() {
        return features.length;
    }

    /**
     * All features as one [clips, 39 * frames] array, for gathering batches on the DJL side. With
     * {@code timePool} > 1, each run of that many consecutive frames is averaged (a longer hop:
     * 2 gives 50 frames of 20 ms from the 101 frames of 10 ms; a trailing partial run is dropped).
     */
    public NDArray toNDArray(NDManager manager, int timePool) {
        int rows = SpokenWordFeatures.ROWS;
        int frames = framesAfterPooling(timePool);
        float[] flat = new float[features.length * rows * frames];
        for (int i = 0; i < features.length; i++) {
            float[] f = features[i];
            int base = i * rows * frames;
            for (int r = 0; r < rows; r++) {
                for (int t = 0; t < frames; t++) {
                    float sum = 0;
                    for (int j = 0; j < timePool; j++) {
                        sum += f[r * SpokenWordFeatures.FRAMES + t * timePool + j];
                    }
                    flat[base + r * frames + t] = sum / timePool;
                }
            }
        }
        return manager.create(flat, new Shape(features.length, (long) rows * frames));
    }

    /** Frames per clip after averaging runs of {@code timePool} frames. */
    public static int framesAfterPooling(int timePool) {
        if (timePool < 1) {
            throw new IllegalArgumentException("time pooling must be at least 1: " + timePool);
        }
        return SpokenWordFeatures.FRAMES / timePool;
    }
}
