package org.eesim.analysis.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Latency vs X: the mean with its 95% CI as a shaded band, and tails (p95, p99: means over
 * replications) as their own lines, since tails are what deadlines are about. Which statistics
 * are drawn is a choice ({@code --stats}); by default all three when there are at most
 * {@link #FEW} series groups, else the mean alone, since eight groups of three lines hide one
 * another.
 */
public final class LatencyVsX {

    public static final String NAME = "latency-vs-x";

    /** The statistics sim-core writes per replication (latency.*), in the order drawn. */
    public static final List<String> STATS = List.of("mean", "p50", "p95", "p99", "max");

    /** Up to this many groups, the default draws mean, p95 and p99. */
    static final int FEW = 3;

    private LatencyVsX() {
    }

    public static Figure of(Sweep sweep) {
        return of(sweep, null, List.of());
    }

    /**
     * @param logX log x axis; null: when the sweep declared x with log_range
     * @param stats the statistics to draw (from {@link #STATS}); empty: the default
     */
    public static Figure of(Sweep sweep, Boolean logX, List<String> stats) {
        List<String> chosen = chosen(sweep, stats);
        XyCharts.requireDistinct(NAME, sweep.conditions().size());
        boolean band = chosen.contains("mean");
        List<String> lines = chosen.stream().filter(st -> !st.equals("mean")).toList();
        YIntervalSeriesCollection means = new YIntervalSeriesCollection();
        XYSeriesCollection tails = new XYSeriesCollection();
        TidyTable data = new TidyTable("series", "x", "latency_ms", "ci_low_ms", "ci_high_ms",
                "folder");
        for (String condition : sweep.conditions()) {
            YIntervalSeries mean = new YIntervalSeries(sweep.seriesName(condition, "mean"));
            List<XYSeries> others = new ArrayList<>();
            for (String st : lines) {
                others.add(new XYSeries(sweep.seriesName(condition, st)));
            }
            for (Sweep.Point p : sweep.in(condition)) {
                var folder = p.source().folder();
                if (band) {
                    var m = folder.require(p.source().point(), "latency.mean");
                    mean.add(p.x(), m.mean() * 1e3, m.ciLow() * 1e3, m.ciHigh() * 1e3);
                    data.add(mean.getKey(), p.x(), m.mean() * 1e3, m.ciLow() * 1e3,
                            m.ciHigh() * 1e3, folder.name());
                }
                for (int k = 0; k < lines.size(); k++) {
                    var t = folder.require(p.source().point(), "latency." + lines.get(k));
                    others.get(k).add(p.x(), t.mean() * 1e3);
                    data.add(others.get(k).getKey(), p.x(), t.mean() * 1e3, t.ciLow() * 1e3,
                            t.ciHigh() * 1e3, folder.name());
                }
            }
            if (band) {
                means.addSeries(mean);
            }
            others.forEach(tails::addSeries);
        }
        NumberAxis y = XyCharts.nonNegative(chosen.size() == 1
                ? Metric.of("latency." + chosen.get(0)).labelWithUnit() : "End-to-end latency (ms)");
        BandRenderer bandRenderer = new BandRenderer();
        bandRenderer.setAlpha(1f);
        XyCharts.common(bandRenderer);
        XYLineAndShapeRenderer tailLines = new XYLineAndShapeRenderer(true, true);
        XyCharts.common(tailLines);
        int groups = sweep.conditions().size();
        for (int c = 0; c < groups; c++) {
            for (int k = 0; k < lines.size(); k++) {
                int series = c * lines.size() + k;
                int kind = chosen.indexOf(lines.get(k));
                if (groups > 1) {
                    XyCharts.styleTwoFactor(tailLines, series, c, kind);
                } else {
                    XyCharts.styleOne(tailLines, series, kind);
                }
            }
            if (band) {
                if (groups > 1) {
                    XyCharts.styleTwoFactor(bandRenderer, c, c, chosen.indexOf("mean"));
                } else {
                    XyCharts.styleOne(bandRenderer, c, chosen.indexOf("mean"));
                }
            }
        }
        XYPlot plot = new XYPlot(band ? means : tails, XyCharts.xAxis(sweep, logX), y,
                band ? bandRenderer : tailLines);
        if (band && !lines.isEmpty()) {
            plot.setDataset(1, tails);
            plot.setRenderer(1, tailLines);
        }
        if (groups > 1) {
            // colour = condition, dash = statistic: the mean solid over its band, p95 dashed, p99 dotted
            XyCharts.twoFactorLegend(plot, sweep.conditions(), chosen.stream()
                    .map(st -> st.equals("mean") ? "mean (95% CI band)" : st).toList(), band);
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(NAME, chart, XyCharts.PLOT_HEIGHT, data);
    }

    /** The statistics to draw: those asked for, in {@link #STATS} order, or the default. */
    static List<String> chosen(Sweep sweep, List<String> stats) {
        if (stats.isEmpty()) {
            return sweep.conditions().size() <= FEW ? List.of("mean", "p95", "p99") : List.of("mean");
        }
        for (String st : stats) {
            if (!STATS.contains(st)) {
                throw new IllegalArgumentException("--stats: unknown statistic '" + st + "' (known: "
                        + String.join(", ", STATS) + ")");
            }
        }
        return STATS.stream().filter(stats::contains).toList();
    }

    /**
     * DeviationRenderer fills the band and the markers with the same "fill paint"; here the band
     * is a light opaque tint of the line's colour (no transparency for printers to flatten) and
     * the markers keep their own fill, so they match the legend.
     */
    private static final class BandRenderer extends DeviationRenderer {
        private static final long serialVersionUID = 1L;
        private transient int pass;

        BandRenderer() {
            super(true, true);
        }

        @Override
        public void drawItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.xy.XYItemRendererState state,
                java.awt.geom.Rectangle2D dataArea, org.jfree.chart.plot.PlotRenderingInfo info, XYPlot plot,
                org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                org.jfree.data.xy.XYDataset dataset, int series, int item,
                org.jfree.chart.plot.CrosshairState crosshairState, int pass) {
            this.pass = pass;
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                    crosshairState, pass);
        }

        @Override
        public java.awt.Paint getItemFillPaint(int series, int item) {
            return pass == 0 ? tint((Color) getItemPaint(series, item)) : super.getItemFillPaint(series, item);
        }
    }

    private static Color tint(Color c) {
        double keep = 0.18;
        return new Color((int) Math.round(255 - (255 - c.getRed()) * keep),
                (int) Math.round(255 - (255 - c.getGreen()) * keep),
                (int) Math.round(255 - (255 - c.getBlue()) * keep));
    }
}
