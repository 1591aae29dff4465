package org.eesim.analysis.layout;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.Arrangement;
import org.jfree.chart.block.Block;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.block.FlowArrangement;
import org.jfree.chart.block.GridArrangement;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.Range;

/**
 * A legend in as many equal columns as the width holds, rows read left to right. JFreeChart's
 * default flows entries of unequal widths into ragged rows and, past a few, takes the plot's
 * height; here the figure is grown instead ({@link Fit}) and the columns line up. An entry
 * marked by {@link #startingRow} begins a new section, laid out on its own below the first, so
 * that the statistics (mean, p95) of a two-factor legend stay together below its conditions;
 * notes (entries with no symbol) go last, on lines of their own.
 */
public final class LegendGrid {

    private static final String NEW_ROW = "\u0000eesim:new-row";

    /** Space between two entries of a row, in points. */
    private static final double GAP = 8;

    /**
     * A laid-out legend: the titles to add to the chart, in order (a flow of notes, outermost,
     * then the grid, next to the plot), and their size; {@code rows} and {@code rowHeight} are
     * the grid's.
     */
    public record Laid(List<LegendTitle> titles, int entries, int columns, int rows, double rowHeight,
            double height) {
    }

    private LegendGrid() {
    }

    /** Marks {@code item} as the first of a new row of the legend; returns it. */
    public static LegendItem startingRow(LegendItem item) {
        item.setDescription(NEW_ROW);
        return item;
    }

    static boolean startsRow(LegendItem item) {
        return NEW_ROW.equals(item.getDescription());
    }

    /** A note: words without a symbol (what was left out, and why), set below the grid. */
    static boolean isNote(LegendItem item) {
        return !item.isShapeVisible() && !item.isLineVisible();
    }

    /**
     * Lays {@code all} out at {@code edge} (top or bottom) across {@code width} points: each
     * section (a run of entries up to the next {@link #startingRow} mark) in columns of its own
     * width, then the notes.
     */
    public static Laid lay(List<LegendItem> all, RectangleEdge edge, double width, Graphics2D g2) {
        List<List<LegendItem>> sections = new ArrayList<>();
        for (LegendItem item : all) {
            if (!isNote(item) && (sections.isEmpty() || startsRow(item))) {
                sections.add(new ArrayList<>());
            }
            if (!isNote(item)) {
                sections.get(sections.size() - 1).add(item);
            }
        }
        List<LegendItem> notes = all.stream().filter(LegendGrid::isNote).toList();
        List<LegendTitle> titles = new ArrayList<>();
        double height = 0;
        Section first = null;
        for (List<LegendItem> items : sections) {
            Section s = section(items, edge, width, g2);
            first = first == null ? s : first;
            titles.add(s.title());
            height += s.height();
        }
        if (!notes.isEmpty()) {
            LegendTitle below = title(notes, flow(), edge);
            below.setPadding(new RectangleInsets(1, 0, 0, 0));
            titles.add(below);
            height += measure(below, width, g2);
        }
        // the chart places the first title added outermost: below the plot, the last section
        if (edge != RectangleEdge.TOP) {
            java.util.Collections.reverse(titles);
        }
        int entries = sections.stream().mapToInt(List::size).sum();
        return first == null ? new Laid(titles, 0, 1, 0, 0, height)
                : new Laid(titles, entries, first.columns(), first.rows(), first.rowHeight(), height);
    }

    private record Section(LegendTitle title, int columns, int rows, double rowHeight, double height) {
    }

    /** One run of entries in as many equal columns as fit; on one row, at their own widths. */
    private static Section section(List<LegendItem> items, RectangleEdge edge, double width, Graphics2D g2) {
        LegendTitle probe = title(items, new FlowArrangement(), edge);
        probe.arrange(g2, RectangleConstraint.NONE);
        double cellWidth = 0;
        double cellHeight = 0;
        double rowWidth = -GAP;
        for (Object b : probe.getItemContainer().getBlocks()) {
            Size2D s = ((Block) b).arrange(g2, RectangleConstraint.NONE);
            cellWidth = Math.max(cellWidth, s.getWidth() + GAP);
            cellHeight = Math.max(cellHeight, s.getHeight());
            rowWidth += s.getWidth() + GAP;
        }
        int columns = rowWidth <= width ? items.size()
                : Math.max(1, Math.min(items.size(), (int) Math.floor((width + GAP) / cellWidth)));
        int rows = (items.size() + columns - 1) / columns;
        LegendTitle legend;
        if (rows == 1) {
            // one row: entries at their own widths, centred, like a caption's key
            legend = title(items, flow(), edge);
        } else {
            legend = title(items, new GridArrangement(rows, columns), edge);
            double side = Math.max(0, (width - columns * cellWidth + GAP) / 2);
            legend.setMargin(new RectangleInsets(0, side, 0, side));
        }
        return new Section(legend, columns, rows, cellHeight, measure(legend, width, g2));
    }

    private static FlowArrangement flow() {
        return new FlowArrangement(HorizontalAlignment.CENTER, VerticalAlignment.TOP, GAP, 0);
    }

    private static double measure(LegendTitle t, double width, Graphics2D g2) {
        return t.arrange(g2, new RectangleConstraint(width, new Range(0, 1e6))).getHeight();
    }

    private static LegendTitle title(List<LegendItem> items, Arrangement horizontal, RectangleEdge edge) {
        LegendItemCollection fixed = new LegendItemCollection();
        items.forEach(fixed::add);
        LegendTitle t = new LegendTitle(() -> fixed, horizontal, new ColumnArrangement());
        PaperStyle.legend(t);
        t.setPosition(edge);
        return t;
    }
}
