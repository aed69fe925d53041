package org.reprobench.papers.mamlspokenwords;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;

/**
 * van der Merwe &amp; Kamper, "Mitigating Catastrophic Forgetting for Few-Shot Spoken Word
 * Classification Through Meta-Learning" (Interspeech 2023): MAMLCon against OML. The three claims
 * share one measurement ({@link ContinualStudy}).
 */
public final class MamlSpokenWordsPaper implements PaperModule {
    @Override
    public String id() {
        return "maml-spoken-words";
    }

    @Override
    public Map<String, Experiment> experiments() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("mamlcon-beats-oml", new MamlconBeatsOml());
        m.put("template-reduces-forgetting", new TemplateReducesForgetting());
        m.put("accuracy-trend-shots-classes", new AccuracyTrend());
        return m;
    }
}
