package org.eesim.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eesim.analysis.layout.LegendGrid;
import org.eesim.analysis.results.ResultsException;
import org.eesim.analysis.results.SummaryRow;
import org.eesim.analysis.style.Numbers;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The trade-off a threshold buys: accuracy vs mean latency, one marker per source, with the
 * Pareto front (no other point both faster and at least as accurate) of each input condition
 * joined by a line. Each marker is labelled with its x (when few) so the reader can pick the
 * setting.
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
        return of(sweep, false);
    }

    /** @param logX a log latency axis (asked for: the swept key is not this axis) */
    public static Figure of(Sweep sweep, boolean logX) {
        XyCharts.requireDistinct(NAME, sweep.conditions().size());
        XYSeriesCollection dataset = new XYSeriesCollection();
        TidyTable data = new TidyTable("condition", "x", "latency_ms", "accuracy_percent", "pareto",
                "folder");
        List<List<Run>> byCondition = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        int dominated = 0;
        for (String condition : sweep.conditions()) {
            List<Run> runs = runs(sweep.in(condition));
            if (runs.isEmpty()) {
                continue; // a profile without per-sample correctness: nothing to plot
            }
            // a setting that wins only because its condition is easier is no choice a system
            // has: each condition gets its own front
            List<Run> front = paretoFront(runs);
            boolean several = sweep.conditions().size() > 1;
            XYSeries pareto = new XYSeries(several ? condition + ": Pareto front" : "Pareto front",
                    false, true);
            XYSeries all = new XYSeries(several ? condition : "all settings", false, true);
            for (Run r : runs) {
                all.add(r.latencyMs(), r.accuracyPercent());
                data.add(condition, r.x(), r.latencyMs(), r.accuracyPercent(), front.contains(r),
                        r.folder());
            }
            front.forEach(r -> pareto.add(r.latencyMs(), r.accuracyPercent()));
            dataset.addSeries(pareto);
            dataset.addSeries(all);
            byCondition.add(runs);
            drawn.add(condition);
            dominated += runs.size() - front.size();
        }
        if (byCondition.isEmpty()) {
            throw new ResultsException("accuracy is NaN in every folder: their profile has no"
                    + " per-sample correctness, so accuracy vs latency cannot be drawn");
        }
        ValueAxis latency = logX ? XyCharts.logAxis("Mean latency (ms)") : axis("Mean latency (ms)", 0.08, 1);
        XYPlot plot = new XYPlot(dataset, latency, axis("Accuracy (%)", 0, 2), renderer(byCondition));
        // room for the value labels above the markers
        plot.getRangeAxis().setUpperMargin(0.15);
        if (byCondition.size() > 1) {
            legendByCondition(plot, drawn, dominated > 0);
        }
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(NAME, chart, XyCharts.PLOT_HEIGHT, data);
    }

    /**
     * An axis whose range never shrinks below {@code minimumSize}: equal accuracies would
     * otherwise zoom to a sliver and print one tick label five times.
     */
    private static NumberAxis axis(String label, double margins, double minimumSize) {
        NumberAxis a = XyCharts.axis(label);
        if (margins > 0) {
            a.setUpperMargin(margins);
            a.setLowerMargin(margins);
        }
        a.setAutoRangeMinimumSize(minimumSize);
        return a;
    }

    /** Per condition c: series 2c is its front (line, filled), 2c + 1 all its runs (hollow). */
    private static XYLineAndShapeRenderer renderer(List<List<Run>> byCondition) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setUseFillPaint(true);
        renderer.setDefaultFillPaint(Color.WHITE);
        renderer.setDrawOutlines(true);
        int points = byCondition.stream().mapToInt(List::size).sum();
        for (int c = 0; c < byCondition.size(); c++) {
            int front = 2 * c;
            int all = front + 1;
            // one condition: the front black, the rest grey; several: one colour per condition
            Paint paint = PaperStyle.linePaint(c);
            renderer.setSeriesPaint(front, paint);
            renderer.setSeriesStroke(front, PaperStyle.lineStroke(0));
            renderer.setSeriesShape(front, PaperStyle.marker(c));
            renderer.setSeriesShapesFilled(front, true);
            renderer.setSeriesFillPaint(front, paint);
            renderer.setSeriesPaint(all, byCondition.size() == 1 ? Color.GRAY : paint);
            renderer.setSeriesShape(all, PaperStyle.marker(c));
            renderer.setSeriesShapesFilled(all, false);
            renderer.setSeriesLinesVisible(all, false);
            if (points <= MAX_LABELLED) {
                List<Run> runs = byCondition.get(c);
                XYItemLabelGenerator byX = (d, s, i) -> fmt(runs.get(i).x());
                renderer.setSeriesItemLabelGenerator(all, byX);
                renderer.setSeriesItemLabelsVisible(all, true);
                renderer.setSeriesItemLabelFont(all, PaperStyle.TICK_FONT);
            }
        }
        return renderer;
    }

    /** One entry per condition (its front's line and filled marker), then what hollow means. */
    private static void legendByCondition(XYPlot plot, List<String> conditions,
            boolean anyDominated) {
        LegendItemCollection items = new LegendItemCollection();
        Shape line = new Line2D.Double(-7, 0, 7, 0);
        for (int c = 0; c < conditions.size(); c++) {
            Paint paint = PaperStyle.linePaint(c);
            items.add(new LegendItem(conditions.get(c), null, null, null, true, PaperStyle.marker(c),
                    true, paint, true, paint, new BasicStroke(1f), true, line,
                    PaperStyle.lineStroke(0), paint));
        }
        if (anyDominated) {
            items.add(LegendGrid.startingRow(new LegendItem("dominated (hollow)", null, null, null,
                    PaperStyle.marker(0), new BasicStroke(1f), Color.GRAY)));
        }
        plot.setFixedLegendItems(items);
    }

    private static List<Run> runs(List<Sweep.Point> points) {
        List<Run> runs = new ArrayList<>();
        for (Sweep.Point p : points) {
            var folder = p.source().folder();
            SummaryRow acc = folder.require(p.source().point(), "accuracy");
            if (!Double.isNaN(acc.mean())) {
                SummaryRow lat = folder.require(p.source().point(), "latency.mean");
                runs.add(new Run(lat.mean() * 1e3, acc.mean() * 100, p.x(), folder.name()));
            }
        }
        return runs;
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
        return Numbers.significant(v, 3);
    }
}
