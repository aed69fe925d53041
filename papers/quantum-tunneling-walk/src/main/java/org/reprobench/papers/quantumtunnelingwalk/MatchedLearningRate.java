package org.reprobench.papers.quantumtunnelingwalk;

import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;

/**
 * Claims matched-s-ex1..3: the code's "experiment determined" SGD learning rates are the ones whose
 * Gibbs law exp(-2f/s) has the QTW's time-averaged expected loss (t in linspace(0, 1000)).
 * Deterministic: the spectrum gives the QTW expected loss exactly.
 */
public final class MatchedLearningRate {
    private MatchedLearningRate() {
    }

    public static Experiment forExample(int example) {
        return ctx -> {
            DoubleWellLandscape land = DoubleWellLandscape.example(example);
            OneDimComparison c = OneDimComparison.of(ctx.manager(), land, DoubleWellLandscape.exampleH(example), 512,
                    new double[] {288});
            double code = DoubleWellLandscape.exampleCodeS(example);
            Outcome o = Outcome.of(c.matchedS())
                    .metric("qtw_time_averaged_loss", c.timeAveragedLoss())
                    .metric("code_s", code)
                    .metric("relative_difference", c.matchedS() / code - 1)
                    .metric("eigenpair_weight_missed", 1 - c.capturedWeight())
                    .note(String.format("%s: QTW <f> averaged over t in [0, 1000] = %.5f; Gibbs-matched s = %.4f (code: %s)",
                            land.name(), c.timeAveragedLoss(), c.matchedS(), code));
            return ctx.seeds().stream().map(s -> o).toList();
        };
    }
}
