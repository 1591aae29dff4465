package org.eesim.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.util.List;
import org.eesim.analysis.layout.LegendGrid;
import org.eesim.analysis.style.DecimalLogAxis;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/** The line-with-markers charts shared by the "vs X" figures. */
final class XyCharts {

    /**
     * The height of a one-column x-y figure without its legend, in points (2.3 in): with a
     * one-row legend, the 0.72 aspect these figures always had.
     */
    static final double PLOT_HEIGHT = PaperStyle.ONE_COLUMN * 0.66;

    private XyCharts() {
    }

    static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        // markers at the first and last x stay whole inside the frame
        a.setLowerMargin(0.04);
        a.setUpperMargin(0.04);
        a.setLabelFont(PaperStyle.LABEL_FONT);
        a.setTickLabelFont(PaperStyle.TICK_FONT);
        a.setAxisLineVisible(false);
        return a;
    }

    /**
     * The y axis of a quantity that cannot be negative (a latency, a share, a queue), from 0:
     * the 95% interval of two replications can reach below 0, and an axis drawn to -1 queued
     * requests would show an impossible value.
     */
    static NumberAxis nonNegative(String label) {
        NumberAxis a = axis(label);
        a.setAutoRangeIncludesZero(true);
        a.setRangeType(org.jfree.data.RangeType.POSITIVE);
        return a;
    }

    /** The x axis of a "vs x" figure: a point at x = 0 keeps its margin off the frame too. */
    static NumberAxis xAxis(String label) {
        NumberAxis a = axis(label);
        a.setAutoRangeStickyZero(false);
        return a;
    }

    /**
     * The x axis of a "vs x" figure, on a log scale when {@code logX} says so or, when it is
     * null, when the sweep declared the x key with {@code log_range}.
     */
    static ValueAxis xAxis(Sweep sweep, Boolean logX) {
        boolean log = logX != null ? logX : sweep.declaredLog();
        if (!log) {
            return xAxis(sweep.axis().label());
        }
        for (Sweep.Point p : sweep.points()) {
            if (!(p.x() > 0)) {
                throw new IllegalArgumentException("--log-x: " + p.source().label() + " is at x = "
                        + p.x() + ", which a log axis cannot show; use --no-log-x");
            }
        }
        return logAxis(sweep.axis().label());
    }

    /** A log axis in the paper look, with the same margins as {@link #axis}. */
    static DecimalLogAxis logAxis(String label) {
        DecimalLogAxis a = new DecimalLogAxis(label);
        a.setLowerMargin(0.04);
        a.setUpperMargin(0.04);
        PaperStyle.axis(a);
        return a;
    }

    /**
     * Refuses more series groups than there are distinct (colour, marker) pairs: past them two
     * series would be drawn alike, and the legend could not tell them apart.
     */
    static void requireDistinct(String figure, int groups) {
        if (groups > PaperStyle.DISTINCT_STYLES) {
            throw new IllegalArgumentException("figure " + figure + ": " + groups + " series, but only "
                    + PaperStyle.DISTINCT_STYLES + " can be drawn unlike each other: draw fewer with"
                    + " --points ID,ID,... (ids from points.csv)");
        }
    }

    /** Lines with markers, series i drawn in the paper's i-th colour, dash and marker. */
    static XYLineAndShapeRenderer lines(int seriesCount, int styleOffset) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        style(r, seriesCount, styleOffset);
        return r;
    }

    /** Lines with markers and vertical 95% CI whiskers from a YIntervalSeriesCollection. */
    static XYErrorRenderer withErrorBars(int seriesCount) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        r.setCapLength(3);
        r.setErrorStroke(new BasicStroke(0.5f));
        style(r, seriesCount, 0);
        return r;
    }

    static void style(XYLineAndShapeRenderer r, int seriesCount, int offset) {
        for (int i = 0; i < seriesCount; i++) {
            styleOne(r, i, i + offset);
        }
        common(r);
    }

    /** Series {@code series} in the paper's {@code style}-th colour, dash and marker. */
    static void styleOne(XYLineAndShapeRenderer r, int series, int style) {
        r.setSeriesPaint(series, PaperStyle.linePaint(style));
        r.setSeriesStroke(series, PaperStyle.lineStroke(style));
        r.setSeriesShape(series, PaperStyle.marker(style));
        // filled markers in the line's colour, the others hollow (white inside)
        boolean filled = style % 2 == 0;
        r.setSeriesShapesFilled(series, filled);
        r.setSeriesFillPaint(series, filled ? PaperStyle.linePaint(style) : Color.WHITE);
    }

    /** What every series of these renderers shares: markers outlined in their line's colour. */
    static void common(XYLineAndShapeRenderer r) {
        r.setUseFillPaint(true);
        r.setDefaultFillPaint(Color.WHITE);
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(false);
    }

    /**
     * Styles series {@code series} of a two-factor figure (several input conditions, each with
     * several lines): colour and marker name the {@code group}, the dash names the {@code kind},
     * so that 11 distortion levels x 3 statistics stay apart without 33 colours.
     */
    static void styleTwoFactor(XYLineAndShapeRenderer r, int series, int group, int kind) {
        r.setSeriesPaint(series, PaperStyle.linePaint(group));
        r.setSeriesShape(series, PaperStyle.marker(group));
        r.setSeriesShapesFilled(series, group % 2 == 0);
        r.setSeriesFillPaint(series, group % 2 == 0 ? PaperStyle.linePaint(group) : Color.WHITE);
        r.setSeriesStroke(series, PaperStyle.lineStroke(kind));
    }

    /**
     * The legend of a two-factor figure: one entry per group (its colour and marker) then, on
     * a row of their own, one per kind (a black line in its dash), instead of one entry per
     * series. A single kind is left out (the axis title names it).
     */
    static void twoFactorLegend(XYPlot plot, List<String> groups, List<String> kinds) {
        twoFactorLegend(plot, groups, kinds, false);
    }

    /** As above; {@code showOneKind} keeps a single kind's entry (one that explains a band). */
    static void twoFactorLegend(XYPlot plot, List<String> groups, List<String> kinds, boolean showOneKind) {
        LegendItemCollection items = new LegendItemCollection();
        Shape line = new Line2D.Double(-7, 0, 7, 0);
        for (int g = 0; g < groups.size(); g++) {
            LegendItem item = new LegendItem(groups.get(g), null, null, null, true,
                    PaperStyle.marker(g), g % 2 == 0, g % 2 == 0 ? PaperStyle.linePaint(g) : Color.WHITE,
                    true, PaperStyle.linePaint(g), new BasicStroke(1.0f), true, line,
                    PaperStyle.lineStroke(0), PaperStyle.linePaint(g));
            items.add(item);
        }
        if (kinds.size() > 1 || showOneKind && kinds.size() == 1) {
            for (int k = 0; k < kinds.size(); k++) {
                LegendItem item = new LegendItem(kinds.get(k), null, null, null, line,
                        PaperStyle.lineStroke(k), Color.BLACK);
                items.add(k == 0 ? LegendGrid.startingRow(item) : item);
            }
        }
        plot.setFixedLegendItems(items);
    }

    static JFreeChart chart(XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, PaperStyle.LABEL_FONT, plot, legend);
        PaperStyle.apply(chart);
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    static XYPlot plot(XYDataset dataset, ValueAxis x, NumberAxis y, XYLineAndShapeRenderer r) {
        return new XYPlot(dataset, x, y, r);
    }
}
