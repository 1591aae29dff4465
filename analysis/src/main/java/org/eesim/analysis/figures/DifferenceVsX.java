package org.eesim.analysis.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eesim.analysis.results.CsvFile;
import org.eesim.analysis.results.ResultsException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Mean latency's difference to the baseline point vs X, from {@code differences.csv} (sweeps with
 * common seeds): the paired difference and its 95% Student-t interval over replications, one
 * line per input condition, the baseline itself at 0, and a line at 0. An interval that leaves
 * the zero line is a difference the replications resolve.
 */
public final class DifferenceVsX {

    public static final String NAME = "difference-vs-x";
    static final String FILE = "differences.csv";
    static final String METRIC = "latency.mean";

    private DifferenceVsX() {
    }

    /** Whether a results folder holds paired differences (a sweep run with {@code seeds: common}). */
    public static boolean applies(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    /** @param logX log x axis; null: when the sweep declared x with log_range */
    public static Figure of(Sweep sweep, Boolean logX) {
        XyCharts.requireDistinct(NAME, sweep.conditions().size());
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        TidyTable data = new TidyTable("series", "x", "difference_ms", "ci_low_ms", "ci_high_ms", "folder");
        Map<Path, Map<Integer, double[]>> read = new HashMap<>();
        for (String condition : sweep.conditions()) {
            // the y axis says what is drawn: a series is named by its condition alone
            YIntervalSeries s = new YIntervalSeries(sweep.conditions().size() > 1 ? condition : "difference");
            for (Sweep.Point p : sweep.in(condition)) {
                Path dir = p.source().folder().dir();
                Map<Integer, double[]> rows = read.computeIfAbsent(dir, DifferenceVsX::read);
                // the baseline has no row: it differs from itself by nothing
                double[] d = rows.getOrDefault(p.source().point(), new double[3]);
                s.add(p.x(), d[0] * 1e3, d[1] * 1e3, d[2] * 1e3);
                data.add(s.getKey(), p.x(), d[0] * 1e3, d[1] * 1e3, d[2] * 1e3, p.source().folder().name());
            }
            dataset.addSeries(s);
        }
        XYErrorRenderer renderer = XyCharts.withErrorBars(dataset.getSeriesCount());
        XYPlot plot = new XYPlot(dataset, XyCharts.xAxis(sweep, logX),
                XyCharts.axis("Mean latency - baseline (ms)"), renderer);
        plot.addRangeMarker(new ValueMarker(0));
        JFreeChart chart = XyCharts.chart(plot, sweep.conditions().size() > 1);
        return new Figure(NAME, chart, XyCharts.PLOT_HEIGHT, data);
    }

    /** Point to {mean, ci_low, ci_high} of the mean latency's difference, seconds. */
    private static Map<Integer, double[]> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw ResultsException.at(file, 0, null, "no " + FILE + ": only a sweep with 'seeds: common' has paired"
                    + " differences to draw");
        }
        Map<Integer, double[]> out = new HashMap<>();
        for (CsvFile.Row r : CsvFile.read(file, "point", "metric", "mean", "ci_low", "ci_high").rows()) {
            if (r.text("metric").equals(METRIC)) {
                out.put(r.nonNegativeInt("point"), new double[] {r.number("mean"), r.number("ci_low"),
                    r.number("ci_high")});
            }
        }
        return out;
    }
}
