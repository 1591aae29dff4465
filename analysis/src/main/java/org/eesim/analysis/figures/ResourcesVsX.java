package org.eesim.analysis.figures;

import java.util.ArrayList;
import java.util.List;
import org.eesim.analysis.layout.LegendGrid;
import org.eesim.analysis.results.ResultsException;
import org.eesim.analysis.results.SummaryRow;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Utilisation (top) and mean queue length (bottom) of each resource vs X, sharing the x axis,
 * one line per tier and series group. The resource that saturates first explains the knee of
 * the latency curve, so they are drawn one above the other. With several groups, colour and
 * marker name whichever of tier and group has more values and the dash the other, and tiers
 * idle at every point are named in the legend instead of drawn (five tiers times seven groups
 * would be 35 lines, 20 of them flat at zero).
 */
public final class ResourcesVsX {

    public static final String NAME = "resources-vs-x";

    /** A tier busy less than this share of the time at every point, with no queue, is idle. */
    static final double IDLE = 0.01;

    /** Two panels: taller than the other x-y figures, each panel at least its label long. */
    static final double PLOT_HEIGHT = PaperStyle.ONE_COLUMN * 0.9;

    private ResourcesVsX() {
    }

    public static Figure of(Sweep sweep) {
        return of(sweep, null);
    }

    /** @param logX log x axis; null: when the sweep declared x with log_range */
    public static Figure of(Sweep sweep, Boolean logX) {
        List<String> all = sweep.metricsWithPrefix("util.").stream()
                .map(m -> m.substring("util.".length())).toList();
        if (all.isEmpty()) {
            throw new ResultsException("no util.* metric in any folder: cannot draw " + NAME);
        }
        int groups = sweep.conditions().size();
        XyCharts.requireDistinct(NAME, groups);
        List<String> tiers = groups > 1 ? all.stream().filter(t -> !idle(sweep, t)).toList() : all;
        List<String> idle = all.stream().filter(t -> !tiers.contains(t)).toList();
        TidyTable data = new TidyTable("panel", "series", "x", "value", "ci_low", "ci_high",
                "folder");
        List<int[]> utilFactors = new ArrayList<>();
        List<int[]> queueFactors = new ArrayList<>();
        YIntervalSeriesCollection util = collect(sweep, tiers, "util.", 100, "utilisation_percent", data,
                utilFactors);
        YIntervalSeriesCollection queue = collect(sweep, tiers, "queue.", 1, "queue_requests", data,
                queueFactors);

        NumberAxis utilAxis = XyCharts.axis("Utilisation (%)");
        utilAxis.setRange(0, 100);
        NumberAxis queueAxis = XyCharts.nonNegative("Mean queue (requests)");
        XYErrorRenderer top = XyCharts.withErrorBars(util.getSeriesCount());
        XYErrorRenderer bottom = XyCharts.withErrorBars(queue.getSeriesCount());
        for (int i = 0; i < queue.getSeriesCount(); i++) {
            bottom.setSeriesVisibleInLegend(i, false); // the same tiers as the top panel
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(XyCharts.xAxis(sweep, logX));
        if (groups > 1) {
            List<String> tierNames = tiers.stream().map(Metric::tier).toList();
            boolean colourByGroup = groups > tiers.size();
            twoFactor(top, utilFactors, colourByGroup);
            twoFactor(bottom, queueFactors, colourByGroup);
            legend(plot, colourByGroup ? sweep.conditions() : tierNames,
                    colourByGroup ? tierNames : sweep.conditions(), idle);
        }
        plot.setGap(6);
        plot.add(new XYPlot(util, null, utilAxis, top), 1);
        plot.add(new XYPlot(queue, null, queueAxis, bottom), 1);
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(NAME, chart, PLOT_HEIGHT, data);
    }

    /** True when the tier is busy under {@link #IDLE} and has no queue at every point. */
    private static boolean idle(Sweep sweep, String tier) {
        for (Sweep.Point p : sweep.points()) {
            double u = p.metric("util." + tier).map(SummaryRow::mean).orElse(0.0);
            double q = p.metric("queue." + tier).map(SummaryRow::mean).orElse(0.0);
            if (u >= IDLE || q >= IDLE) {
                return false;
            }
        }
        return true;
    }

    /** factors: (group, tier) per series; the colour takes one of them, the dash the other. */
    private static void twoFactor(XYErrorRenderer r, List<int[]> factors, boolean colourByGroup) {
        for (int i = 0; i < factors.size(); i++) {
            int group = factors.get(i)[0];
            int tier = factors.get(i)[1];
            XyCharts.styleTwoFactor(r, i, colourByGroup ? group : tier, colourByGroup ? tier : group);
        }
    }

    private static void legend(CombinedDomainXYPlot plot, List<String> colours, List<String> dashes,
            List<String> idle) {
        XyCharts.twoFactorLegend(plot, colours, dashes, true);
        LegendItemCollection items = plot.getFixedLegendItems();
        if (!idle.isEmpty()) {
            LegendItem note = new LegendItem("idle (under " + Math.round(IDLE * 100) + "% busy): "
                    + String.join(", ", idle.stream().map(Metric::tier).toList()));
            note.setShapeVisible(false);
            note.setLineVisible(false);
            items.add(LegendGrid.startingRow(note));
        }
        plot.setFixedLegendItems(items);
    }

    /**
     * One series per tier (in the order the files list them) and group; a tier missing in some
     * folder simply has fewer points there. {@code factors} gets each series' (group, tier)
     * indices.
     */
    private static YIntervalSeriesCollection collect(Sweep sweep, List<String> tiers, String prefix,
            double scale, String panel, TidyTable data, List<int[]> factors) {
        YIntervalSeriesCollection out = new YIntervalSeriesCollection();
        for (int c = 0; c < sweep.conditions().size(); c++) {
            String condition = sweep.conditions().get(c);
            for (int t = 0; t < tiers.size(); t++) {
                String metric = prefix + tiers.get(t);
                YIntervalSeries s = new YIntervalSeries(sweep.seriesName(condition, Metric.tier(tiers.get(t))));
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
