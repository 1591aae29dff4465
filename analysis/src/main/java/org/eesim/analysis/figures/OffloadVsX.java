package org.eesim.analysis.figures;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eesim.analysis.results.SummaryRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
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
        return of(sweep, null);
    }

    /** @param logX log x axis; null: when the sweep declared x with log_range */
    public static Figure of(Sweep sweep, Boolean logX) {
        XyCharts.requireDistinct(NAME, sweep.conditions().size());
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<int[]> factors = new ArrayList<>(); // per series: condition, crossing
        Set<String> crossings = new LinkedHashSet<>();
        TidyTable data = new TidyTable("series", "x", "percent", "ci_low_percent",
                "ci_high_percent", "folder");
        boolean[] flat = flat(sweep);
        boolean anyInformative = !flat[0] || !flat[1];
        int[] dash = new int[CROSSINGS.length]; // dash by the crossing's place among those drawn
        for (int k = 0, drawn = 0; k < CROSSINGS.length; k++) {
            dash[k] = flat[k] && anyInformative ? -1 : drawn++;
        }
        for (int c = 0; c < sweep.conditions().size(); c++) {
            String condition = sweep.conditions().get(c);
            for (int k = 0; k < CROSSINGS.length; k++) {
                String[] crossing = CROSSINGS[k];
                if (flat[k] && anyInformative) {
                    continue;
                }
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
                    factors.add(new int[] {c, dash[k]});
                    crossings.add(crossing[1]);
                }
            }
        }
        NumberAxis y = XyCharts.nonNegative("Requests offloaded (%)");
        XYErrorRenderer renderer = XyCharts.withErrorBars(dataset.getSeriesCount());
        XYPlot plot = new XYPlot(dataset, XyCharts.xAxis(sweep, logX), y, renderer);
        if (sweep.conditions().size() > 1) {
            for (int i = 0; i < factors.size(); i++) {
                XyCharts.styleTwoFactor(renderer, i, factors.get(i)[0], factors.get(i)[1]);
            }
            XyCharts.twoFactorLegend(plot, sweep.conditions(), List.copyOf(crossings));
        }
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(NAME, chart, XyCharts.PLOT_HEIGHT, data);
    }

    /**
     * Per crossing: true when it is absent or every request crosses it at every point (or none
     * does), e.g. a device that computes nothing sends everything to the edge. Such a line at
     * 100% says nothing and crowds the legend, so it is left out when the other one varies.
     */
    private static boolean[] flat(Sweep sweep) {
        boolean[] flat = new boolean[CROSSINGS.length];
        for (int k = 0; k < CROSSINGS.length; k++) {
            Double first = null;
            boolean same = true;
            for (Sweep.Point p : sweep.points()) {
                var row = p.metric(CROSSINGS[k][0]);
                if (row.isEmpty()) {
                    continue;
                }
                SummaryRow r = row.get();
                boolean extreme = (r.mean() == 0 || r.mean() == 1) && r.ciLow() == r.ciHigh();
                first = first == null ? r.mean() : first;
                same &= extreme && r.mean() == first;
            }
            flat[k] = same;
        }
        return flat;
    }
}
