package org.eesim.analysis.figures;

import java.util.ArrayList;
import java.util.List;
import org.eesim.analysis.results.ResultsException;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Utilisation (top) and mean queue length (bottom) of each resource vs X, sharing the x axis,
 * one line per tier and condition. The resource that saturates first explains the knee of the
 * latency curve, so they are drawn one above the other.
 */
public final class ResourcesVsX {

    public static final String NAME = "resources-vs-x";

    private ResourcesVsX() {
    }

    public static Figure of(Sweep sweep) {
        List<String> utils = sweep.metricsWithPrefix("util.");
        if (utils.isEmpty()) {
            throw new ResultsException("no util.* metric in any folder: cannot draw " + NAME);
        }
        TidyTable data = new TidyTable("panel", "series", "x", "value", "ci_low", "ci_high",
                "folder");
        List<int[]> utilFactors = new ArrayList<>();
        List<int[]> queueFactors = new ArrayList<>();
        YIntervalSeriesCollection util = collect(sweep, "util.", 100, "utilisation_percent", data,
                utilFactors);
        YIntervalSeriesCollection queue = collect(sweep, "queue.", 1, "queue_requests", data,
                queueFactors);

        NumberAxis utilAxis = XyCharts.axis("Utilisation (%)");
        utilAxis.setRange(0, 100);
        NumberAxis queueAxis = XyCharts.axis("Mean queue (requests)");
        queueAxis.setAutoRangeIncludesZero(true);
        XYErrorRenderer top = XyCharts.withErrorBars(util.getSeriesCount());
        XYErrorRenderer bottom = XyCharts.withErrorBars(queue.getSeriesCount());
        for (int i = 0; i < queue.getSeriesCount(); i++) {
            bottom.setSeriesVisibleInLegend(i, false); // the same tiers as the top panel
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(
                XyCharts.xAxis(sweep.axis().label()));
        if (sweep.conditions().size() > 1) {
            // colour = tier as with one condition, dash = condition
            List<String> tiers = sweep.metricsWithPrefix("util.").stream()
                    .map(m -> Metric.tier(m.substring("util.".length()))).toList();
            twoFactor(top, utilFactors);
            twoFactor(bottom, queueFactors);
            XyCharts.twoFactorLegend(plot, tiers, sweep.conditions());
        }
        plot.setGap(6);
        plot.add(new XYPlot(util, null, utilAxis, top), 1);
        plot.add(new XYPlot(queue, null, queueAxis, bottom), 1);
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(NAME, chart, PaperStyle.ONE_COLUMN, PaperStyle.ONE_COLUMN * 1.05, data);
    }

    private static void twoFactor(XYErrorRenderer r, List<int[]> factors) {
        for (int i = 0; i < factors.size(); i++) {
            XyCharts.styleTwoFactor(r, i, factors.get(i)[1], factors.get(i)[0]);
        }
    }

    /**
     * One series per tier (in the order the files list them) and condition; a tier missing
     * in some folder simply has fewer points there. {@code factors} gets each series'
     * (condition, tier) indices.
     */
    private static YIntervalSeriesCollection collect(Sweep sweep, String prefix, double scale,
            String panel, TidyTable data, List<int[]> factors) {
        YIntervalSeriesCollection out = new YIntervalSeriesCollection();
        List<String> metrics = sweep.metricsWithPrefix(prefix);
        for (int c = 0; c < sweep.conditions().size(); c++) {
            String condition = sweep.conditions().get(c);
            for (int t = 0; t < metrics.size(); t++) {
                String metric = metrics.get(t);
                String tier = metric.substring(prefix.length());
                YIntervalSeries s = new YIntervalSeries(sweep.seriesName(condition, Metric.tier(tier)));
                for (Sweep.Point p : sweep.in(condition)) {
                    p.metric(metric).ifPresent(r -> {
                        s.add(p.x(), r.mean() * scale, r.ciLow() * scale, r.ciHigh() * scale);
                        data.add(panel, s.getKey(), p.x(), r.mean() * scale,
                                r.ciLow() * scale, r.ciHigh() * scale,
                                p.source().folder().name());
                    });
                }
                if (s.getItemCount() > 0) {
                    out.addSeries(s);
                    factors.add(new int[] {c, t});
                }
            }
        }
        return out;
    }
}
