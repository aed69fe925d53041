package org.reprobench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits claims x seeds over n shards, balanced by each claim's recorded cost (longest first onto
 * the least-loaded shard). Every shard computes the same plan from the same inputs, so n
 * independent processes run each (claim, seed) exactly once.
 */
public final class ShardPlan {

    /** One unit of work: a claim and one of its seeds ("paper/claim#seed"); seed 0 stands for a claim without seeds. */
    public record Unit(String claimKey, long seed, double cost) {
        public String id() {
            return claimKey + "#" + seed;
        }
    }

    /** Cost of a claim whose cost was never recorded, per seed (seconds). */
    static final double UNKNOWN_COST = 60.0;

    private ShardPlan() {
    }

    /** The units shard k of n runs. */
    public static List<Unit> assign(List<Unit> units, Shard shard) {
        if (shard.count() == 1) {
            return units;
        }
        List<Unit> order = new ArrayList<>(units);
        order.sort(Comparator.comparingDouble(Unit::cost).reversed().thenComparing(Unit::claimKey).thenComparingLong(Unit::seed));
        double[] load = new double[shard.count()];
        List<Unit> mine = new ArrayList<>();
        for (Unit u : order) {
            int best = 0;
            for (int k = 1; k < load.length; k++) {
                if (load[k] < load[best]) {
                    best = k;
                }
            }
            load[best] += u.cost();
            if (best == shard.index() - 1) {
                mine.add(u);
            }
        }
        // back to selection order, so a shard runs its claims in the usual order
        mine.sort(Comparator.comparingInt(units::indexOf));
        return mine;
    }

    /**
     * Seconds per seed of each claim, from a run or the baseline (wall time of its claim lines
     * divided by their seeds). Missing file: no costs, every unit weighs the same.
     */
    public static Map<String, Double> costsPerSeed(Path runDir) throws IOException {
        Map<String, Double> costs = new HashMap<>();
        if (runDir == null || !Files.isRegularFile(runDir.resolve(RunStore.CLAIMS_JSONL))) {
            return costs;
        }
        for (ResultLine l : RunStore.readLines(runDir.resolve(RunStore.CLAIMS_JSONL))) {
            if (l.aggregateLine() && l.wallSeconds() != null && l.n() != null && l.n() > 0) {
                costs.put(l.key(), Math.max(1e-3, l.wallSeconds() / l.n()));
            }
        }
        return costs;
    }

    static double cost(Map<String, Double> costs, String claimKey) {
        return costs.getOrDefault(claimKey, UNKNOWN_COST);
    }
}
