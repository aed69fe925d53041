package org.reprobench.papers.byzsgdnm;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Progress;
import org.reprobench.papers.byzsgdnm.BatchSizeSweep.Cell;
import org.reprobench.papers.byzsgdnm.BatchSizeSweep.Config;
import org.reprobench.papers.byzsgdnm.ByzantineTraining.Method;
import org.reprobench.papers.byzsgdnm.ByzantineTraining.Run;

/**
 * Claim krum-fails-under-foe (Tables 4 and 10): with Krum as the aggregator, 3 of 8 workers
 * running FoE (epsilon = 0.1) drive both methods to chance accuracy. FoE's three identical
 * vectors are at distance 0 from each other, so Krum's score favours them whenever the honest
 * momenta are spread. Run at the sweep's smaller batch size, the analogue of the paper's 32x8
 * baseline (the paper reports chance at every size; larger batches spread the honest momenta
 * less, so the small batch is where failure is most likely). The value is the best final accuracy
 * over methods and learning rates, minus chance, in points.
 */
public final class KrumUnderFoe {

    private KrumUnderFoe() {
    }

    public static Experiment experiment() {
        return ctx -> {
            Config c = BatchSizeSweep.config(ctx.profile());
            StandInData.Loaded loaded = StandInData.load(c);
            loaded.declare(ctx);
            ByzantineTraining.Data data = loaded.data();
            WorkerMlp model = new WorkerMlp(data.inputs(), c.hidden(), data.classes());
            Cell cell = new Cell("FoE", c.byzantine(), "KR", c.smallBatch());
            ByzantineTraining.Setting s = BatchSizeSweep.setting(ctx.manager(), c, cell);
            List<Run> runs = c.runs();
            Progress progress = ctx.progress((long) ByzantineTraining.iterations(s, data.trainY().length) * ctx.seeds().size());
            double chance = 100.0 / data.classes();
            List<Outcome> out = new ArrayList<>();
            for (long seed : ctx.seeds()) {
                ByzantineTraining.Result r = ByzantineTraining.train(ctx.manager(), data, model, s,
                        BatchSizeSweep.aggregator(cell, c), runs, seed, progress::step, 2000);
                ctx.log(BatchSizeSweep.describe(cell, runs, r));
                if (seed == ctx.seeds().get(0)) {
                    XYChart chart = Plots.lines("Krum under FoE, 3 of 8 Byzantine: test accuracy per epoch (best lr)", "epoch",
                            "test accuracy on 2,000 images (%)");
                    BatchSizeSweep.addBestCurves(chart, cell, runs, r);
                    ctx.savePlot("krum-foe-curves", chart);
                }
                Outcome o = Outcome.derived();
                double best = Double.NEGATIVE_INFINITY;
                for (Method m : Method.values()) {
                    double bestM = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < runs.size(); k++) {
                        if (runs.get(k).method() == m) {
                            bestM = Math.max(bestM, 100 * r.finalAccuracy()[k]);
                        }
                    }
                    o.metric(m.label() + "_acc", bestM);
                    best = Math.max(best, bestM);
                }
                int diverged = 0;
                for (boolean d : r.diverged()) {
                    diverged += d ? 1 : 0;
                }
                o.metric("runs_diverged", diverged).metric("chance", chance);
                out.add(o.withValue(best - chance));
            }
            return out;
        };
    }
}
