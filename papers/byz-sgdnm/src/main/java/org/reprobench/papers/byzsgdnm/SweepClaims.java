package org.reprobench.papers.byzsgdnm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.papers.byzsgdnm.BatchSizeSweep.Cell;
import org.reprobench.papers.byzsgdnm.BatchSizeSweep.Config;
import org.reprobench.papers.byzsgdnm.BatchSizeSweep.SeedResult;
import org.reprobench.papers.byzsgdnm.BatchSizeSweep.Sweep;
import org.reprobench.papers.byzsgdnm.ByzantineTraining.Method;

/**
 * The claims read off the batch-size sweep. Accuracies are each method's best final test accuracy
 * over its learning-rate grid, in percentage points, as the paper reports them.
 */
public final class SweepClaims {

    private SweepClaims() {
    }

    private interface PerSeed {
        Outcome judge(Config c, SeedResult s);
    }

    private static Experiment fromSweep(PerSeed body, String plotName, Function<Sweep, XYChart> plot) {
        return ctx -> {
            Sweep sweep = BatchSizeSweep.get(ctx);
            List<Outcome> out = new ArrayList<>();
            for (SeedResult s : sweep.seeds()) {
                out.add(body.judge(sweep.config(), s));
            }
            if (plot != null) {
                ctx.savePlot(plotName, plot.apply(sweep));
            }
            return out;
        };
    }

    static Cell none(Config c, int batch) {
        return new Cell("none", 0, "CM", batch);
    }

    static Cell alie(Config c, int batch) {
        return new Cell("ALIE", c.byzantine(), "CM", batch);
    }

    static Cell foe(Config c, int batch) {
        return new Cell("FoE", c.byzantine(), "CM", batch);
    }

    /** Claim no-attack-larger-batch-lower-accuracy (Table 7): acc(small B) - acc(large B) at delta = 0, the smaller over methods. */
    public static Experiment noAttackLargerBatchLowerAccuracy() {
        return fromSweep((c, s) -> {
            Outcome o = Outcome.derived();
            double worst = Double.POSITIVE_INFINITY;
            for (Method m : Method.values()) {
                double small = s.best(none(c, c.smallBatch()), m);
                double large = s.best(none(c, c.largeBatch()), m);
                o.metric(m.label() + "_acc_B" + c.smallBatch(), small).metric(m.label() + "_acc_B" + c.largeBatch(), large);
                worst = Math.min(worst, small - large);
            }
            return o.withValue(worst);
        }, "accuracy-vs-batch", SweepClaims::accuracyVsBatch);
    }

    /**
     * Claim best-batch-grows-with-delta (Tables 1-2): the gain from the larger batch is larger under
     * attack than without, for ByzSGDm (the method of Tables 1-2): a difference of differences in
     * percentage points. The arg-max batch size at each delta is reported too.
     */
    public static Experiment bestBatchGrowsWithDelta() {
        return fromSweep((c, s) -> {
            Outcome o = Outcome.derived();
            double value = Double.NaN;
            for (Method m : Method.values()) {
                double gainAttack = s.best(alie(c, c.largeBatch()), m) - s.best(alie(c, c.smallBatch()), m);
                double gainClean = s.best(none(c, c.largeBatch()), m) - s.best(none(c, c.smallBatch()), m);
                double did = gainAttack - gainClean;
                o.metric(m.label() + "_gain_larger_batch_delta0", gainClean)
                        .metric(m.label() + "_gain_larger_batch_delta3of8", gainAttack)
                        .metric(m.label() + "_argmax_B_delta0", gainClean > 0 ? c.largeBatch() : c.smallBatch())
                        .metric(m.label() + "_argmax_B_delta3of8", gainAttack > 0 ? c.largeBatch() : c.smallBatch());
                if (m == Method.SGDM) {
                    value = did;
                }
                o.metric(m.label() + "_difference_in_differences", did);
            }
            return o.withValue(value);
        }, null, null);
    }

    /** Claim alie-large-batch-helps (Tables 1-2, delta = 3/8): ByzSGDm's gain from the larger batch under ALIE. */
    public static Experiment alieLargeBatchHelps() {
        return fromSweep((c, s) -> {
            Outcome o = Outcome.derived();
            for (Method m : Method.values()) {
                o.metric(m.label() + "_acc_B" + c.smallBatch(), s.best(alie(c, c.smallBatch()), m))
                        .metric(m.label() + "_acc_B" + c.largeBatch(), s.best(alie(c, c.largeBatch()), m));
            }
            double gain = s.best(alie(c, c.largeBatch()), Method.SGDM) - s.best(alie(c, c.smallBatch()), Method.SGDM);
            return o.withValue(gain);
        }, "alie-curves", sw -> BatchSizeSweep.curves(sw, "ALIE, 3 of 8 Byzantine, CM: test accuracy per epoch (best lr)",
                List.of(alie(sw.config(), sw.config().smallBatch()), alie(sw.config(), sw.config().largeBatch()))));
    }

    /**
     * Claim nm-beats-sgdm-under-crafted-attacks (Tables 3, 4, 9, 10): ByzSGDnm minus ByzSGDm,
     * averaged over the attacked cells (ALIE at both batch sizes, FoE at the larger one).
     */
    public static Experiment nmBeatsSgdmUnderAttack() {
        return fromSweep((c, s) -> {
            Outcome o = Outcome.derived();
            List<Cell> cells = List.of(alie(c, c.smallBatch()), alie(c, c.largeBatch()), foe(c, c.largeBatch()));
            double sum = 0;
            double worst = Double.POSITIVE_INFINITY;
            for (Cell cell : cells) {
                double diff = s.best(cell, Method.SGDNM) - s.best(cell, Method.SGDM);
                o.metric("nm_minus_m_" + cell.key(), diff);
                sum += diff;
                worst = Math.min(worst, diff);
            }
            o.metric("smallest_cell_difference", worst);
            return o.withValue(sum / cells.size());
        }, "foe-curves", sw -> BatchSizeSweep.curves(sw, "FoE, 3 of 8 Byzantine, CM: test accuracy per epoch (best lr)",
                List.of(foe(sw.config(), sw.config().largeBatch()))));
    }

    /** Claim nm-comparable-without-attack (Table 7): the worst ByzSGDnm minus ByzSGDm over the no-attack cells. */
    public static Experiment nmComparableWithoutAttack() {
        return fromSweep((c, s) -> {
            Outcome o = Outcome.derived();
            double worst = Double.POSITIVE_INFINITY;
            for (int b : c.batches()) {
                double diff = s.best(none(c, b), Method.SGDNM) - s.best(none(c, b), Method.SGDM);
                o.metric("nm_minus_m_B" + b, diff);
                worst = Math.min(worst, diff);
            }
            return o.withValue(worst);
        }, null, null);
    }

    /** Best accuracy against batch size: one line per method and attack, first seed. */
    static XYChart accuracyVsBatch(Sweep sweep) {
        Config c = sweep.config();
        SeedResult s = sweep.seeds().get(0);
        XYChart chart = Plots.lines("Best final test accuracy at a fixed gradient budget (seed " + s.seed() + ")",
                "batch size per worker B", "test accuracy (%)");
        double[] x = {c.smallBatch(), c.largeBatch()};
        for (Method m : Method.values()) {
            for (String attack : List.of("none", "ALIE")) {
                double[] y = new double[2];
                for (int i = 0; i < 2; i++) {
                    int b = c.batches()[i];
                    y[i] = s.best(attack.equals("none") ? none(c, b) : alie(c, b), m);
                }
                Plots.addLine(chart, String.format(Locale.ROOT, "%s, %s", m.label(),
                        attack.equals("none") ? "no attack" : "ALIE, " + c.byzantine() + " of " + c.workers()), x, y)
                        .setMarker(SeriesMarkers.CIRCLE);
            }
        }
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(8);
        return chart;
    }
}
