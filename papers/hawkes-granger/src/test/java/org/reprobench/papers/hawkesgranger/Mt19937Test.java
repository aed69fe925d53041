package org.reprobench.papers.hawkesgranger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Mt19937Test {

    /** numpy 2.4: np.random.seed(1234); np.random.rand(6) (legacy RandomState). */
    @Test
    void matchesNumpyLegacyRandomStateForSeed1234() {
        double[] numpy = {0.1915194503788923, 0.6221087710398319, 0.4377277390071145, 0.7853585837137692,
            0.7799758081188035, 0.2725926052826416};
        assertArrayEquals(numpy, new Mt19937(1234).nextDoubles(6), 0.0);
    }

    /** numpy: np.random.seed(6789); np.random.rand(3), the official DAG recipe's first seed. */
    @Test
    void matchesNumpyForTheRecipeSeed() {
        double[] numpy = {0.9841611626286128, 0.6518484953382105, 0.5491126100140167};
        assertArrayEquals(numpy, new Mt19937(6789).nextDoubles(3), 0.0);
    }

    /** Matsumoto and Nishimura's reference output: init_genrand(5489), first 32-bit value 3499211612. */
    @Test
    void matchesTheReferenceImplementation() {
        assertEquals(3499211612L, new Mt19937(5489).nextInt32() & 0xffffffffL);
    }

    @Test
    void reseedingRestartsTheStream() {
        Mt19937 rng = new Mt19937(42);
        double first = rng.nextDouble();
        rng.nextDoubles(1000);
        rng.seed(42);
        assertEquals(first, rng.nextDouble(), 0.0);
    }
}
