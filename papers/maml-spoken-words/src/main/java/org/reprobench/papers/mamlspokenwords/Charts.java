package org.reprobench.papers.mamlspokenwords;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprobench.api.Plots;

/** The claims' plots: final accuracy against K or N, one line per method, averaged over seeds. */
final class Charts {
    private Charts() {
    }

    static XYChart accuracyAgainst(String title, String axis, int[] grid, List<Method> methods,
                                   java.util.function.BiFunction<Method, Integer, Double> accuracy) {
        XYChart chart = Plots.lines(title, axis, "final accuracy (all classes)");
        double[] x = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            x[i] = grid[i];
        }
        for (Method m : methods) {
            double[] y = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                y[i] = accuracy.apply(m, grid[i]);
            }
            XYSeries s = Plots.addLine(chart, m.label(), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    static <T> double meanOver(List<T> seeds, ToDoubleFunction<T> f) {
        double s = 0;
        for (T t : seeds) {
            s += f.applyAsDouble(t);
        }
        return s / seeds.size();
    }
}
