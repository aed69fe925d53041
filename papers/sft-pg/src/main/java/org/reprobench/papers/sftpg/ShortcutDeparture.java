package org.reprobench.papers.sftpg;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.RunContext;

/**
 * Claim: the shortcut departs from the backward process. If the sampler followed the backward
 * process, its state x[k] would have the forward-process marginal of the diffusion step it enters;
 * we measure SWD_2(x[k], forward marginal) for the intermediate states k = 1..T-1 before and after
 * fine-tuning. The claim holds for a seed when the sample improves (x0 ratio below 1) while the
 * intermediate states move away (mean intermediate ratio above 1): metrics ordered
 * x0_ratio &lt; no_change (= 1) &lt; intermediate_ratio.
 */
final class ShortcutDeparture implements Experiment {

    @Override
    public List<Outcome> run(RunContext ctx) {
        ToyRuns.Result r = ToyRuns.get(ctx);
        List<Outcome> out = new ArrayList<>();
        XYChart chart = Plots.lines("SWD_2 of each rollout state to its forward-process marginal", "rollout step k "
                + "(0 = x_T ~ N(0, I), 10 = x_0 vs data)", "sliced Wasserstein distance");
        for (ToyRuns.SeedResult s : r.seeds()) {
            double[] k = new double[s.toForwardBefore().length];
            for (int i = 0; i < k.length; i++) {
                k[i] = i;
            }
            Plots.addLine(chart, "pretrained, seed " + s.seed(), k, s.toForwardBefore());
            Plots.addLine(chart, "SFT-PG, seed " + s.seed(), k, s.toForwardAfter());
            double intBefore = ToyRuns.SeedResult.meanIntermediate(s.toForwardBefore());
            double intAfter = ToyRuns.SeedResult.meanIntermediate(s.toForwardAfter());
            out.add(Outcome.derived()
                    .metric("x0_ratio", s.swdFineTuned() / s.swdPretrained())
                    .metric("no_change", 1.0)
                    .metric("intermediate_ratio", intAfter / intBefore)
                    .metric("intermediate_swd_pretrained", intBefore)
                    .metric("intermediate_swd_finetuned", intAfter)
                    .note("intermediate = mean over rollout states x[1..9] of SWD_2 to the forward marginal"));
        }
        ctx.savePlot("states-vs-forward-marginals", chart);
        return out;
    }
}
