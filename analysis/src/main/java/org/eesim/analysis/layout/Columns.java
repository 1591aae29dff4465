package org.eesim.analysis.layout;

import org.eesim.analysis.style.PaperStyle;

/**
 * The two widths a paper figure comes in, and how tall each may grow. The bound is about 4.5 in
 * for both: past that, a one-column figure takes half a column and a {@code figure*} half a
 * page, and a reader is better served by fewer series.
 */
public enum Columns {
    ONE(PaperStyle.ONE_COLUMN, 1.3, "a one-column figure"),
    TWO(PaperStyle.TWO_COLUMN, 0.65, "a two-column figure");

    private final double width;
    private final double maxHeight;
    private final String words;

    Columns(double width, double maxHeightPerWidth, String words) {
        this.width = width;
        this.maxHeight = width * maxHeightPerWidth;
        this.words = words;
    }

    /** Width in points. */
    public double width() {
        return width;
    }

    /** The tallest figure allowed at this width, in points. */
    public double maxHeight() {
        return maxHeight;
    }

    /** {@code a one-column figure}, for messages. */
    public String words() {
        return words;
    }
}
