package org.eesim.analysis.figures;

import java.awt.Color;
import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eesim.analysis.layout.EllipsisCategoryAxis;
import org.eesim.analysis.results.ResultsException;
import org.eesim.analysis.results.SummaryRow;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
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
 * order (b1 first, final last), in percent of requests. Horizontal, so long run names fit, and
 * the figure grows with the bars up to the height bound, past which it is refused.
 */
public final class ExitDistribution {

    public static final String NAME = "exit-distribution";

    /** Segments narrower than this get no number written in them: it would not fit. */
    private static final double MIN_LABELLED_PERCENT = 6;

    /** The value axis and its title, padding included, in points; the legend is added to it. */
    private static final double HEADER = 46;

    private static final double MIN_PITCH = 18;

    private ExitDistribution() {
    }

    public static Figure of(List<Source> sources) {
        return of(sources, UnaryOperator.identity());
    }

    /** @param rename the name each bar is drawn under ({@code --rename}), from its label */
    public static Figure of(List<Source> sources, UnaryOperator<String> rename) {
        List<String> exits = exitNames(sources);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        TidyTable data = new TidyTable("bar", "exit", "percent", "ci_low_percent",
                "ci_high_percent");
        Map<String, String> bars = new HashMap<>();
        for (Source s : sources) {
            String bar = rename.apply(s.label());
            String clash = bars.put(bar, s.label());
            if (clash != null) {
                throw new IllegalArgumentException("figure " + NAME + ": '" + clash + "' and '" + s.label()
                        + "' would be two bars called '" + bar + "'");
            }
            for (String exit : exits) {
                SummaryRow r = s.folder().require(s.point(), "exit." + exit);
                dataset.addValue(r.mean() * 100, exit, bar);
                data.add(s.label(), exit, r.mean() * 100, r.ciLow() * 100, r.ciHigh() * 100);
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null,
                "Requests leaving at each exit (%)", dataset, PlotOrientation.HORIZONTAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        // one line per label, shortened in the middle if it must be: never wrapped and cut
        EllipsisCategoryAxis domain = new EllipsisCategoryAxis();
        plot.setDomainAxis(domain);
        PaperStyle.apply(chart);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 100);
        range.setTickUnit(new NumberTickUnit(20));
        // thin gaps, thick bars: JFreeChart drops a segment's number unless the bar holds it
        domain.setCategoryMargin(0.2);
        domain.setLowerMargin(0.03);
        domain.setUpperMargin(0.03);
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
        return Figure.bars(NAME, chart, HEADER, sources.size(), pitch(sources.size()), data);
    }

    /**
     * Points per bar: roomy for a few, down to {@link #MIN_PITCH} for many, which still holds
     * a number in each segment; past what the height bound then holds, the figure is refused.
     */
    static double pitch(int bars) {
        return bars <= 6 ? 24 : MIN_PITCH;
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
