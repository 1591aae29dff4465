package org.eesim.analysis.figures;

import org.eesim.analysis.results.SummaryRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Any one metric of summary.csv against X ({@code --metric NAME}), the mean with 95% CI
 * whiskers, one line per series (the values of the other swept keys, and per folder): what the
 * other "vs X" figures do for their own metrics, for the rest (a training run's seconds per
 * iteration, its split). Written as {@code <metric>-vs-x} (dots and underscores as hyphens), so
 * that several metrics drawn into one folder keep apart.
 */
public final class MetricVsX {

    public static final String NAME = "metric-vs-x";

    private MetricVsX() {
    }

    /**
     * Series named by two values each ({@code cac-resnet50-tx2, staleness 4}), both of which
     * vary: the colour and marker name the value of the factor with more values, the dash the
     * other, with one legend entry per value, as the two-factor "vs X" figures do; 2 models x 6
     * policies then take 8 legend entries, not 12.
     */
    private static void twoFactors(XYPlot plot, XYErrorRenderer r, YIntervalSeriesCollection dataset) {
        int n = dataset.getSeriesCount();
        java.util.List<String[]> parts = new java.util.ArrayList<>();
        java.util.List<java.util.LinkedHashSet<String>> values = java.util.List.of(new java.util.LinkedHashSet<>(),
                new java.util.LinkedHashSet<>());
        for (int i = 0; i < n; i++) {
            String[] p = String.valueOf(dataset.getSeriesKey(i)).split(", ", -1);
            if (p.length != 2) {
                return;
            }
            parts.add(p);
            values.get(0).add(p[0]);
            values.get(1).add(p[1]);
        }
        if (values.get(0).size() < 2 || values.get(1).size() < 2) {
            return;
        }
        int colour = values.get(1).size() >= values.get(0).size() ? 1 : 0;
        java.util.List<String> groups = java.util.List.copyOf(values.get(colour));
        java.util.List<String> kinds = java.util.List.copyOf(values.get(1 - colour));
        for (int i = 0; i < n; i++) {
            XyCharts.styleTwoFactor(r, i, groups.indexOf(parts.get(i)[colour]), kinds.indexOf(parts.get(i)[1 - colour]));
        }
        XyCharts.twoFactorLegend(plot, groups, kinds);
    }

    /** The file name of the figure of {@code metric}: {@code training-seconds-per-iteration-vs-x}. */
    public static String fileName(String metric) {
        return metric.replace('.', '-').replace('_', '-') + "-vs-x";
    }

    /** @param logX log x axis; null: when the sweep declared x with log_range */
    public static Figure of(Sweep sweep, Boolean logX, String metric) {
        XyCharts.requireDistinct(NAME, sweep.conditions().size());
        Metric m = Metric.of(metric);
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        TidyTable data = new TidyTable("series", "x", "value", "ci_low", "ci_high", "folder");
        boolean any = false;
        for (String condition : sweep.conditions()) {
            YIntervalSeries s = new YIntervalSeries(condition.isEmpty() ? m.label() : condition);
            for (Sweep.Point p : sweep.in(condition)) {
                var row = p.metric(metric);
                if (row.isEmpty()) {
                    continue; // a point that does not report it (another kind of run)
                }
                SummaryRow r = row.get();
                double lo = Double.isNaN(r.ciLow()) ? r.mean() : r.ciLow(); // one replication: no interval
                double hi = Double.isNaN(r.ciHigh()) ? r.mean() : r.ciHigh();
                s.add(p.x(), r.mean() * m.scale(), lo * m.scale(), hi * m.scale());
                data.add(s.getKey(), p.x(), r.mean() * m.scale(), r.ciLow() * m.scale(), r.ciHigh() * m.scale(),
                        p.source().folder().name());
                any = true;
            }
            if (s.getItemCount() > 0) {
                dataset.addSeries(s);
            }
        }
        if (!any) {
            throw new IllegalArgumentException("no point reports the metric '" + metric + "' (see summary.csv for"
                    + " the metrics a run reports)");
        }
        NumberAxis y = XyCharts.nonNegative(m.labelWithUnit());
        XYErrorRenderer renderer = XyCharts.withErrorBars(dataset.getSeriesCount());
        XYPlot plot = new XYPlot(dataset, XyCharts.xAxis(sweep, logX), y, renderer);
        twoFactors(plot, renderer, dataset);
        JFreeChart chart = XyCharts.chart(plot, dataset.getSeriesCount() > 1);
        return new Figure(fileName(metric), chart, XyCharts.PLOT_HEIGHT, data);
    }
}
