package org.eesim.analysis.figures;

import java.util.List;
import java.util.Map;
import org.eesim.analysis.style.DecimalLogAxis;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
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
     * @param logX a log latency axis, for distributions spanning decades; quantiles whose
     *     latency is 0 cannot be drawn there and are left out of the plot and of the CSV
     */
    public static Figure of(List<Source> sources, boolean logX) {
        XyCharts.requireDistinct(NAME, sources.size());
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
            DecimalLogAxis axis = XyCharts.logAxis("End-to-end latency (ms, log scale)");
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
        return new Figure(NAME, chart, XyCharts.PLOT_HEIGHT, data);
    }
}
