package org.eesim.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eesim.analysis.results.CsvFile;
import org.eesim.analysis.results.ResultsException;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Published values drawn over a figure, to validate a reproduction by eye:
 * {@code --reference FILE}, a CSV {@code figure,series,x,y} whose {@code series} names a series
 * of that figure (its key, as in the figure's own CSV) and whose {@code y} is in the figure's
 * unit. Each value is a large hollow marker in its series' colour, with no line, so a simulated
 * point inside it agrees.
 */
public final class Reference {

    private final Path file;
    private final Map<String, Map<String, XYSeries>> byFigure = new LinkedHashMap<>();

    private Reference(Path file) {
        this.file = file;
    }

    public static Reference read(Path file) {
        Reference r = new Reference(file);
        for (CsvFile.Row row : CsvFile.read(file, "figure", "series", "x", "y").rows()) {
            String figure = row.text("figure");
            String series = row.text("series");
            r.byFigure.computeIfAbsent(figure, f -> new LinkedHashMap<>())
                    .computeIfAbsent(series, s -> new XYSeries(s, true, true))
                    .add(row.number("x"), row.number("y"));
        }
        return r;
    }

    /**
     * Refuses, before anything is drawn, rows for a figure that is not among those to draw (a
     * typo would otherwise leave the published values silently out).
     */
    public void requireFigures(java.util.Collection<String> drawn) {
        for (String figure : byFigure.keySet()) {
            if (!drawn.contains(figure)) {
                throw new ResultsException(file + ": rows for figure '" + figure + "', which is not drawn here"
                        + " (drawn: " + String.join(", ", drawn) + ")");
            }
        }
    }

    /** Draws this figure's reference values over {@code figure}; a series it lacks is an error. */
    public void overlay(Figure figure) {
        Map<String, XYSeries> mine = byFigure.get(figure.name());
        if (mine == null) {
            return;
        }
        if (!(figure.chart().getPlot() instanceof XYPlot plot)
                || figure.chart().getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot) {
            throw new ResultsException(file + ": published values can be drawn over a single x-y figure,"
                    + " not over " + figure.name());
        }
        XYSeriesCollection published = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int i = 0;
        for (XYSeries s : mine.values()) {
            Paint paint = paintOf(plot, s.getKey().toString());
            published.addSeries(s);
            renderer.setSeriesPaint(i, paint);
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
            renderer.setSeriesShapesFilled(i, false);
            renderer.setSeriesOutlineStroke(i, new BasicStroke(0.8f));
            renderer.setSeriesVisibleInLegend(i, false);
            i++;
        }
        renderer.setUseOutlinePaint(false);
        renderer.setDrawOutlines(true);
        int index = plot.getDatasetCount();
        plot.setDataset(index, published);
        plot.setRenderer(index, renderer);
        LegendItemCollection items = new LegendItemCollection();
        items.addAll(plot.getFixedLegendItems() != null ? plot.getFixedLegendItems() : legendOf(plot, index));
        items.add(new LegendItem("published (open circle)", null, null, null,
                new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8), new BasicStroke(0.8f), Color.BLACK));
        plot.setFixedLegendItems(items);
    }

    private LegendItemCollection legendOf(XYPlot plot, int excluded) {
        LegendItemCollection out = new LegendItemCollection();
        for (int d = 0; d < excluded; d++) {
            XYItemRenderer r = plot.getRenderer(d);
            if (r != null) {
                out.addAll(r.getLegendItems());
            }
        }
        return out;
    }

    private Paint paintOf(XYPlot plot, String series) {
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            for (int s = 0; data != null && s < data.getSeriesCount(); s++) {
                if (data.getSeriesKey(s).toString().equals(series)) {
                    return plot.getRenderer(d).getSeriesPaint(s) == null ? PaperStyle.linePaint(0)
                            : plot.getRenderer(d).getSeriesPaint(s);
                }
            }
        }
        throw new ResultsException(file + ": series '" + series + "' is not in the figure (its series: "
                + String.join(", ", seriesOf(plot)) + ")");
    }

    private static List<String> seriesOf(XYPlot plot) {
        List<String> out = new java.util.ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            for (int s = 0; data != null && s < data.getSeriesCount(); s++) {
                out.add(data.getSeriesKey(s).toString());
            }
        }
        return out;
    }
}
