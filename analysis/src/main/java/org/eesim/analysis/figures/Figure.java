package org.eesim.analysis.figures;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eesim.analysis.layout.Columns;
import org.eesim.analysis.layout.Fit;
import org.eesim.analysis.style.Exporter;
import org.jfree.chart.JFreeChart;

/**
 * A chart, the tidy table of what it plots and how it is sized. Building the table in the same
 * pass as the dataset keeps the CSV exactly the plotted numbers. A figure is built for one
 * column and sized by {@link #fit}: its legend laid out below it and its height grown to hold
 * it ({@link Fit}); {@link #height()} is NaN until then.
 *
 * @param plotHeight the one-column height without legend, in points; for bars, without the bars
 * @param bars the number of bars (0 for an x-y figure), each {@code barPitch} points tall
 */
public record Figure(String name, JFreeChart chart, TidyTable data, double plotHeight, int bars,
        double barPitch, Columns columns, double height) {

    /**
     * A two-column figure's plot is this much taller than a one-column one's, so that twice
     * the width does not make it a strip; fonts keep their size.
     */
    static final double TWO_COLUMN_TALLER = 1.15;

    /** An x-y figure, {@code plotHeight} points tall at one column before its legend. */
    public Figure(String name, JFreeChart chart, double plotHeight, TidyTable data) {
        this(name, chart, data, plotHeight, 0, 0, Columns.ONE, Double.NaN);
    }

    /** A bar figure: a header (axis, legend) and {@code bars} bars of {@code barPitch} points. */
    public static Figure bars(String name, JFreeChart chart, double header, int bars, double barPitch,
            TidyTable data) {
        return new Figure(name, chart, data, header, bars, barPitch, Columns.ONE, Double.NaN);
    }

    public double width() {
        return columns.width();
    }

    /**
     * This figure sized for {@code at}: the legend in columns with its entries renamed by
     * {@code rename}, the height grown to hold it. Fails with
     * {@link org.eesim.analysis.layout.TooCrowded} past the height bound.
     */
    public Figure fit(Columns at, UnaryOperator<String> rename) {
        double plot = bars > 0 ? plotHeight + bars * barPitch
                : plotHeight * (at == Columns.TWO ? TWO_COLUMN_TALLER : 1);
        Fit.Size size = Fit.fit(chart, at, plot, bars, barPitch, rename);
        return new Figure(name, chart, data, plotHeight, bars, barPitch, at, size.height());
    }

    public Figure fit(Columns at) {
        return fit(at, UnaryOperator.identity());
    }

    /** The same figure across the text width of a two-column paper ({@code figure*}). */
    public Figure twoColumn() {
        return fit(Columns.TWO);
    }

    /**
     * Writes NAME.pdf, NAME.svg, NAME.png and NAME.csv into {@code dir}; returns them. A figure
     * not yet sized is sized for one column first, so nothing is written with a squeezed plot.
     */
    public List<Path> writeTo(Path dir) {
        Figure f = Double.isNaN(height) ? fit(Columns.ONE) : this;
        Path pdf = dir.resolve(name + ".pdf");
        Path svg = dir.resolve(name + ".svg");
        Path png = dir.resolve(name + ".png");
        Path csv = dir.resolve(name + ".csv");
        Exporter.pdf(chart, f.width(), f.height(), pdf);
        Exporter.svg(chart, f.width(), f.height(), svg);
        Exporter.png(chart, f.width(), f.height(), png);
        data.write(csv);
        return List.of(pdf, svg, png, csv);
    }
}
