package org.reprobench.papers.sftpg;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.RunContext;

/**
 * Claim: fine-tuning a pretrained 10-step sampler with SFT-PG improves its samples. Value per seed:
 * SWD_2(fine-tuned samples, data) / SWD_2(pretrained samples, data).
 */
final class ToyImprovement implements Experiment {

    @Override
    public List<Outcome> run(RunContext ctx) {
        ToyRuns.Result r = ToyRuns.get(ctx);
        List<Outcome> out = new ArrayList<>();
        XYChart gap = Plots.lines("Critic gap mean f(x0) - mean f(data), per fine-tuning epoch", "fine-tuning epoch",
                "critic gap (epoch mean)");
        XYChart curve = Plots.lines("SWD_2(samples, data) during fine-tuning (epoch 0 = pretrained)", "fine-tuning epoch",
                "sliced Wasserstein distance");
        for (ToyRuns.SeedResult s : r.seeds()) {
            double[] epochs = new double[s.criticGapCurve().length];
            for (int e = 0; e < epochs.length; e++) {
                epochs[e] = e + 1;
            }
            Plots.addLine(gap, "seed " + s.seed(), epochs, s.criticGapCurve());
            Plots.addLine(curve, "seed " + s.seed(), s.evalEpochs(), s.swdCurve());
            double[] g = s.criticGapCurve();
            out.add(Outcome.of(s.swdFineTuned() / s.swdPretrained())
                    .metric("swd_pretrained", s.swdPretrained())
                    .metric("swd_finetuned", s.swdFineTuned())
                    .metric("swd_floor_two_data_samples", s.swdFloor())
                    .metric("critic_gap_last_epoch", g.length > 0 ? g[g.length - 1] : Double.NaN)
                    .note(String.format(java.util.Locale.ROOT,
                            "pretrain %d epochs (%.0f s wall, all seeds), fine-tune %d epochs (%.0f s wall); "
                                    + "whole toy run %.0f s CPU; n = %d, 100 projections",
                            r.config().pretrainEpochs(), r.pretrainSeconds(), r.config().fineTuneEpochs(),
                            r.fineTuneSeconds(), r.cpuSeconds(), r.config().nData())));
        }
        Plots.addLine(curve, "floor (two data samples, seed " + r.seeds().get(0).seed() + ")",
                new double[] {0, r.config().fineTuneEpochs()},
                new double[] {r.seeds().get(0).swdFloor(), r.seeds().get(0).swdFloor()});
        ctx.savePlot("critic-gap", gap);
        ctx.savePlot("swd-during-fine-tuning", curve);
        ctx.savePlot("samples-before-after", scatter(r.seeds().get(0)));
        return out;
    }

    private static XYChart scatter(ToyRuns.SeedResult s) {
        XYChart c = Plots.scatter("Swiss roll, seed " + s.seed() + ": data, pretrained and SFT-PG samples", "x", "y");
        add(c, "data", s.scatterData());
        add(c, "pretrained (SWD " + fmt(s.swdPretrained()) + ")", s.scatterBefore());
        add(c, "SFT-PG (SWD " + fmt(s.swdFineTuned()) + ")", s.scatterAfter());
        return c;
    }

    private static void add(XYChart c, String name, float[] xy) {
        double[] x = new double[xy.length / 2];
        double[] y = new double[xy.length / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = xy[2 * i];
            y[i] = xy[2 * i + 1];
        }
        c.addSeries(name, x, y);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
