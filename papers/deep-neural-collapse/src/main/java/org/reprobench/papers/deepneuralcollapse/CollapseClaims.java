package org.reprobench.papers.deepneuralcollapse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.RunContext;

/**
 * Claim 1 of the issue, one claim per property: after GD on the binary DUFM, NC1 is ~0 at every
 * layer, the post-ReLU class means form an orthogonal frame (NC2) and the rows of W_l align with
 * the class means they read (NC3), at every depth of the sweep. The value is the worst layer of the
 * worst depth; layer 1 (free features) is reported for NC2/NC3 but not judged, because its
 * geometry is not unique (see {@link ClosedFormOptimum} and the card).
 */
final class CollapseClaims {
    private CollapseClaims() {
    }

    /** A metric of one layer of one report (layer index 0 = H_1). */
    private interface LayerMetric {
        double at(LayerReport r, int layer);
    }

    static Experiment withinClass(DepthSweep sweep) {
        LayerMetric m = (r, l) -> Math.max(r.nc1()[l], r.nc1Pinv()[l]);
        return ctx -> claim(ctx, sweep, "nc1", "NC1 = max(tr(Sw)/tr(Sb), tr(Sw Sb^+)/K)", m, 0, t -> Double.NaN);
    }

    static Experiment orthogonalFrame(DepthSweep sweep) {
        LayerMetric m = (r, l) -> r.nc2()[l];
        return ctx -> claim(ctx, sweep, "nc2", "NC2 = ||G/||G|| - I/sqrt(2)|| of the class means", m, 1,
                t -> t.geometry().firstLayerCosine());
    }

    static Experiment alignment(DepthSweep sweep) {
        LayerMetric m = (r, l) -> r.nc3()[l];
        return ctx -> claim(ctx, sweep, "nc3", "NC3 = share of W_l's row energy off the class means", m, 1,
                t -> t.last().nc3Last());
    }

    /**
     * @param firstJudged layers below this index are reported, not judged
     * @param extra       one more per-depth number worth reporting (NaN for none)
     */
    private static List<Outcome> claim(RunContext ctx, DepthSweep sweep, String name, String title, LayerMetric metric,
                                       int firstJudged, ToDoubleFunction<DepthSweep.Trace> extra) {
        Map<Long, List<DepthSweep.Trace>> traces = sweep.traces(ctx);
        List<Outcome> outcomes = new ArrayList<>();
        boolean plotted = false;
        for (long seed : ctx.seeds()) {
            double worst = 0;
            Outcome o = Outcome.of(0);
            for (DepthSweep.Trace t : traces.get(seed)) {
                LayerReport end = t.last();
                double depthWorst = 0;
                for (int l = firstJudged; l < t.depth(); l++) {
                    depthWorst = Math.max(depthWorst, metric.at(end, l));
                }
                worst = Math.max(worst, depthWorst);
                o.metric(name + "_L" + t.depth(), depthWorst);
                if (firstJudged > 0) {
                    o.metric(name + "_layer1_L" + t.depth(), metric.at(end, 0));
                }
                double x = extra.applyAsDouble(t);
                if (!Double.isNaN(x)) {
                    o.metric((name.equals("nc2") ? "h1_mean_cos" : "nc3_last_layer") + "_L" + t.depth(), x);
                }
                if (name.equals("nc2")) {
                    o.metric("nc2_simplex_etf_L" + t.depth(), max(end.nc2Etf()));
                }
                if (name.equals("nc1")) {
                    o.metric("nc1_trace_ratio_L" + t.depth(), max(end.nc1()));
                    o.metric("nc1_papyan_L" + t.depth(), max(end.nc1Pinv()));
                }
            }
            outcomes.add(o.withValue(worst));
            if (!plotted) {
                DepthSweep.Trace deepest = traces.get(seed).get(traces.get(seed).size() - 1);
                ctx.savePlot(name + "-per-layer", perLayerChart(deepest, title, metric, seed));
                plotted = true;
            }
        }
        return outcomes;
    }

    private static double max(double[] xs) {
        double m = 0;
        for (double x : xs) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static XYChart perLayerChart(DepthSweep.Trace t, String title, LayerMetric metric, long seed) {
        XYChart chart = Plots.lines(title + " (L = " + t.depth() + ", seed " + seed + ")", "GD step", "metric (log)");
        chart.getStyler().setYAxisLogarithmic(true);
        double[] x = new double[t.steps().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = t.steps()[i];
        }
        for (int l = 0; l < t.depth(); l++) {
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) {
                // floor for the log axis: exact zeros (disjoint ReLU supports) and float64 underflow
                y[i] = Math.max(metric.at(t.reports().get(i), l), 1e-30);
            }
            Plots.addLine(chart, "layer " + (l + 1) + (l == 0 ? " (H_1)" : ""), x, y);
        }
        return chart;
    }
}
