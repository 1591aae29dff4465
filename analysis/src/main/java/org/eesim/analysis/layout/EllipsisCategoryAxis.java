package org.eesim.analysis.layout;

import java.awt.Font;
import java.awt.Graphics2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Category labels on one line, shortened in the middle when longer than a set width:
 * {@code links.upl…100 Mbps} keeps both ends, where JFreeChart's own wrapping cut
 * {@code links.uplink.bandwidth=100 Mbps} to {@code links.uplink. bandwidth=1 Mbp…}, which reads
 * as another value. {@link Fit} sets the width from the figure's and refuses labels that the
 * shortening would make equal.
 */
public final class EllipsisCategoryAxis extends CategoryAxis {

    private static final long serialVersionUID = 1L;

    private static final String ELLIPSIS = "\u2026";

    private double maxLabelWidth = 100;

    public EllipsisCategoryAxis() {
        super(null);
    }

    /** The widest a label may be, in points. */
    public void setMaxLabelWidth(double points) {
        this.maxLabelWidth = points;
    }

    public double maxLabelWidth() {
        return maxLabelWidth;
    }

    @Override
    @SuppressWarnings("rawtypes") // CategoryAxis's signature
    protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
        Font font = getTickLabelFont(category);
        return TextUtils.createTextBlock(shortened(category.toString(), font, g2),
                font, getTickLabelPaint(category));
    }

    /** {@code text} as drawn: itself when it fits, else its two ends around an ellipsis. */
    public String shortened(String text, Font font, Graphics2D g2) {
        if (width(text, font, g2) <= maxLabelWidth) {
            return text;
        }
        // the longest head + ... + tail that fits, the tail no shorter than the head
        for (int keep = text.length() - 1; keep > 1; keep--) {
            int head = keep / 2;
            String s = text.substring(0, head) + ELLIPSIS + text.substring(text.length() - (keep - head));
            if (width(s, font, g2) <= maxLabelWidth) {
                return s;
            }
        }
        return ELLIPSIS;
    }

    private static double width(String s, Font font, Graphics2D g2) {
        return g2.getFontMetrics(font).getStringBounds(s, g2).getWidth();
    }
}
