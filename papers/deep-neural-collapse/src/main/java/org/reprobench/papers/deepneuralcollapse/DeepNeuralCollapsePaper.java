package org.reprobench.papers.deepneuralcollapse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;

/**
 * Súkeník, Mondelli and Lampert, "Deep Neural Collapse Is Provably Optimal for the Deep
 * Unconstrained Features Model" (NeurIPS 2023, arXiv 2305.13165): claim id to experiment.
 */
public final class DeepNeuralCollapsePaper implements PaperModule {
    public static final String ID = "deep-neural-collapse";

    // several claims read one set of runs: small caches of plain arrays, keyed by (profile, seed)
    private final DepthSweep sweep = new DepthSweep();
    private final RegularisationThreshold threshold = new RegularisationThreshold();
    private final WidthSweep widths = new WidthSweep();
    private final TrainedNetwork trained = new TrainedNetwork();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Experiment> experiments() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("dnc1-within-class", CollapseClaims.withinClass(sweep));
        m.put("dnc2-orthogonal-frame", CollapseClaims.orthogonalFrame(sweep));
        m.put("dnc3-weight-alignment", CollapseClaims.alignment(sweep));
        m.put("loss-equals-closed-form", OptimumClaims.lossGap(sweep));
        m.put("geometry-matches-closed-form", OptimumClaims.geometry(sweep));
        m.put("zero-optimum-above-threshold", RegularisationThreshold.zeroAbove(threshold));
        m.put("dnc-optimum-below-threshold", RegularisationThreshold.dncBelow(threshold));
        m.put("narrow-width-mostly-fails", WidthSweep.narrowMostlyFails(widths));
        m.put("wide-beats-narrow", WidthSweep.wideBeatsNarrow(widths));
        m.put("trained-nc1-falls-with-depth", TrainedNetwork.nc1FallsWithDepth(trained));
        m.put("trained-head-near-dufm-optimum", TrainedNetwork.headNearOptimum(trained));
        return m;
    }
}
