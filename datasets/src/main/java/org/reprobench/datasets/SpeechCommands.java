package org.reprobench.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Google Speech Commands folder layout, shared by the real set and the espeak-ng stand-in:
 * {@code <word>/<speaker>_nohash_<n>.wav} (1 s, 16 kHz mono 16-bit PCM), folders starting with
 * {@code _} (background noise) are not words, and the official split is given by
 * {@code validation_list.txt} and {@code testing_list.txt} (relative paths); every other clip is
 * training.
 */
public final class SpeechCommands {
    public static final int SAMPLE_RATE = 16_000;
    public static final String VALIDATION_LIST = "validation_list.txt";
    public static final String TESTING_LIST = "testing_list.txt";

    public enum Split { TRAIN, VALIDATION, TEST }

    /**
     * @param word    the folder name
     * @param path    path relative to the root, with '/' separators (as in the split lists)
     * @param speaker the part of the file name before {@code _nohash_}
     * @param split   from the split lists
     */
    public record Clip(String word, String path, String speaker, Split split) {
    }

    private SpeechCommands() {
    }

    /** All clips under {@code root}, sorted by path. */
    public static List<Clip> index(Path root) throws IOException {
        Set<String> validation = readList(root.resolve(VALIDATION_LIST));
        Set<String> testing = readList(root.resolve(TESTING_LIST));
        List<Clip> clips = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String word = dir.getFileName().toString();
                if (word.startsWith("_") || word.startsWith(".")) {
                    continue;
                }
                try (Stream<Path> wavs = Files.list(dir)) {
                    for (Path wav : wavs.filter(p -> p.getFileName().toString().endsWith(".wav")).sorted().toList()) {
                        String rel = word + "/" + wav.getFileName();
                        Split split = testing.contains(rel) ? Split.TEST : validation.contains(rel) ? Split.VALIDATION : Split.TRAIN;
                        clips.add(new Clip(word, rel, speakerOf(wav.getFileName().toString()), split));
                        seen.add(rel);
                    }
                }
            }
        }
        for (Set<String> list : List.of(validation, testing)) {
            for (String rel : list) {
                if (!seen.contains(rel)) {
                    throw new IOException(root + ": split list names " + rel + ", which does not exist");
                }
            }
        }
        return clips;
    }

    /** The sorted word list of some clips (class index = position). */
    public static List<String> words(List<Clip> clips) {
        return List.copyOf(new TreeSet<>(clips.stream().map(Clip::word).toList()));
    }

    public static List<Clip> split(List<Clip> clips, Split split) {
        return clips.stream().filter(c -> c.split() == split).toList();
    }

    /** Exactly one second of audio (zero-padded or cut), checked to be 16 kHz. */
    public static float[] load(Path root, Clip clip) throws IOException {
        WavFile w = WavFile.read(root.resolve(clip.path()));
        if (w.sampleRate() != SAMPLE_RATE) {
            throw new IOException(clip.path() + ": " + w.sampleRate() + " Hz, expected " + SAMPLE_RATE);
        }
        return WavFile.fit(w.samples(), SAMPLE_RATE);
    }

    static String speakerOf(String fileName) {
        int i = fileName.indexOf("_nohash_");
        return i > 0 ? fileName.substring(0, i) : fileName.replaceFirst("\\.wav$", "");
    }

    private static Set<String> readList(Path list) throws IOException {
        if (!Files.isRegularFile(list)) {
            throw new IOException("missing split list " + list + " (Speech Commands layout)");
        }
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String s = line.trim();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
