package org.eesim.analysis.figures;

import java.awt.Color;
import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eesim.analysis.results.ResultsException;
import org.eesim.analysis.results.SummaryRow;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Where requests leave the network: one horizontal bar per source, stacked by exit in network
 * order (b1 first, final last), in percent of requests. Horizontal, so long run names fit.
 */
public final class ExitDistribution {

    public static final String NAME = "exit-distribution";

    /** Segments narrower than this get no number written in them: it would not fit. */
    private static final double MIN_LABELLED_PERCENT = 6;

    private ExitDistribution() {
    }

    public static Figure of(List<Source> sources) {
        List<String> exits = exitNames(sources);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        TidyTable data = new TidyTable("bar", "exit", "percent", "ci_low_percent",
                "ci_high_percent");
        for (Source s : sources) {
            for (String exit : exits) {
                SummaryRow r = s.folder().require(s.point(), "exit." + exit);
                dataset.addValue(r.mean() * 100, exit, s.label());
                data.add(s.label(), exit, r.mean() * 100, r.ciLow() * 100, r.ciHigh() * 100);
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null,
                "Requests leaving at each exit (%)", dataset, PlotOrientation.HORIZONTAL,
                true, false, false);
        PaperStyle.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 100);
        range.setTickUnit(new NumberTickUnit(20));
        CategoryAxis domain = plot.getDomainAxis();
        domain.setCategoryMargin(0.3);
        domain.setMaximumCategoryLabelLines(2);
        domain.setTickLabelsVisible(sources.size() > 1); // one bar needs no name
        domain.setTickMarksVisible(false);
        // JFreeChart puts a horizontal chart's value axis on top unless told otherwise
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
        renderer.setDrawBarOutline(true);
        renderer.setMaximumBarWidth(0.7); // labels are hidden when the bar is thinner than them
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(
                "{2}", new DecimalFormat("0")) {
            private static final long serialVersionUID = 1L;

            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset d, int row,
                    int column) {
                Number v = d.getValue(row, column);
                return v == null || v.doubleValue() < MIN_LABELLED_PERCENT ? null
                        : super.generateLabel(d, row, column);
            }
        });
        renderer.setDefaultItemLabelFont(PaperStyle.TICK_FONT);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        for (int i = 0; i < exits.size(); i++) {
            renderer.setSeriesPaint(i, PaperStyle.sequentialFill(i, exits.size()));
            renderer.setSeriesOutlinePaint(i, Color.BLACK);
            renderer.setSeriesOutlineStroke(i, new BasicStroke(0.5f));
            // dark fills take white numbers, light fills black ones
            renderer.setSeriesItemLabelPaint(i,
                    i >= exits.size() / 2 + 1 ? Color.WHITE : Color.BLACK);
        }
        chart.getLegend().setPosition(RectangleEdge.TOP);
        double height = 62 + 24 * sources.size();
        return new Figure(NAME, chart, PaperStyle.ONE_COLUMN, height, data);
    }

    /**
     * Exit names in network order, as summary.csv lists them; all sources must agree, since
     * bars of different networks stacked alike would mislead.
     */
    static List<String> exitNames(List<Source> sources) {
        Set<String> first = null;
        for (Source s : sources) {
            Set<String> names = new LinkedHashSet<>();
            for (SummaryRow r : s.folder().summary().withPrefix(s.point(), "exit.")) {
                names.add(r.metric().substring(5));
            }
            if (names.isEmpty()) {
                throw ResultsException.at(s.folder().dir().resolve("summary.csv"), 0, "metric",
                        "no exit.* rows at point " + s.point());
            }
            if (first == null) {
                first = names;
            } else if (!first.equals(names)) {
                throw ResultsException.at(s.folder().dir().resolve("summary.csv"), 0, "metric",
                        "exits " + names + " differ from " + first + " of the first folder");
            }
        }
        return new ArrayList<>(first);
    }
}
