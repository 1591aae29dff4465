package org.eesim.analysis.style;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A base-10 log axis labelled in plain decimals (1, 2, 5, 10, 20, 50, 100), not powers of ten:
 * the values a reader finds in the scenario. JFreeChart's own LogAxis steps whole powers of the
 * base, so a sweep of 0.5/s to 8/s got one labelled tick; here the densest of a few usual tick
 * sets whose labels do not collide is chosen, with unlabelled minor ticks at the other integers
 * of each decade.
 */
public final class DecimalLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    /** Tick mantissas per decade, sparsest first. */
    private static final double[][] SETS = {{1}, {1, 3}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};

    /** Space kept clear between two tick labels, in points. */
    private static final double GAP = 4;

    public DecimalLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-9);
        setMinorTickMarksVisible(true);
        setMinorTickMarkOutsideLength(1.5f);
        setMinorTickMarkInsideLength(0);
    }

    @Override
    protected List<NumberTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(g2, dataArea, edge, edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                : TextAnchor.TOP_CENTER);
    }

    @Override
    protected List<NumberTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(g2, dataArea, edge, edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT
                : TextAnchor.CENTER_RIGHT);
    }

    private List<NumberTick> ticks(Graphics2D g2, Rectangle2D area, RectangleEdge edge, TextAnchor anchor) {
        g2.setFont(getTickLabelFont());
        double[] chosen = SETS[0];
        for (double[] set : SETS) {
            if (fits(values(set), g2, area, edge)) {
                chosen = set;
            }
        }
        List<Double> major = values(chosen);
        // even one label per decade collides (many decades on a narrow axis): every second
        // decade, then every third, ..., the others keep unlabelled ticks
        for (int stride = 2; chosen == SETS[0] && stride <= 6 && !fits(major, g2, area, edge); stride++) {
            major = decades(stride);
        }
        List<NumberTick> ticks = new ArrayList<>();
        // plain-text ticks, not LogTicks: those are drawn as attributed strings, in a default
        // sans-serif and set higher under the axis than a linear axis's labels
        for (double v : major) {
            ticks.add(new NumberTick(TickType.MAJOR, v, label(v), anchor, anchor, 0));
        }
        for (double v : values(SETS[SETS.length - 1])) {
            if (!major.contains(v)) {
                ticks.add(new NumberTick(TickType.MINOR, v, "", anchor, anchor, 0));
            }
        }
        return ticks;
    }

    /** The values of this tick set inside the axis range, in ascending order. */
    private List<Double> values(double[] mantissas) {
        Range r = getRange();
        List<Double> out = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(Math.max(r.getLowerBound(), getSmallestValue())));
        int last = (int) Math.ceil(Math.log10(r.getUpperBound()));
        for (int e = first; e <= last; e++) {
            for (double m : mantissas) {
                // parsed from text so that 3 x 0.1 is the tick 0.3, which the label says
                double v = Double.parseDouble(Numbers.significant(m * Math.pow(10, e), 6));
                if (r.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The powers of ten inside the axis range whose exponent is a multiple of {@code stride}. */
    private List<Double> decades(int stride) {
        List<Double> out = new ArrayList<>();
        for (double v : values(SETS[0])) {
            if (Math.floorMod(Math.round(Math.log10(v)), stride) == 0) {
                out.add(v);
            }
        }
        return out;
    }

    /** True when no two neighbouring labels overlap (with {@link #GAP} between them). */
    private boolean fits(List<Double> values, Graphics2D g2, Rectangle2D area, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        double height = g2.getFontMetrics().getAscent();
        for (int i = 1; i < values.size(); i++) {
            double a = valueToJava2D(values.get(i - 1), area, edge);
            double b = valueToJava2D(values.get(i), area, edge);
            double need = horizontal
                    ? (width(g2, values.get(i - 1)) + width(g2, values.get(i))) / 2 + GAP
                    : height + GAP;
            if (Math.abs(b - a) < need) {
                return false;
            }
        }
        return true;
    }

    private static double width(Graphics2D g2, double v) {
        return g2.getFontMetrics().getStringBounds(label(v), g2).getWidth();
    }

    private static String label(double v) {
        return Numbers.significant(v, 6);
    }
}
