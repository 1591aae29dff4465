package org.eesim.analysis.figures;

import java.nio.file.Path;
import java.util.List;
import org.eesim.analysis.style.Exporter;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.JFreeChart;

/**
 * A chart, its size in points and the tidy table of what it plots. Building the table in the
 * same pass as the dataset keeps the CSV exactly the plotted numbers.
 */
public record Figure(String name, JFreeChart chart, double width, double height, TidyTable data) {

    /**
     * The same figure across the text width of a two-column paper ({@code figure*}): wider, and
     * a little taller so the plot does not become a strip; fonts keep their size.
     */
    public Figure twoColumn() {
        return new Figure(name, chart, PaperStyle.TWO_COLUMN, height * 1.15, data);
    }

    /** Writes NAME.pdf, NAME.svg, NAME.png and NAME.csv into {@code dir}; returns them. */
    public List<Path> writeTo(Path dir) {
        Path pdf = dir.resolve(name + ".pdf");
        Path svg = dir.resolve(name + ".svg");
        Path png = dir.resolve(name + ".png");
        Path csv = dir.resolve(name + ".csv");
        Exporter.pdf(chart, width, height, pdf);
        Exporter.svg(chart, width, height, svg);
        Exporter.png(chart, width, height, png);
        data.write(csv);
        return List.of(pdf, svg, png, csv);
    }
}
