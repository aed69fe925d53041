package org.reprobench.papers.sftpg;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;

/** Fan and Lee, "Optimizing DDPM Sampling with Shortcut Fine-Tuning" (ICML 2023): claim id to experiment. */
public final class SftPgPaper implements PaperModule {

    @Override
    public String id() {
        return "sft-pg";
    }

    @Override
    public Map<String, Experiment> experiments() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("pg-equals-ipm-gradient", new PolicyGradientEquivalence());
        m.put("baseline-reduces-variance", new BaselineVarianceReduction());
        m.put("sft-improves-toy-sampler", new ToyImprovement());
        m.put("shortcut-departs-from-backward-process", new ShortcutDeparture());
        m.put("cifar10-fid-t10", ImageFid.cifar10());
        m.put("celeba64-fid-t10", ImageFid.celeba64());
        return m;
    }
}
