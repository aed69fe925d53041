package org.reprobench.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Synthesises a spoken-word set with espeak-ng in the Google Speech Commands layout.
 *
 * <p>A "speaker" is a fixed espeak-ng configuration: an English accent, a voice variant, a base
 * speaking rate (wpm) and a base pitch. Each speaker says every word once; each utterance jitters
 * rate (+-10 %) and pitch (+-8), and is then post-processed with its own seeded randomness: silence
 * trimmed, resampled 22.05 kHz -> 16 kHz, a telephone band (p = 0.3) and a room reverb (p = 0.3),
 * a gain of -12..0 dB, a random position inside the 1 s clip, and background noise (white, pink,
 * brown or a mixture) at a random SNR. Speakers, not clips, are split into train, validation and
 * test, as in Speech Commands, so no configuration is shared across splits. espeak-ng is
 * deterministic, so the set is reproducible bit for bit for one espeak-ng version and seed.
 */
public final class SpokenWordsSynth {
    /** Bumped whenever the generation changes in a way that changes the files. */
    public static final int GENERATOR_VERSION = 1;

    /** The 35 words of Speech Commands v0.02. */
    public static final List<String> SPEECH_COMMANDS_WORDS = List.of("backward", "bed", "bird", "cat", "dog", "down", "eight", "five", "follow",
            "forward", "four", "go", "happy", "house", "learn", "left", "marvin", "nine", "no", "off", "on", "one", "right", "seven", "sheila", "six",
            "stop", "three", "tree", "two", "up", "visual", "wow", "yes", "zero");

    /** English accents of espeak-ng 1.51. */
    public static final List<String> ACCENTS = List.of("en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd",
            "en-029", "en-us-nyc");

    /** Voice variants ({@code !v/<name>}); those missing from the installed espeak-ng are dropped. */
    public static final List<String> VARIANTS = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "f1", "f2", "f3", "f4", "f5", "klatt",
            "klatt2", "klatt3", "klatt4", "croak", "whisper", "whisperf", "adam", "anika", "aunty", "benjamin", "boris", "caleb", "david", "ed",
            "edward", "grandma", "grandpa", "john", "linda", "max", "michel", "norbert", "paul", "pedro", "quincy", "rob", "robert", "steph",
            "travis", "victor", "zac");

    /**
     * @param words              the vocabulary (lower-case letters only)
     * @param speakers           speaker configurations; each says every word once
     * @param validationSpeakers how many of them form the validation split
     * @param testSpeakers       how many form the test split
     * @param seed               everything random derives from it
     * @param minSnrDb           lowest signal-to-noise ratio
     * @param maxSnrDb           highest
     * @param threads            espeak-ng processes run at once
     */
    public record Config(List<String> words, int speakers, int validationSpeakers, int testSpeakers, long seed, double minSnrDb,
                         double maxSnrDb, int threads) {
        public Config {
            words = List.copyOf(words);
            for (String w : words) {
                if (!w.matches("[a-z]+")) {
                    throw new IllegalArgumentException("word '" + w + "' must be lower-case letters");
                }
            }
            if (validationSpeakers + testSpeakers >= speakers) {
                throw new IllegalArgumentException("no training speakers left");
            }
        }

        /** The set {@code reprobench data prepare} makes: 35 words x 48 speakers = 1,680 clips. */
        public static Config standard() {
            return new Config(SPEECH_COMMANDS_WORDS, 48, 6, 6, 20_240_515L, 5.0, 25.0, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        }

        /** Identifies what the files depend on (not the thread count). */
        String fingerprint() {
            String s = GENERATOR_VERSION + "|" + words + "|" + speakers + "|" + validationSpeakers + "|" + testSpeakers + "|" + seed + "|" + minSnrDb + "|" + maxSnrDb
                    + "|" + ACCENTS + "|" + VARIANTS;
            return Checksums.sha256(s.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        }
    }

    /** One speaker configuration. */
    public record Speaker(String id, String accent, String variant, int wpm, int pitch, SpeechCommands.Split split) {
    }

    /** What a generation produced. */
    public record Summary(int clips, int cropped, double seconds, String espeakVersion) {
    }

    static final int RATE = SpeechCommands.SAMPLE_RATE;
    static final int ESPEAK_RATE = 22_050;

    private SpokenWordsSynth() {
    }

    /** The speakers of a configuration, limited to the variants this espeak-ng has. */
    static List<Speaker> speakers(Config c, List<String> variants) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        List<Speaker> out = new ArrayList<>();
        int[] order = SeededSampler.permute(c.speakers(), rng);
        for (int i = 0; i < c.speakers(); i++) {
            String id = HexFormat.of().toHexDigits(rng.nextInt());
            String accent = ACCENTS.get(rng.nextInt(ACCENTS.size()));
            String variant = variants.get(rng.nextInt(variants.size()));
            int wpm = 110 + rng.nextInt(121);  // 110..230
            int pitch = 15 + rng.nextInt(71);  // 15..85
            int rank = order[i];
            SpeechCommands.Split split = rank < c.testSpeakers() ? SpeechCommands.Split.TEST
                    : rank < c.testSpeakers() + c.validationSpeakers() ? SpeechCommands.Split.VALIDATION : SpeechCommands.Split.TRAIN;
            out.add(new Speaker(id, accent, variant, wpm, pitch, split));
        }
        return out;
    }

    /** espeak-ng's version line, or null when it is not installed. */
    static String espeakVersion() {
        if (!Tools.onPath("espeak-ng")) {
            return null;
        }
        try {
            Tools.Result r = Tools.run(List.of("espeak-ng", "--version"), null, 30);
            // "eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/..." -> keep the name and version
            return r.exitCode() == 0 ? new String(r.stdout(), StandardCharsets.UTF_8).trim().split("\\s+Data at:")[0] : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The variants of {@link #VARIANTS} that the installed espeak-ng has. */
    static List<String> availableVariants() throws IOException {
        Tools.Result r = Tools.run(List.of("espeak-ng", "--voices=variant"), null, 30);
        String text = new String(r.stdout(), StandardCharsets.UTF_8);
        Set<String> files = new java.util.HashSet<>();
        for (String line : text.split("\n")) {
            for (String f : line.trim().split("\\s+")) {
                if (f.startsWith("!v/")) {
                    files.add(f.substring(3));
                }
            }
        }
        return VARIANTS.stream().filter(files::contains).toList();
    }

    /** Writes the whole set into {@code dir} (created; should be empty). */
    public static Summary generate(Config c, Path dir) throws IOException {
        String version = espeakVersion();
        if (version == null) {
            throw new IOException("espeak-ng is not installed (sudo apt-get install -y espeak-ng)");
        }
        List<String> variants = availableVariants();
        if (variants.size() < 10) {
            throw new IOException("this espeak-ng has only " + variants.size() + " of the expected voice variants: " + variants);
        }
        long t0 = System.nanoTime();
        List<Speaker> speakers = speakers(c, variants);
        Files.createDirectories(dir);
        int total = speakers.size() * c.words().size();
        DataLog.info("synthesising " + total + " clips (" + c.words().size() + " words x " + speakers.size() + " speakers) with " + version
                + " on " + c.threads() + " thread(s) into " + dir);
        ExecutorService pool = Executors.newFixedThreadPool(c.threads());
        int cropped = 0;
        try (ProgressLine progress = ProgressLine.items("spoken words", total)) {
            List<Future<Boolean>> jobs = new ArrayList<>();
            for (int s = 0; s < speakers.size(); s++) {
                for (int w = 0; w < c.words().size(); w++) {
                    final int si = s;
                    final int wi = w;
                    jobs.add(pool.submit(() -> {
                        Speaker sp = speakers.get(si);
                        String word = c.words().get(wi);
                        SplittableRandom rng = new SplittableRandom(mix(c.seed(), si, wi));
                        Clip clip = renderClip(sp, word, c, rng);
                        Path file = dir.resolve(word).resolve(sp.id() + "_nohash_0.wav");
                        Files.createDirectories(file.getParent());
                        new WavFile(RATE, clip.samples()).write(file);
                        progress.add(1);
                        return clip.cropped();
                    }));
                }
            }
            for (Future<Boolean> f : jobs) {
                cropped += f.get() ? 1 : 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
        writeBackgroundNoise(dir, c.seed());
        writeSplitLists(dir, c, speakers);
        writeSpeakers(dir, speakers);
        writeGenerationNotes(dir, c, version, variants, total);
        return new Summary(total, cropped, (System.nanoTime() - t0) / 1e9, version);
    }

    record Clip(float[] samples, boolean cropped) {
    }

    /** One utterance, post-processed into exactly one second. */
    static Clip renderClip(Speaker sp, String word, Config c, SplittableRandom rng) throws IOException {
        int wpm = (int) Math.round(sp.wpm() * (0.9 + 0.2 * rng.nextDouble()));
        int pitch = Math.max(0, Math.min(99, sp.pitch() + rng.nextInt(17) - 8));
        Tools.Result r = Tools.run(List.of("espeak-ng", "-v", sp.accent() + "+" + sp.variant(), "-s", Integer.toString(wpm), "-p",
                Integer.toString(pitch), "--stdout", word), null, 60);
        if (r.exitCode() != 0) {
            throw new IOException("espeak-ng failed for '" + word + "' (" + sp + "): " + r.tail());
        }
        WavFile raw = WavFile.parse(r.stdout(), "espeak-ng output for " + word);
        return postProcess(raw, c, rng);
    }

    /** Everything after synthesis: trim, resample, effects, gain, placement in 1 s, noise. */
    static Clip postProcess(WavFile raw, Config c, SplittableRandom rng) {
        float[] speech = trimSilence(raw.samples(), raw.sampleRate());
        speech = Resampler.resample(speech, raw.sampleRate(), RATE);
        if (rng.nextDouble() < 0.3) {
            speech = SpeechEffects.telephone(speech, RATE);
        }
        if (rng.nextDouble() < 0.3) {
            speech = SpeechEffects.reverb(speech, RATE, rng.nextDouble(), 0.2 + 0.3 * rng.nextDouble());
            speech = trimSilence(speech, RATE);
        }
        boolean cropped = speech.length > RATE;
        if (cropped) {
            int start = rng.nextInt(speech.length - RATE + 1);
            speech = java.util.Arrays.copyOfRange(speech, start, start + RATE);
        }
        double peak = 0;
        for (float v : speech) {
            peak = Math.max(peak, Math.abs(v));
        }
        double gain = peak > 0 ? 0.9 * Math.pow(10, -12 * rng.nextDouble() / 20) / peak : 0;
        float[] out = new float[RATE];
        int offset = rng.nextInt(RATE - speech.length + 1);
        for (int i = 0; i < speech.length; i++) {
            out[offset + i] = (float) (speech[i] * gain);
        }
        double speechRms = NoiseGenerator.rms(out, offset, offset + speech.length);
        double snr = c.minSnrDb() + (c.maxSnrDb() - c.minSnrDb()) * rng.nextDouble();
        NoiseGenerator.Kind kind = NoiseGenerator.Kind.values()[rng.nextInt(NoiseGenerator.Kind.values().length)];
        float[] noise = NoiseGenerator.noise(kind, RATE, rng);
        double noiseRms = speechRms / Math.pow(10, snr / 20);
        for (int i = 0; i < RATE; i++) {
            out[i] = (float) Math.max(-1, Math.min(32767 / 32768.0, out[i] + noiseRms * noise[i]));
        }
        return new Clip(out, cropped);
    }

    /** Cuts leading and trailing frames (10 ms) more than 40 dB below the loudest, keeping 20 ms around the speech. */
    static float[] trimSilence(float[] x, int rate) {
        int frame = rate / 100;
        int frames = x.length / frame;
        if (frames == 0) {
            return x;
        }
        double[] rms = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            rms[f] = NoiseGenerator.rms(x, f * frame, (f + 1) * frame);
            max = Math.max(max, rms[f]);
        }
        double threshold = Math.max(max * 0.01, 1e-5);
        int first = 0;
        while (first < frames && rms[first] < threshold) {
            first++;
        }
        int last = frames - 1;
        while (last > first && rms[last] < threshold) {
            last--;
        }
        if (first >= frames) {
            return x;
        }
        int from = Math.max(0, (first - 2) * frame);
        int to = Math.min(x.length, (last + 3) * frame);
        return java.util.Arrays.copyOfRange(x, from, to);
    }

    static long mix(long seed, int a, int b) {
        long h = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return h * 0x9E3779B97F4A7C15L;
    }

    private static void writeBackgroundNoise(Path dir, long seed) throws IOException {
        Path noise = dir.resolve("_background_noise_");
        Files.createDirectories(noise);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EEDL);
        for (NoiseGenerator.Kind k : List.of(NoiseGenerator.Kind.WHITE, NoiseGenerator.Kind.PINK, NoiseGenerator.Kind.BROWN)) {
            float[] x = NoiseGenerator.noise(k, 10 * RATE, rng);
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.max(-1f, Math.min(0.999f, 0.1f * x[i]));
            }
            new WavFile(RATE, x).write(noise.resolve(k.name().toLowerCase() + "_noise.wav"));
        }
    }

    private static void writeSplitLists(Path dir, Config c, List<Speaker> speakers) throws IOException {
        List<String> validation = new ArrayList<>();
        List<String> testing = new ArrayList<>();
        for (String word : c.words()) {
            for (Speaker sp : speakers) {
                String rel = word + "/" + sp.id() + "_nohash_0.wav";
                if (sp.split() == SpeechCommands.Split.VALIDATION) {
                    validation.add(rel);
                } else if (sp.split() == SpeechCommands.Split.TEST) {
                    testing.add(rel);
                }
            }
        }
        validation.sort(null);
        testing.sort(null);
        Files.write(dir.resolve(SpeechCommands.VALIDATION_LIST), validation, StandardCharsets.UTF_8);
        Files.write(dir.resolve(SpeechCommands.TESTING_LIST), testing, StandardCharsets.UTF_8);
    }

    private static void writeSpeakers(Path dir, List<Speaker> speakers) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("speaker,accent,variant,wpm,pitch,split");
        for (Speaker s : speakers) {
            lines.add(String.join(",", s.id(), s.accent(), s.variant(), Integer.toString(s.wpm()), Integer.toString(s.pitch()),
                    s.split().name().toLowerCase()));
        }
        Files.write(dir.resolve("speakers.csv"), lines, StandardCharsets.UTF_8);
    }

    private static void writeGenerationNotes(Path dir, Config c, String version, List<String> variants, int clips) throws IOException {
        String text = "Synthetic spoken words (reprobench stand-in for Google Speech Commands), generator version " + GENERATOR_VERSION + "\n"
                + "synthesiser: " + version + "\n"
                + "words (" + c.words().size() + "): " + String.join(" ", c.words()) + "\n"
                + "speakers: " + c.speakers() + " (validation " + c.validationSpeakers() + ", test " + c.testSpeakers() + "); each says every word once\n"
                + "clips: " + clips + ", 1 s, 16 kHz mono 16-bit PCM\n"
                + "seed: " + c.seed() + "\n"
                + "accents: " + String.join(" ", ACCENTS) + "\n"
                + "variants available: " + String.join(" ", variants) + "\n"
                + "per speaker: rate U{110..230} wpm, pitch U{15..85}; per utterance: rate x U[0.9,1.1], pitch +U{-8..8}\n"
                + "post-processing: silence trim (-40 dB), resample 22050->16000 Hz, telephone band 300-3400 Hz (p=0.3),"
                + " Schroeder reverb (p=0.3), gain -12..0 dB, random position in 1 s, noise white/pink/brown/mixed at SNR U["
                + c.minSnrDb() + "," + c.maxSnrDb() + "] dB\n"
                + "splits: by speaker (validation_list.txt, testing_list.txt; the rest is training); speakers.csv lists each configuration\n";
        Files.writeString(dir.resolve("GENERATION.txt"), text, StandardCharsets.UTF_8);
    }

    /** SHA256SUMS of every file under dir (sorted by path, sha256sum format); returns the text. */
    static String sha256Sums(Path dir) throws IOException {
        TreeMap<String, String> sums = new TreeMap<>();
        try (var files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.equals("SHA256SUMS")) {
                    continue;
                }
                sums.put(rel, Checksums.sha256(p));
            }
        }
        StringBuilder sb = new StringBuilder();
        sums.forEach((rel, h) -> sb.append(h).append("  ").append(rel).append('\n'));
        return sb.toString();
    }
}
