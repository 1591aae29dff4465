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
 * Where a partitioning policy cuts the network, and what that costs, vs X (the uplink rate,
 * say): on top the layers it runs on the device ({@code policy.cut1}, the mean over the measured
 * requests), below the latency it expected on empty queues ({@code policy.expected_latency},
 * dashed) and the simulated mean (solid, 95% CI), in one colour per series (the policy). A cut
 * between 0 and the last layer is an interior cut; the distance between the two latency lines
 * is what the policy's model leaves out (queues, and for TinyML the exits and the delay).
 */
public final class PartitionVsX {

    public static final String NAME = "partition-vs-x";

    /** Two panels, as resources-vs-x. */
    static final double PLOT_HEIGHT = PaperStyle.ONE_COLUMN * 0.9;

    private static final List<String> KINDS = List.of("simulated mean", "expected (policy, empty queues)");

    private PartitionVsX() {
    }

    /** @param logX log x axis; null: when the sweep declared x with log_range */
    public static Figure of(Sweep sweep, Boolean logX) {
        List<String> groups = sweep.conditions().stream()
                .filter(c -> sweep.in(c).stream().anyMatch(p -> p.metric("policy.cut1").isPresent())).toList();
        if (groups.isEmpty()) {
            throw new ResultsException("no policy.cut1 metric in any folder (runs with a policy other than fixed"
                    + " report it): cannot draw " + NAME);
        }
        XyCharts.requireDistinct(NAME, groups.size());
        TidyTable data = new TidyTable("panel", "series", "x", "value", "ci_low", "ci_high", "folder");
        YIntervalSeriesCollection cuts = new YIntervalSeriesCollection();
        YIntervalSeriesCollection latency = new YIntervalSeriesCollection();
        // below: the expected lines first, the last policy's first (series n-1-g of policy g), then
        // the simulated ones (n+g). JFreeChart draws the last series first, so every expected line
        // lies over every simulated one, a later policy's expected line over an earlier one's
        // (TinyML's estimate without exits is often Neurosurgeon's too), and the first policy's
        // simulated line over the others' where they coincide
        int n = groups.size();
        List<YIntervalSeries> simulated = new ArrayList<>();
        List<YIntervalSeries> expected = new ArrayList<>();
        for (String g : groups) {
            cuts.addSeries(series(sweep, g, "policy.cut1", 1, "layers_on_device", sweep.seriesName(g, "cut"), data));
            simulated.add(series(sweep, g, "latency.mean", 1e3, "latency_ms", sweep.seriesName(g, KINDS.get(0)),
                    data));
            expected.add(0, series(sweep, g, "policy.expected_latency", 1e3, "latency_ms",
                    sweep.seriesName(g, KINDS.get(1)), data));
        }
        expected.forEach(latency::addSeries);
        simulated.forEach(latency::addSeries);
        NumberAxis cutAxis = XyCharts.nonNegative("Layers on the device");
        cutAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis msAxis = XyCharts.nonNegative("Latency (ms)");
        XYErrorRenderer top = XyCharts.withErrorBars(cuts.getSeriesCount());
        XYErrorRenderer bottom = XyCharts.withErrorBars(latency.getSeriesCount());
        for (int g = 0; g < groups.size(); g++) {
            XyCharts.styleTwoFactor(top, g, g, 0);
            XyCharts.styleTwoFactor(bottom, n + g, g, 0);
            XyCharts.styleTwoFactor(bottom, n - 1 - g, g, 1);
            // the expected line is drawn over the simulated one without markers: where they agree
            // (empty queues) it dashes the solid line, where they part it shows alone
            bottom.setSeriesShapesVisible(n - 1 - g, false);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(XyCharts.xAxis(sweep, logX));
        plot.setGap(6);
        plot.add(new XYPlot(cuts, null, cutAxis, top), 1);
        plot.add(new XYPlot(latency, null, msAxis, bottom), 1);
        List<String> names = new ArrayList<>();
        groups.forEach(g -> names.add(g.isEmpty() ? "policy" : g));
        XyCharts.twoFactorLegend(plot, names, KINDS);
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(NAME, chart, PLOT_HEIGHT, data);
    }

    private static YIntervalSeries series(Sweep sweep, String group, String metric, double scale, String panel,
            String name, TidyTable data) {
        YIntervalSeries s = new YIntervalSeries(name);
        for (Sweep.Point p : sweep.in(group)) {
            p.metric(metric).filter(r -> Double.isFinite(r.mean())).ifPresent(r -> {
                double lo = Double.isFinite(r.ciLow()) ? r.ciLow() : r.mean();
                double hi = Double.isFinite(r.ciHigh()) ? r.ciHigh() : r.mean();
                s.add(p.x(), r.mean() * scale, lo * scale, hi * scale);
                data.add(panel, name, p.x(), r.mean() * scale, lo * scale, hi * scale, p.source().folder().name());
            });
        }
        return s;
    }
}
