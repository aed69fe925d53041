package org.reprobench.papers.hawkesgranger;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The worked example of the official code (README of SongWei-GT/two-phase-MHP): d = 5 types,
 * decay beta = 0.8, horizon T = 240, M = 100 sequences drawn with numpy seed 1234 from the ground
 * truth below, which the official recipe {@code my_rand_DAG(5)} produces (see {@link DagRecipe}).
 * The 12,447 events ship as a resource and are checked against their SHA-256 on every load.
 */
public final class ExampleData {
    public static final int TYPES = 5;
    public static final double BETA = 0.8;
    public static final double HORIZON = 240;
    public static final int SEQUENCES = 100;
    /** Memory (time units) of the gradients in both phases, and of the monitoring log-likelihood. */
    public static final double GRADIENT_MEMORY = 8;
    public static final double MONITOR_MEMORY = 16;
    /** Seeds of the official example: data generation, phase-1 initial point, ground-truth recipe. */
    public static final long DATA_SEED = 1234;
    public static final long INIT_SEED = 1234;
    public static final long DAG_SEED = 6789;

    public static final String RESOURCE = "hawkes-two-phase-example-events.txt";
    public static final String SHA256 = "75d1b82408059fafea8a0c39acdb512e5fe9968dc470c03de474d06f49fbaa6d";
    public static final String LABEL = "two-phase-MHP README example: 100 sequences, 12,447 events (numpy seed 1234)";

    /** Ground truth of the example (row i = target type, column j = source type). */
    public static final double[] TRUE_MU = {0.1, 0.1, 0.1, 0.1, 0.0};
    public static final double[][] TRUE_A = {
        {0.0, 0.0, 0.0, 0.0, 0.0},
        {0.1, 0.0, 0.0, 0.0, 0.2},
        {0.1, 0.4, 0.0, -0.5, 0.2},
        {0.0, -0.3, 0.3, 0.0, 0.1},
        {0.3, 0.0, 0.0, 0.0, 0.0},
    };

    private ExampleData() {
    }

    /** The example's events, verified against {@link #SHA256}. */
    public static EventSequences load() throws IOException {
        byte[] bytes;
        try (InputStream in = ExampleData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " is missing from the hawkes-granger module");
            }
            bytes = in.readAllBytes();
        }
        String sha = sha256(bytes);
        if (!SHA256.equals(sha)) {
            throw new IOException("resource " + RESOURCE + " has SHA-256 " + sha + ", expected " + SHA256
                    + ": restore it from the official example (see the module README)");
        }
        return EventSequences.parse(new StringReader(new String(bytes, StandardCharsets.US_ASCII)), TYPES);
    }

    /**
     * Phase 1's initial point of the example: {@code np.random.seed(1234); |rand(1, d)| * 0.05}
     * (A starts at zero).
     */
    public static double[] initialMu() {
        double[] mu = new Mt19937(INIT_SEED).nextDoubles(TYPES);
        for (int i = 0; i < mu.length; i++) {
            mu[i] = Math.abs(mu[i]) * 0.05;
        }
        return mu;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
