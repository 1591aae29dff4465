package org.eesim.analysis.figures;

import org.eesim.analysis.results.SummaryRow;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Offloading probability vs X with 95% CI whiskers: the share of requests that cross the
 * uplink (and the WAN, when the run has both edge and cloud), one line per input condition.
 */
public final class OffloadVsX {

    public static final String NAME = "offload-vs-x";

    private static final String[][] CROSSINGS = {
        {"offload.device_to_next", "device to next tier"},
        {"offload.edge_to_cloud", "edge to cloud"}};

    private OffloadVsX() {
    }

    public static Figure of(Sweep sweep) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        TidyTable data = new TidyTable("series", "x", "percent", "ci_low_percent",
                "ci_high_percent", "folder");
        for (String condition : sweep.conditions()) {
            for (String[] crossing : CROSSINGS) {
                YIntervalSeries s = new YIntervalSeries(sweep.seriesName(condition, crossing[1]));
                for (Sweep.Point p : sweep.in(condition)) {
                    var row = p.metric(crossing[0]);
                    if (row.isEmpty()) {
                        continue; // no WAN in this run: nothing crosses it
                    }
                    SummaryRow r = row.get();
                    s.add(p.x(), r.mean() * 100, r.ciLow() * 100, r.ciHigh() * 100);
                    data.add(s.getKey(), p.x(), r.mean() * 100, r.ciLow() * 100,
                            r.ciHigh() * 100, p.source().folder().name());
                }
                if (s.getItemCount() > 0) {
                    dataset.addSeries(s);
                }
            }
        }
        NumberAxis y = XyCharts.axis("Requests offloaded (%)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(dataset, XyCharts.axis(sweep.axis().label()), y,
                XyCharts.withErrorBars(dataset.getSeriesCount()));
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(NAME, chart, PaperStyle.ONE_COLUMN, PaperStyle.ONE_COLUMN * 0.72, data);
    }
}
