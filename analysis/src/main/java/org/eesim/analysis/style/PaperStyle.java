package org.eesim.analysis.style;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of a figure in a two-column paper (IEEE/ACM): sizes in PostScript points so that a
 * figure included at its natural width has text at the size of the caption. Series differ by
 * marker and dash as well as colour, so they survive a grayscale printer; colours are the
 * Okabe-Ito set, safe for colour-blind readers. No gradient, shadow or background.
 */
public final class PaperStyle {

    /** IEEEtran column width, 3.5 in, in points. */
    public static final double ONE_COLUMN = 3.5 * 72;
    /** IEEEtran text width, 7.16 in, in points. */
    public static final double TWO_COLUMN = 7.16 * 72;

    /**
     * Liberation Serif, shipped in this jar: Times-metric like an IEEE/ACM body, and the same
     * font on every machine, so that text is measured and drawn with one set of glyphs in PNG,
     * PDF and SVG alike (the vector formats draw it as outlines, see {@link Exporter}).
     */
    public static final Font BODY_FONT = loadFont("LiberationSerif-Regular.ttf");
    public static final Font TICK_FONT = BODY_FONT.deriveFont(8f);
    public static final Font LABEL_FONT = BODY_FONT.deriveFont(9f);
    public static final Font LEGEND_FONT = BODY_FONT.deriveFont(8f);

    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    /** Okabe-Ito, black first: the first series stays black in any print. */
    private static final Color[] LINE_COLORS = {
        Color.BLACK, new Color(0xD55E00), new Color(0x0072B2), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9)};

    /**
     * Series i takes colour i mod 7 and marker (or dash) i mod 6, so the first 42 series are
     * pairwise unlike; the 43rd would repeat the first.
     */
    public static final int DISTINCT_STYLES = 42;

    /** Dash patterns in points; null means solid. */
    private static final float[][] DASHES = {
        null, {4f, 2f}, {1f, 1.5f}, {5f, 1.5f, 1f, 1.5f}, {2f, 2f}, {6f, 2f, 1f, 2f, 1f, 2f}};

    private PaperStyle() {
    }

    /**
     * Applies the paper look to a chart, keeping the series paints, strokes and shapes that the
     * figure set (a {@code StandardChartTheme} would clear them, so none is used).
     */
    public static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        // the right padding keeps the last tick label ("100") inside the page
        chart.setPadding(new RectangleInsets(5, 2, 2, 8)); // top: half of the top tick label
        Plot plot = chart.getPlot();
        if (plot instanceof CombinedDomainXYPlot combined) {
            axis(combined.getDomainAxis());
            for (XYPlot sub : combined.getSubplots()) {
                xyPlot(sub);
            }
        } else if (plot instanceof XYPlot xy) {
            xyPlot(xy);
        } else if (plot instanceof CategoryPlot cat) {
            frame(cat);
            cat.setDomainGridlinesVisible(false);
            cat.setRangeGridlinePaint(GRID);
            cat.setRangeGridlineStroke(new BasicStroke(0.3f));
            axis(cat.getDomainAxis());
            axis(cat.getRangeAxis());
            if (cat.getRenderer() instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter()); // no gradient
                bars.setShadowVisible(false);
            }
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend(legend);
        }
    }

    /** A legend in the paper look: no frame, 8 pt, rows about 10 pt apart. */
    public static void legend(LegendTitle legend) {
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemFont(LEGEND_FONT);
        legend.setItemPaint(Color.BLACK);
        // JFreeChart's default (2 pt around every label) spaces rows 14 pt apart: a legend of
        // several rows then takes more of the figure than its words need
        legend.setItemLabelPadding(new RectangleInsets(0.5, 2, 0.5, 2));
        legend.setLegendItemGraphicPadding(new RectangleInsets(0.5, 1, 0.5, 1));
        legend.setPadding(new RectangleInsets(4, 0, 0, 0));
        legend.setMargin(RectangleInsets.ZERO_INSETS);
    }

    private static void xyPlot(XYPlot xy) {
        frame(xy);
        xy.setDomainGridlinePaint(GRID);
        xy.setRangeGridlinePaint(GRID);
        xy.setDomainGridlineStroke(new BasicStroke(0.3f));
        xy.setRangeGridlineStroke(new BasicStroke(0.3f));
        xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < xy.getDomainAxisCount(); i++) {
            axis(xy.getDomainAxis(i));
        }
        for (int i = 0; i < xy.getRangeAxisCount(); i++) {
            axis(xy.getRangeAxis(i));
        }
    }

    private static void frame(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setOutlineStroke(new BasicStroke(0.5f));
        plot.setInsets(new RectangleInsets(2, 2, 2, 2));
    }

    /**
     * Axes: serif, black, no axis line (the plot frame is one), short ticks. {@link #apply}
     * styles the axes a chart has; one set on it later is styled with this.
     */
    public static void axis(Axis axis) {
        if (axis == null) {
            return; // a subplot of a combined plot shares its parent's domain axis
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLineVisible(false);
        axis.setTickMarkPaint(Color.BLACK);
        axis.setTickMarkStroke(new BasicStroke(0.5f));
        axis.setTickMarkInsideLength(0);
        axis.setTickMarkOutsideLength(2);
    }

    public static Paint linePaint(int series) {
        return LINE_COLORS[series % LINE_COLORS.length];
    }

    public static Stroke lineStroke(int series) {
        float[] dash = DASHES[series % DASHES.length];
        return dash == null
                ? new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** Markers about 4 pt across: circle, square, triangle, diamond, triangle down, cross. */
    public static Shape marker(int series) {
        double s = 4.0;
        double h = s / 2;
        switch (series % 6) {
            case 0:
                return new Ellipse2D.Double(-h, -h, s, s);
            case 1:
                return new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
            case 2:
                return polygon(0, -h * 1.1, h * 1.1, h * 0.8, -h * 1.1, h * 0.8);
            case 3:
                return polygon(0, -h * 1.2, h * 1.2, 0, 0, h * 1.2, -h * 1.2, 0);
            case 4:
                return polygon(0, h * 1.1, h * 1.1, -h * 0.8, -h * 1.1, -h * 0.8);
            default:
                return polygon(-h, -h * 0.3, -h * 0.3, -h * 0.3, -h * 0.3, -h, h * 0.3, -h,
                        h * 0.3, -h * 0.3, h, -h * 0.3, h, h * 0.3, h * 0.3, h * 0.3, h * 0.3, h,
                        -h * 0.3, h, -h * 0.3, h * 0.3, -h, h * 0.3);
        }
    }

    /**
     * Fill for the i-th of n ordered categories (exits from first to last): one hue whose
     * lightness falls steadily, so the order reads in grayscale too.
     */
    public static Paint sequentialFill(int i, int n) {
        float t = n <= 1 ? 0.5f : (float) i / (n - 1);
        float brightness = 0.95f - 0.65f * t;
        float saturation = 0.15f + 0.55f * t;
        return Color.getHSBColor(0.58f, saturation, brightness);
    }

    private static Font loadFont(String resource) {
        try (InputStream in = PaperStyle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the figure font " + resource
                        + " is missing from the analysis jar: rebuild it");
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            // registered so that code which rebuilds a font from its family name (JFreePDF's
            // attributed-text path does) finds this one rather than a sans-serif fallback
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font.deriveFont(9f);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the figure font " + resource, e);
        }
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
