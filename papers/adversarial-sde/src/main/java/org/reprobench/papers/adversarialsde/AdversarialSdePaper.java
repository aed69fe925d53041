package org.reprobench.papers.adversarialsde;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprobench.api.ClaimSkipped;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;
import org.reprobench.papers.adversarialsde.RobustnessAlongTraining.Regime;

/**
 * Gu, Guo and Li, "Adversarial Training for Gradient Descent: Analysis Through its
 * Continuous-time Approximation" (arXiv 2105.08037). Claim ids are those of paper.yaml.
 */
public final class AdversarialSdePaper implements PaperModule {

    static final String PAPER_EXAMPLES_UNREADABLE = "the paper's own numerical examples (arXiv 2105.08037v2, "
            + "sections after the introduction) could not be read from this machine: only the abstract, the "
            + "introduction and Figure 1 of the stored ar5iv/arXiv copies are reachable, and no code or LaTeX "
            + "source is published; their data, models and reported values are unknown, so nothing can be compared";

    @Override
    public String id() {
        return "adversarial-sde";
    }

    @Override
    public Map<String, Experiment> experiments() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("sgd-weak-order-one", SgdWeakOrder::run);
        m.put("at-weak-order-one", AtWeakOrder.slopeClaim());
        m.put("at-weak-error-resolved", AtWeakOrder.resolvedClaim());
        m.put("at-weak-error-decreasing", AtWeakOrder.decreasingClaim());
        m.put("at-drift-expansion", DriftExpansion::run);
        m.put("at-input-gradient-monotone-overlapping", RobustnessAlongTraining.gradientClaim(Regime.OVERLAPPING));
        m.put("at-input-gradient-monotone-separated", RobustnessAlongTraining.gradientClaim(Regime.SEPARATED));
        m.put("at-robust-accuracy-monotone-overlapping", RobustnessAlongTraining.robustAccuracyClaim(Regime.OVERLAPPING));
        m.put("at-robust-accuracy-monotone-separated", RobustnessAlongTraining.robustAccuracyClaim(Regime.SEPARATED));
        m.put("at-limit-robust-minimiser", AtConvergence.limitClaim());
        m.put("at-bias-order-one", AtConvergence.biasOrderClaim());
        m.put("at-limit-shrinks-with-eps", AtConvergence.shrinkClaim());
        m.put("adaptive-lr-beats-fixed", AdaptiveLearningRate::run);
        m.put("paper-numerical-examples", ctx -> {
            throw new ClaimSkipped(PAPER_EXAMPLES_UNREADABLE);
        });
        return m;
    }
}
