package org.reprobench.papers.byzsgdnm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Batcher's odd-even merge sorting network for any n, as a list of compare-exchange pairs
 * (i, j), i < j: after applying them in order, position i holds the i-th smallest value. Pruned
 * to the comparators that can affect the positions asked for, so a median of 8 costs 16
 * element-wise min/max pairs over whole vectors instead of a general sort along a short axis
 * (which in PyTorch also computes indices and was several times slower here).
 */
final class SortingNetwork {
    private SortingNetwork() {
    }

    /** All comparators of the network for n inputs (19 for n = 8). */
    static List<int[]> comparators(int n) {
        List<int[]> out = new ArrayList<>();
        for (int p = 1; p < n; p <<= 1) {
            for (int k = p; k >= 1; k >>= 1) {
                for (int j = k % p; j + k < n; j += 2 * k) {
                    for (int i = 0; i < Math.min(k, n - j - k); i++) {
                        if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) {
                            out.add(new int[] {i + j, i + j + k});
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The comparators needed for the given output positions, in order. */
    static List<int[]> comparatorsFor(int n, int... outputs) {
        List<int[]> all = comparators(n);
        Set<Integer> needed = new HashSet<>();
        for (int o : outputs) {
            needed.add(o);
        }
        List<int[]> kept = new ArrayList<>();
        for (int c = all.size() - 1; c >= 0; c--) {
            int[] pair = all.get(c);
            if (needed.contains(pair[0]) || needed.contains(pair[1])) {
                needed.add(pair[0]);
                needed.add(pair[1]);
                kept.add(0, pair);
            }
        }
        return kept;
    }
}
