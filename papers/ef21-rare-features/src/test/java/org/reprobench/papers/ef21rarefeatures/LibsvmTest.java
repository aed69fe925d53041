package org.reprobench.papers.ef21rarefeatures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprobench.api.ClaimSkipped;
import org.reprobench.api.Outcome;
import org.reprobench.datasets.DataHome;

class LibsvmTest {

    /** A random sparse binary-classification set in LIBSVM format, labels +1/-1 from a planted linear rule. */
    static String generated(int samples, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = rng.doubles(features, -1, 1).toArray();
        StringBuilder sb = new StringBuilder("# generated for a test\n");
        for (int s = 0; s < samples; s++) {
            StringBuilder row = new StringBuilder();
            double score = 0;
            for (int j = 1; j <= features; j++) {
                if (rng.nextDouble() < 0.3) {
                    double v = rng.nextInt(3) + 1;
                    row.append(' ').append(j).append(':').append(v);
                    score += w[j - 1] * v;
                }
            }
            sb.append(score > 0 ? "+1" : "-1").append(row).append(s % 7 == 0 ? "  \n\n" : "\n");
        }
        return sb.toString();
    }

    @Test
    void parsesTheFormat() throws IOException {
        String text = "+1 1:0.5 3:2 # comment\n\n-1 2:1e-1\n1 4:7   \n";
        LibsvmFile f = LibsvmFile.parse(new BufferedReader(new StringReader(text)), "inline");
        assertArrayEquals(new double[] {1, -1, 1}, f.labels());
        assertArrayEquals(new int[] {1, 3}, f.indices()[0]);
        assertArrayEquals(new double[] {0.5, 2}, f.values()[0]);
        assertArrayEquals(new double[] {0.1}, f.values()[1]);
        assertEquals(4, f.maxIndex());
    }

    @Test
    void rejectsMalformedLinesWithTheirLineNumber() {
        IOException e = assertThrows(IOException.class,
                () -> LibsvmFile.parse(new BufferedReader(new StringReader("+1 1:1\n-1 3:1 2:1\n")), "bad"));
        assertTrue(e.getMessage().startsWith("bad:2:"), e.getMessage());
        assertThrows(IOException.class, () -> LibsvmFile.parse(new BufferedReader(new StringReader("+1 x:1\n")), "bad"));
        assertThrows(IOException.class, () -> LibsvmFile.parse(new BufferedReader(new StringReader("yes 1:1\n")), "bad"));
        assertThrows(IOException.class, () -> LibsvmFile.parse(new BufferedReader(new StringReader("+1 1:\n")), "bad"));
        assertThrows(IOException.class, () -> LibsvmFile.parse(new BufferedReader(new StringReader("\n# only\n")), "bad"));
    }

    @Test
    void generatedFileRoundTripsAndSplitsOverClients(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("toy");
        Files.writeString(file, generated(230, 12, 5));
        LibsvmFile f = LibsvmFile.read(file);
        assertEquals(230, f.samples());
        try (NDManager manager = NDManager.newBaseManager()) {
            LogisticClients c = LogisticClients.build(f, 7, 0.9, 1, manager);
            assertEquals(7, c.n());
            assertEquals(207 / 7, c.m()); // 90% of 230 = 207 rows, remainder dropped
            assertEquals(f.maxIndex() + 1, c.d());
            for (int row = 0; row < c.n() * c.m(); row++) {
                assertEquals(1.0, c.a()[row * c.d()], "bias column");
                assertTrue(c.y()[row] == 0 || c.y()[row] == 1);
            }
            // L = lambda_max(A'A)/(4N), checked against the Jacobi solver
            int d = c.d();
            double[][] gram = new double[d][d];
            for (int row = 0; row < c.n() * c.m(); row++) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        gram[i][j] += c.a()[row * d + i] * c.a()[row * d + j];
                    }
                }
            }
            assertEquals(org.reprobench.api.SymmetricEigen.of(gram).values()[0] / (4.0 * c.n() * c.m()), c.l(), 1e-10 * c.l());
            assertTrue(c.l() <= c.lMax() + 1e-12);
            assertTrue(c.cEmpirical() >= 1 && c.cEmpirical() <= c.n());

            Outcome o = LibsvmExperiment.compare(c, 300, 50, manager, t -> { });
            assertTrue(Double.isFinite(o.value()) && o.value() > 0);
            assertTrue(o.metrics().get("final_gradnormsq_new") < o.metrics().get("gradnormsq_start"));
            double cn = o.metrics().get("last_adaptive_c_over_n");
            assertTrue(cn > 0 && cn <= 1, String.format(Locale.ROOT, "adaptive c/n %f", cn));
        }
    }

    @Test
    void missingFileOfflineIsSkippedWithWhereToPutIt(@TempDir Path dir) throws IOException, ClaimSkipped {
        DataHome offline = new DataHome(dir, true);
        ClaimSkipped e = assertThrows(ClaimSkipped.class, () -> LibsvmSet.A9A.ensure(offline));
        assertTrue(e.getMessage().contains(LibsvmSet.A9A.url()), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("libsvm").resolve("a9a").toString()), e.getMessage());
        Path placed = LibsvmSet.A9A.localPath(offline);
        Files.createDirectories(placed.getParent());
        Files.writeString(placed, "+1 1:1\n");
        assertEquals(placed, LibsvmSet.A9A.ensure(offline));
        assertEquals(64, LibsvmSet.sha256(placed).length());
    }
}
