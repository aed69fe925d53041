package org.reprobench.papers.gfssharpness;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;

/** Kreisler, Shpigel Nacson, Soudry and Carmon, ICML 2023 (arXiv 2305.13064): claim id to experiment. */
public final class GfsSharpnessModule implements PaperModule {
    public static final String ID = "gfs-sharpness";

    private final ScalarSweepCache sweeps = new ScalarSweepCache();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Experiment> experiments() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("scalar-gfs-closed-form", GfsClosedFormExperiment.create());
        m.put("scalar-gfs-monotone", ScalarMonotoneExperiment.create(sweeps));
        m.put("scalar-step-size-condition", StepSizeConditionExperiment.create(sweeps));
        m.put("scalar-eos-near-threshold", EdgeOfStabilityExperiment.create(sweeps));
        m.put("scalar-converged-below-threshold", ConvergedSharpnessExperiment.create(sweeps));
        m.put("scalar-loss-nonmonotone", NonMonotoneLossExperiment.create(sweeps));
        m.put("regression-gfs-monotone", SquaredRegressionExperiment.create(Settings::regression));
        m.put("network-gfs-monotone", TanhMlpExperiment.create(Settings::network));
        m.put("practical-networks-paper-setting", PaperSettingExperiment.create());
        return m;
    }
}
