package org.reprobench.api;

import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Small XChart shortcuts for the plots claims attach to their report rows. */
public final class Plots {
    private Plots() {
    }

    /** An empty line chart, 800x500, titled and labelled. */
    public static XYChart lines(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendVisible(true);
        return chart;
    }

    /** Adds a line; x defaults to 0..n-1 when null. */
    public static XYSeries addLine(XYChart chart, String name, double[] x, double[] y) {
        double[] xs = x != null ? x : IntStream.range(0, y.length).asDoubleStream().toArray();
        XYSeries s = chart.addSeries(name, xs, y);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** An empty scatter chart. */
    public static XYChart scatter(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(700).height(700).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        return chart;
    }
}
