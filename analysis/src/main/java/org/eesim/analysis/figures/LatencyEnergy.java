package org.eesim.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eesim.analysis.results.ResultsException;
import org.eesim.analysis.results.SummaryRow;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What a setting costs the device: mean latency against the device's energy per request
 * ({@code energy.device}), one marker per source labelled with its x (a cut, say), and per
 * series the Pareto front (no other point both faster and at most as costly) joined by a line.
 * The same layout as {@link AccuracyLatency}, with both axes to be low.
 */
public final class LatencyEnergy {

    public static final String NAME = "latency-energy";
    public static final String METRIC = "energy.device";

    /** Past this many points, value labels overlap more than they help. */
    private static final int MAX_LABELLED = 24;

    private LatencyEnergy() {
    }

    record Run(double joules, double latencyMs, double x, String folder) {
    }

    public static Figure of(Sweep sweep) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        TidyTable data = new TidyTable("series", "x", "energy_device_J", "latency_ms", "pareto", "folder");
        List<List<Run>> bySeries = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        int dominated = 0;
        boolean several = sweep.conditions().size() > 1;
        for (String series : sweep.conditions()) {
            List<Run> runs = runs(sweep.in(series));
            if (runs.isEmpty()) {
                continue;
            }
            List<Run> front = paretoFront(runs);
            XYSeries line = new XYSeries(several ? series + ": Pareto front" : "Pareto front", false, true);
            XYSeries all = new XYSeries(several ? series : "all settings", false, true);
            for (Run r : runs) {
                all.add(r.joules(), r.latencyMs());
                data.add(series, r.x(), r.joules(), r.latencyMs(), front.contains(r), r.folder());
            }
            front.forEach(r -> line.add(r.joules(), r.latencyMs()));
            dataset.addSeries(line);
            dataset.addSeries(all);
            bySeries.add(runs);
            drawn.add(series);
            dominated += runs.size() - front.size();
        }
        if (bySeries.isEmpty()) {
            throw new ResultsException("no folder reports " + METRIC + ": give the scenario an energy section"
                    + " (energy: {} takes the defaults) to draw latency against energy");
        }
        // both on log scales: across cuts they span an order of magnitude, and the cuts that
        // matter (little sent, little computed) crowd the low end
        XYPlot plot = new XYPlot(dataset, logAxis("Device energy per request (J, log scale)"),
                logAxis("Mean latency (ms, log scale)"), renderer(bySeries));
        plot.getRangeAxis().setUpperMargin(0.2); // room for the value labels above the markers
        if (bySeries.size() > 1) {
            legendBySeries(plot, drawn, dominated > 0);
        }
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(NAME, chart, XyCharts.PLOT_HEIGHT, data);
    }

    private static LogAxis logAxis(String label) {
        LogAxis a = new NiceLogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-9);
        a.setLabelFont(PaperStyle.LABEL_FONT);
        a.setTickLabelFont(PaperStyle.TICK_FONT);
        a.setAxisLineVisible(false);
        a.setUpperMargin(0.06);
        a.setLowerMargin(0.06);
        return a;
    }

    /** Per series s: 2s is its front (line, filled markers), 2s + 1 all its runs (hollow, labelled). */
    private static XYLineAndShapeRenderer renderer(List<List<Run>> bySeries) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setUseFillPaint(true);
        renderer.setDefaultFillPaint(Color.WHITE);
        renderer.setDrawOutlines(true);
        int points = bySeries.stream().mapToInt(List::size).sum();
        for (int s = 0; s < bySeries.size(); s++) {
            int front = 2 * s;
            int all = front + 1;
            Paint paint = PaperStyle.linePaint(s);
            renderer.setSeriesPaint(front, paint);
            renderer.setSeriesStroke(front, PaperStyle.lineStroke(s));
            renderer.setSeriesShape(front, PaperStyle.marker(s));
            renderer.setSeriesShapesFilled(front, true);
            renderer.setSeriesFillPaint(front, paint);
            renderer.setSeriesPaint(all, bySeries.size() == 1 ? Color.GRAY : paint);
            renderer.setSeriesShape(all, PaperStyle.marker(s));
            renderer.setSeriesShapesFilled(all, false);
            renderer.setSeriesLinesVisible(all, false);
            if (points <= MAX_LABELLED) {
                List<Run> runs = bySeries.get(s);
                XYItemLabelGenerator byX = (d, series, i) -> fmt(runs.get(i).x());
                renderer.setSeriesItemLabelGenerator(all, byX);
                renderer.setSeriesItemLabelsVisible(all, true);
                renderer.setSeriesItemLabelFont(all, PaperStyle.TICK_FONT);
            }
        }
        return renderer;
    }

    private static void legendBySeries(XYPlot plot, List<String> series, boolean anyDominated) {
        LegendItemCollection items = new LegendItemCollection();
        Shape line = new Line2D.Double(-7, 0, 7, 0);
        for (int s = 0; s < series.size(); s++) {
            Paint paint = PaperStyle.linePaint(s);
            items.add(new LegendItem(series.get(s), null, null, null, true, PaperStyle.marker(s), true, paint, true,
                    paint, new BasicStroke(1f), true, line, PaperStyle.lineStroke(s), paint));
        }
        if (anyDominated) {
            items.add(new LegendItem("dominated (hollow)", null, null, null, PaperStyle.marker(0),
                    new BasicStroke(1f), Color.GRAY));
        }
        plot.setFixedLegendItems(items);
    }

    /**
     * A log axis labelled at 1, 2 and 5 times powers of ten (JFreeChart's own labels only the
     * powers, which leaves a range of one decade with one label or none).
     */
    private static final class NiceLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;

        NiceLogAxis(String label) {
            super(label);
        }

        @Override
        public List<ValueTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            boolean vertical = RectangleEdge.isLeftOrRight(edge);
            TextAnchor anchor = vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER;
            double lo = getLowerBound();
            double hi = getUpperBound();
            java.text.DecimalFormat format = new java.text.DecimalFormat("0.###",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
            List<ValueTick> ticks = new ArrayList<>();
            for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
                for (int m : new int[] {1, 2, 5}) {
                    double v = m * Math.pow(10, k);
                    if (v >= lo && v <= hi) {
                        ticks.add(new NumberTick(TickType.MAJOR, v, format.format(v), anchor, anchor, 0));
                    }
                }
            }
            return ticks;
        }
    }

    private static List<Run> runs(List<Sweep.Point> points) {
        List<Run> runs = new ArrayList<>();
        for (Sweep.Point p : points) {
            var energy = p.metric(METRIC);
            if (energy.isPresent() && !Double.isNaN(energy.get().mean())) {
                SummaryRow lat = p.source().folder().require(p.source().point(), "latency.mean");
                runs.add(new Run(energy.get().mean(), lat.mean() * 1e3, p.x(), p.source().folder().name()));
            }
        }
        return runs;
    }

    /** Points no other point dominates (lower or equal energy and lower or equal latency). */
    static List<Run> paretoFront(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::joules).thenComparingDouble(Run::latencyMs));
        List<Run> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (Run r : sorted) {
            if (r.latencyMs() < best) {
                front.add(r);
                best = r.latencyMs();
            }
        }
        return front;
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.3g", v))
                .stripTrailingZeros().toPlainString();
    }
}
