package org.reprobench.papers.hawkesgranger;

/**
 * The Mersenne Twister MT19937 with the two entry points numpy's legacy {@code RandomState} uses:
 * {@code np.random.seed(int)} (Matsumoto and Nishimura's {@code init_genrand}) and
 * {@code np.random.uniform()/rand()} (their 53-bit {@code genrand_res53}). With it the official
 * example's initial point, ground truth and data can be regenerated from the authors' seeds.
 * A scalar generator by nature: plain Java, no DJL.
 */
public final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7fffffff;

    private final int[] state = new int[N];
    private int next;

    public Mt19937(long seed) {
        seed(seed);
    }

    /** {@code np.random.seed(seed)} for a seed in [0, 2^32). */
    public void seed(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be in [0, 2^32): " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = state[i - 1];
            state[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
        next = N;
    }

    /** The next tempered 32-bit output, as an unsigned value in an int. */
    public int nextInt32() {
        if (next >= N) {
            regenerate();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** A double in [0, 1) with 53 random bits: numpy's {@code random_sample()}. */
    public double nextDouble() {
        long a = (nextInt32() >>> 5) & 0xffffffffL;
        long b = (nextInt32() >>> 6) & 0xffffffffL;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code np.random.rand(n)}: n doubles in [0, 1), in order. */
    public double[] nextDoubles(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = nextDouble();
        }
        return out;
    }

    private void regenerate() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER) | (state[(k + 1) % N] & LOWER);
            state[k] = state[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        next = 0;
    }
}
