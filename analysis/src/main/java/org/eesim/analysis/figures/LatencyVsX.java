package org.eesim.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.eesim.analysis.style.PaperStyle;
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
 * Latency vs X: the mean with its 95% CI as a shaded band, and the p95 and p99 (means over
 * replications) as their own lines, since tails are what deadlines are about.
 */
public final class LatencyVsX {

    public static final String NAME = "latency-vs-x";

    private LatencyVsX() {
    }

    public static Figure of(Sweep sweep) {
        YIntervalSeriesCollection means = new YIntervalSeriesCollection();
        XYSeriesCollection tails = new XYSeriesCollection();
        TidyTable data = new TidyTable("series", "x", "latency_ms", "ci_low_ms", "ci_high_ms",
                "folder");
        for (String condition : sweep.conditions()) {
            YIntervalSeries mean = new YIntervalSeries(sweep.seriesName(condition, "mean"));
            XYSeries p95 = new XYSeries(sweep.seriesName(condition, "p95"));
            XYSeries p99 = new XYSeries(sweep.seriesName(condition, "p99"));
            for (Sweep.Point p : sweep.in(condition)) {
                var folder = p.source().folder();
                var m = folder.require(p.source().point(), "latency.mean");
                mean.add(p.x(), m.mean() * 1e3, m.ciLow() * 1e3, m.ciHigh() * 1e3);
                data.add(mean.getKey(), p.x(), m.mean() * 1e3, m.ciLow() * 1e3,
                        m.ciHigh() * 1e3, folder.name());
                for (XYSeries tail : new XYSeries[] {p95, p99}) {
                    String metric = "latency." + tail.getKey().toString()
                            .substring(tail.getKey().toString().lastIndexOf('p'));
                    var t = folder.require(p.source().point(), metric);
                    tail.add(p.x(), t.mean() * 1e3);
                    data.add(tail.getKey(), p.x(), t.mean() * 1e3, t.ciLow() * 1e3,
                            t.ciHigh() * 1e3, folder.name());
                }
            }
            means.addSeries(mean);
            tails.addSeries(p95);
            tails.addSeries(p99);
        }
        NumberAxis y = XyCharts.axis("End-to-end latency (ms)");
        y.setAutoRangeIncludesZero(true);
        BandRenderer band = new BandRenderer();
        XyCharts.style(band, means.getSeriesCount(), 0);
        for (int i = 0; i < means.getSeriesCount(); i++) {
            band.setSeriesStroke(i, new BasicStroke(1.0f));
        }
        band.setAlpha(1f);
        XYPlot plot = new XYPlot(means, XyCharts.xAxis(sweep.axis().label()), y, band);
        plot.setDataset(1, tails);
        XYLineAndShapeRenderer tailLines = XyCharts.lines(tails.getSeriesCount(), 1);
        plot.setRenderer(1, tailLines);
        if (sweep.conditions().size() > 1) {
            // colour = condition, dash = statistic: the mean solid over its band, p95 dashed, p99 dotted
            for (int c = 0; c < means.getSeriesCount(); c++) {
                XyCharts.styleTwoFactor(band, c, c, 0);
                XyCharts.styleTwoFactor(tailLines, 2 * c, c, 1);
                XyCharts.styleTwoFactor(tailLines, 2 * c + 1, c, 2);
            }
            XyCharts.twoFactorLegend(plot, sweep.conditions(),
                    List.of("mean (95% CI band)", "p95", "p99"));
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(NAME, chart, PaperStyle.ONE_COLUMN, PaperStyle.ONE_COLUMN * 0.72, data);
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
