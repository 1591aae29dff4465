package org.eesim.analysis.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eesim.analysis.results.ResultsException;
import org.eesim.analysis.results.SummaryRow;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The trade-off a threshold buys: accuracy vs mean latency, one marker per source, with the
 * Pareto front (no other point both faster and at least as accurate) joined by a line. When an
 * x axis is given, each marker is labelled with its x so the reader can pick the setting.
 */
public final class AccuracyLatency {

    public static final String NAME = "accuracy-latency";

    /** Past this many points, value labels overlap more than they help. */
    private static final int MAX_LABELLED = 12;

    private AccuracyLatency() {
    }

    private record Run(double latencyMs, double accuracyPercent, double x, String folder) {
    }

    public static Figure of(Sweep sweep) {
        List<Run> runs = new ArrayList<>();
        for (Sweep.Point p : sweep.points()) {
            var folder = p.source().folder();
            SummaryRow acc = folder.require(p.source().point(), "accuracy");
            if (Double.isNaN(acc.mean())) {
                continue; // a profile without per-sample correctness: nothing to plot
            }
            SummaryRow lat = folder.require(p.source().point(), "latency.mean");
            runs.add(new Run(lat.mean() * 1e3, acc.mean() * 100, p.x(), folder.name()));
        }
        if (runs.isEmpty()) {
            throw new ResultsException("accuracy is NaN in every folder: their profile has no"
                    + " per-sample correctness, so accuracy vs latency cannot be drawn");
        }
        List<Run> front = paretoFront(runs);
        XYSeries all = new XYSeries("all settings", false, true);
        XYSeries pareto = new XYSeries("Pareto front", false, true);
        TidyTable data = new TidyTable("x", "latency_ms", "accuracy_percent", "pareto", "folder");
        for (Run r : runs) {
            all.add(r.latencyMs(), r.accuracyPercent());
            data.add(r.x(), r.latencyMs(), r.accuracyPercent(), front.contains(r), r.folder());
        }
        front.forEach(r -> pareto.add(r.latencyMs(), r.accuracyPercent()));
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(pareto);
        dataset.addSeries(all);

        XYLineAndShapeRenderer renderer = XyCharts.lines(2, 0);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShapesFilled(0, true);
        renderer.setSeriesShape(0, PaperStyle.marker(0));
        renderer.setSeriesShape(1, PaperStyle.marker(0));
        renderer.setSeriesPaint(1, java.awt.Color.GRAY);
        renderer.setSeriesShapesFilled(1, false);
        if (runs.size() <= MAX_LABELLED) {
            XYItemLabelGenerator byX = (d, s, i) -> s == 1 ? fmt(runs.get(i).x()) : null;
            renderer.setSeriesItemLabelGenerator(1, byX);
            renderer.setSeriesItemLabelsVisible(1, true);
            renderer.setSeriesItemLabelFont(1, PaperStyle.TICK_FONT);
        }
        NumberAxis x = XyCharts.axis("Mean latency (ms)");
        NumberAxis y = XyCharts.axis("Accuracy (%)");
        // room for the value labels above the markers and at both ends
        x.setUpperMargin(0.08);
        x.setLowerMargin(0.08);
        y.setUpperMargin(0.15);
        // equal accuracies would otherwise zoom to a sliver and print one tick label five times
        y.setAutoRangeMinimumSize(2);
        x.setAutoRangeMinimumSize(1);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(NAME, chart, PaperStyle.ONE_COLUMN, PaperStyle.ONE_COLUMN * 0.72, data);
    }

    /** Points no other point dominates (lower or equal latency and higher or equal accuracy). */
    static List<Run> paretoFront(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::latencyMs)
                .thenComparing(Comparator.comparingDouble(Run::accuracyPercent).reversed()));
        List<Run> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Run r : sorted) {
            if (r.accuracyPercent() > best) {
                front.add(r);
                best = r.accuracyPercent();
            }
        }
        return front;
    }

    private static String fmt(double v) {
        // 0.5 not 0.500: the label repeats the value the user wrote in the scenario
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.3g", v))
                .stripTrailingZeros().toPlainString();
    }
}
