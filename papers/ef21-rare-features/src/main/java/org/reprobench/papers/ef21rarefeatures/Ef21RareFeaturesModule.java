package org.reprobench.papers.ef21rarefeatures;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;

/**
 * Richtárik, Gasanov and Burlachenko, "Error Feedback Shines when Features are Rare" (arXiv 2305.15264):
 * claim id of paper.yaml to the experiment measuring it.
 */
public final class Ef21RareFeaturesModule implements PaperModule {
    public static final String ID = "ef21-rare-features";

    private final ConstantsCache constants = new ConstantsCache();
    private final SyntheticRuns.Cache runs = new SyntheticRuns.Cache();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Experiment> experiments() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("sparsity-constants", SparsityConstantsExperiment.create(constants));
        m.put("stepsize-gain", StepSizeGainExperiment.create(constants));
        for (double cDivN : ProfileSettings.C_OVER_N) {
            m.put("bits-to-eps-c" + cDivN, CommunicationExperiment.create(runs, cDivN));
        }
        m.put("convergence-bound", ConvergenceBoundExperiment.create(runs));
        for (LibsvmSet set : LibsvmSet.values()) {
            m.put("libsvm-" + set.fileName(), LibsvmExperiment.create(set));
        }
        return m;
    }
}
