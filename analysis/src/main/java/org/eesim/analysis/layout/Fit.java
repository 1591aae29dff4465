package org.eesim.analysis.layout;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eesim.analysis.style.Exporter;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Sizes a chart for its column. The legend goes below (or above) the plot in columns
 * ({@link LegendGrid}) and the figure grows by its height instead of squeezing the plot; the
 * plot grows too when needed so that its data area keeps at least {@link #MIN_PLOT_SHARE} of the
 * figure's height (bar figures excepted: they grow by their bars) and is at least as tall as
 * its y label (a shorter plot clipped "(ms)" off
 * the label, and stacked panels' labels overlapped). The figure may not exceed
 * {@link Columns#maxHeight()}: past it the figure is refused ({@link TooCrowded}), never drawn
 * as a legend with no plot.
 */
public final class Fit {

    /** The least share of the figure's height the data area keeps. */
    public static final double MIN_PLOT_SHARE = 0.55;

    /** Bar labels may take this share of the figure's width. */
    private static final double BAR_LABEL_SHARE = 0.4;

    /** The final size, and the share of the height the data area got. */
    public record Size(double width, double height, double plotShare) {
    }

    private Fit() {
    }

    /**
     * Lays out {@code chart} at {@code columns}' width. {@code plotHeight} is the height of
     * the figure without its legend; {@code bars} (0 for an x-y figure) the bars it holds,
     * which are what overflows instead of the legend, each {@code barPitch} points tall;
     * {@code rename} maps legend labels.
     */
    public static Size fit(JFreeChart chart, Columns columns, double plotHeight, int bars,
            double barPitch, UnaryOperator<String> rename) {
        double width = columns.width();
        Graphics2D g2 = scratch(1, 1);
        try {
            RectangleInsets pad = chart.getPadding();
            double inner = width - pad.getLeft() - pad.getRight();
            shortenBarLabels(chart, inner, g2);
            LegendGrid.Laid legend = legend(chart, inner, rename, g2);
            double legendHeight = legend == null ? 0 : legend.height();
            double plot = plotHeight;
            double share = 0;
            for (int pass = 0; pass < 4; pass++) {
                double total = plot + legendHeight;
                ChartRenderingInfo info = render(chart, width, total);
                double data = info.getPlotInfo().getDataArea().getHeight();
                share = data / total;
                // bars keep their pitch: a figure of one bar is short, not mostly white
                double forShare = bars > 0 ? 0 : (MIN_PLOT_SHARE * total - data) / (1 - MIN_PLOT_SHARE);
                double grow = Math.max(forShare, labelDeficit(chart.getPlot(), info.getPlotInfo(), g2));
                if (grow < 0.5) {
                    break;
                }
                plot += grow;
            }
            double total = plot + legendHeight;
            if (total > columns.maxHeight() + 0.5) {
                throw crowded(columns, plotHeight, plot, legend, bars, barPitch, share);
            }
            return new Size(width, total, share);
        } finally {
            g2.dispose();
        }
    }

    /** Draws the chart off screen as the PNG exporter would, and returns where things went. */
    public static ChartRenderingInfo render(JFreeChart chart, double width, double height) {
        Graphics2D g2 = scratch((int) Math.ceil(width), (int) Math.ceil(height));
        try {
            ChartRenderingInfo info = new ChartRenderingInfo(null);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
            return info;
        } finally {
            g2.dispose();
        }
    }

    private static Graphics2D scratch(int w, int h) {
        Graphics2D g2 = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB)
                .createGraphics();
        Exporter.hints(g2);
        return g2;
    }

    /**
     * Replaces the chart's legend (if it has one) by a grid of its entries, renamed; null when
     * the chart has none.
     */
    private static LegendGrid.Laid legend(JFreeChart chart, double width, UnaryOperator<String> rename,
            Graphics2D g2) {
        RectangleEdge edge = null;
        List<Title> legends = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle old) {
                edge = old.getPosition();
                legends.add(old);
            }
        }
        legends.forEach(chart::removeSubtitle);
        if (edge == null) {
            return null;
        }
        LegendItemCollection raw = chart.getPlot().getLegendItems();
        List<LegendItem> items = new ArrayList<>();
        for (int i = 0; i < raw.getItemCount(); i++) {
            items.add(renamed(raw.get(i), rename.apply(raw.get(i).getLabel())));
        }
        if (items.isEmpty()) {
            return null;
        }
        LegendGrid.Laid laid = LegendGrid.lay(items, edge, width, g2);
        laid.titles().forEach(chart::addSubtitle);
        return laid;
    }

    private static LegendItem renamed(LegendItem i, String label) {
        if (label.equals(i.getLabel())) {
            return i;
        }
        LegendItem r = new LegendItem(label, i.getDescription(), i.getToolTipText(), i.getURLText(),
                i.isShapeVisible(), i.getShape(), i.isShapeFilled(), i.getFillPaint(),
                i.isShapeOutlineVisible(), i.getOutlinePaint(), i.getOutlineStroke(), i.isLineVisible(),
                i.getLine(), i.getLineStroke(), i.getLinePaint());
        if (i.getLabelFont() != null) {
            r.setLabelFont(i.getLabelFont());
        }
        if (i.getLabelPaint() != null) {
            r.setLabelPaint(i.getLabelPaint());
        }
        return r;
    }

    /**
     * Sets the bar labels' width and refuses labels that would be shortened into one another
     * (two bars that read alike would mislead more than a refusal).
     */
    private static void shortenBarLabels(JFreeChart chart, double width, Graphics2D g2) {
        if (!(chart.getPlot() instanceof CategoryPlot plot)
                || !(plot.getDomainAxis() instanceof EllipsisCategoryAxis axis)) {
            return;
        }
        axis.setMaxLabelWidth(width * BAR_LABEL_SHARE);
        Map<String, String> seen = new HashMap<>();
        for (Object key : plot.getCategories()) {
            String label = key.toString();
            String shown = axis.shortened(label, axis.getTickLabelFont(), g2);
            String other = seen.put(shown, label);
            if (other != null) {
                throw new IllegalArgumentException("bar labels '" + other + "' and '" + label
                        + "' both shorten to '" + shown + "' at this width: give them shorter names"
                        + " with --rename 'OLD=NEW'");
            }
        }
    }

    /**
     * How much taller the plot must be for every vertical axis label to fit along its data
     * area (0 when all fit); stacked subplots share the growth.
     */
    private static double labelDeficit(Plot plot, PlotRenderingInfo info, Graphics2D g2) {
        List<XYPlot> plots = new ArrayList<>();
        List<Rectangle2D> areas = new ArrayList<>();
        if (plot instanceof CombinedDomainXYPlot combined) {
            List<XYPlot> subs = combined.getSubplots();
            for (int i = 0; i < subs.size() && i < info.getSubplotCount(); i++) {
                plots.add(subs.get(i));
                areas.add(info.getSubplotInfo(i).getDataArea());
            }
        } else if (plot instanceof XYPlot xy && xy.getOrientation() == PlotOrientation.VERTICAL) {
            plots.add(xy);
            areas.add(info.getDataArea());
        }
        double worst = 0;
        for (int i = 0; i < plots.size(); i++) {
            ValueAxis y = plots.get(i).getRangeAxis();
            if (y == null || y.getLabel() == null || !y.isVisible()) {
                continue;
            }
            RectangleInsets in = y.getLabelInsets();
            double length = g2.getFontMetrics(y.getLabelFont()).getStringBounds(y.getLabel(), g2).getWidth()
                    + in.getLeft() + in.getRight() + 2;
            worst = Math.max(worst, length - areas.get(i).getHeight());
        }
        return worst * plots.size();
    }

    /**
     * The refusal, with how many bars or legend entries would fit. A legend of height L needs
     * a plot of max(base, (overhead + s L) / (1 - s)) for the share s, so within the bound H it
     * may be at most min(H - base, (1 - s) H - overhead) tall.
     */
    private static IllegalArgumentException crowded(Columns columns, double base, double plot, LegendGrid.Laid legend,
            int bars, double barPitch, double share) {
        double max = columns.maxHeight();
        double total = plot + (legend == null ? 0 : legend.height());
        if (bars > 0) {
            int fit = bars + (int) Math.floor((max - total) / barPitch);
            return new TooCrowded("bars", bars, Math.max(0, fit), columns);
        }
        if (legend == null) {
            // no legend to blame: the plot alone is taller than the bound (a very long y label)
            return new IllegalArgumentException("its plot, as tall as its y label, does not fit "
                    + columns.words() + ": shorten the label with --y-label");
        }
        double overhead = plot - share * total;
        double maxLegend = Math.min(max - base, (1 - MIN_PLOT_SHARE) * max - overhead);
        double fixed = legend.height() - legend.rows() * legend.rowHeight();
        int rows = Math.max(0, (int) Math.floor((maxLegend - fixed) / legend.rowHeight()));
        return new TooCrowded("legend entries", legend.entries(), rows * legend.columns(), columns);
    }
}
