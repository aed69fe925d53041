package org.reprobench.papers.hawkesgranger;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;

/**
 * Wei, Xie, Josef and Kamaleswaran, "Granger Causal Chain Discovery for Sepsis-Associated
 * Derangements via Continuous-Time Hawkes Processes" (arXiv 2209.04480): a ReLU-linear
 * multivariate Hawkes process fitted by a two-phase gradient method.
 */
public final class HawkesGrangerPaper implements PaperModule {
    @Override
    public String id() {
        return "hawkes-granger";
    }

    @Override
    public Map<String, Experiment> experiments() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("example-loglik-truth", ExampleLikelihoodExperiment.atTruth());
        m.put("example-loglik-initial", ExampleLikelihoodExperiment.atInitialPoint());
        m.put("example-gradient-screen", ExampleFitExperiments.screen());
        m.put("example-recovered-a", ExampleFitExperiments.recoveredA());
        m.put("example-inhibitory-signs", ExampleFitExperiments.inhibitorySigns());
        m.put("fresh-d5-signed-graph", FreshRecoveryExperiment.of(5, FreshRecoveryExperiment.Value.SIGNED_F1));
        m.put("fresh-d10-inhibition", FreshRecoveryExperiment.of(10, FreshRecoveryExperiment.Value.INHIBITORY_SHARE));
        m.put("phase1-speed", PhaseOneSpeedExperiment.create());
        m.put("paper-simulation-study", NotRunnableHere.because(NotRunnableHere.PAPER_SIMULATION));
        m.put("sepsis-gc-chains", NotRunnableHere.because(NotRunnableHere.SEPSIS_DATA));
        return m;
    }
}
