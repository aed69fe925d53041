package org.reprobench.papers.byzsgdnm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;

/**
 * Yang, Shi and Li, "On the Effect of Batch Size in Byzantine-Robust Distributed Learning"
 * (ICLR 2024; arXiv 2305.13856, first titled "On the Optimal Batch Size for Byzantine-Robust
 * Distributed Learning"): ByzSGDnm and the optimal batch size under Byzantine attacks.
 */
public final class ByzSgdNmPaper implements PaperModule {

    @Override
    public String id() {
        return "byz-sgdnm";
    }

    @Override
    public Map<String, Experiment> experiments() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("u-convex", OptimalBatchTheory.convexity());
        m.put("bstar-closed-form", OptimalBatchTheory.closedForms());
        m.put("bstar-grows-with-delta", OptimalBatchTheory.growsWithDelta(false));
        m.put("bstar-nm-grows-with-delta", OptimalBatchTheory.growsWithDelta(true));
        m.put("robust-aggregators-bounded-error", AggregatorRobustness.experiment());
        m.put("no-attack-larger-batch-lower-accuracy", SweepClaims.noAttackLargerBatchLowerAccuracy());
        m.put("best-batch-grows-with-delta", SweepClaims.bestBatchGrowsWithDelta());
        m.put("alie-large-batch-helps", SweepClaims.alieLargeBatchHelps());
        m.put("nm-beats-sgdm-under-crafted-attacks", SweepClaims.nmBeatsSgdmUnderAttack());
        m.put("nm-comparable-without-attack", SweepClaims.nmComparableWithoutAttack());
        m.put("krum-fails-under-foe", KrumUnderFoe.experiment());
        return m;
    }
}
