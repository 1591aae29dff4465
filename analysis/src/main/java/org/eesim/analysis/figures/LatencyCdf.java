package org.eesim.analysis.figures;

import java.util.List;
import java.util.Map;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * End-to-end latency CDF: for each quantile written by sim-core, the mean over replications of
 * the latency at that quantile. One line per source (folder or sweep point).
 */
public final class LatencyCdf {

    public static final String NAME = "latency-cdf";

    private LatencyCdf() {
    }

    /**
     * Room for the legend's rows below the plot, so that many series shrink neither the plot nor
     * its axis title (at 8 pt a label character is about 4 pt wide, a row 12 pt high).
     */
    static double legendHeight(List<Source> sources) {
        if (sources.size() <= 1) {
            return 0;
        }
        int longest = sources.stream().mapToInt(s -> s.label().length()).max().orElse(0);
        int perRow = Math.max(1, (int) (PaperStyle.ONE_COLUMN / (longest * 4.0 + 28)));
        int rows = (sources.size() + perRow - 1) / perRow;
        return 12.0 * Math.max(0, rows - 1);
    }

    /**
     * @param logX a log latency axis, for distributions spanning decades; quantiles whose
     *     latency is 0 cannot be drawn there and are left out of the plot and of the CSV
     */
    public static Figure of(List<Source> sources, boolean logX) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        TidyTable data = new TidyTable("series", "quantile", "latency_ms");
        for (Source s : sources) {
            // the quantile is the key: two quantiles with one latency (steps) must both stay
            XYSeries series = new XYSeries(s.label(), false, true);
            for (Map.Entry<Double, Double> e : s.folder().distribution()
                    .meanQuantiles(s.point()).entrySet()) {
                double ms = e.getValue() * 1e3;
                if (logX && ms <= 0) {
                    continue;
                }
                series.add(ms, e.getKey());
                data.add(s.label(), e.getKey(), ms);
            }
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "End-to-end latency (ms)",
                "Cumulative probability", dataset, PlotOrientation.VERTICAL,
                sources.size() > 1, false, false);
        PaperStyle.apply(chart);
        XYPlot plot = chart.getXYPlot();
        if (logX) {
            LogAxis axis = new LogAxis("End-to-end latency (ms, log scale)");
            axis.setBase(10);
            axis.setSmallestValue(1e-3);
            axis.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
            axis.setLabelFont(PaperStyle.LABEL_FONT);
            axis.setTickLabelFont(PaperStyle.TICK_FONT);
            axis.setAxisLineVisible(false);
            plot.setDomainAxis(axis);
        } else {
            ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true);
        }
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 1.0);
        y.setTickUnit(new NumberTickUnit(0.2));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < sources.size(); i++) {
            renderer.setSeriesPaint(i, PaperStyle.linePaint(i));
            renderer.setSeriesStroke(i, PaperStyle.lineStroke(i));
        }
        plot.setRenderer(renderer);
        if (chart.getLegend() != null) {
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        return new Figure(NAME, chart, PaperStyle.ONE_COLUMN,
                PaperStyle.ONE_COLUMN * 0.7 + legendHeight(sources), data);
    }
}
