package org.eesim.analysis.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eesim.analysis.results.CsvFile;
import org.eesim.analysis.results.ResultsException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Split training's accuracy cost of staleness (issue 13), from the CSVs that
 * {@code eesim-models split-train} writes (one per configuration: test accuracy and loss at
 * fractions of epochs): test accuracy against epoch, the paired difference to the synchronous
 * fp32 run of the same seed, and a Markdown table.
 */
public final class StalenessCurves {

    static final String[] COLUMNS = {"name", "split", "staleness", "features", "feedback", "seed", "epoch",
        "test_accuracy", "test_loss"};

    /** One configuration's curve: epochs (0 first), test accuracy and loss at each. */
    public record Run(String name, String split, int staleness, String features, String feedback, long seed,
            double[] epochs, double[] accuracy, double[] loss) {

        /** The synchronous fp32 run that others are compared with. */
        public boolean baseline() {
            return staleness == 0 && features.equals("fp32");
        }

        /** "K=4 fp32", "K=0 int8 + gradient feedback, split conv5", ... */
        public String label(String usualSplit) {
            String s = "K=" + staleness + " " + features + (feedback.equals("none") ? "" : " + " + feedback + " EF");
            return s + (split.equals(usualSplit) ? "" : ", split " + split);
        }

        /** Accuracy at {@code epoch} (one of the evaluated points), or NaN. */
        public double at(double epoch) {
            for (int i = 0; i < epochs.length; i++) {
                if (Math.abs(epochs[i] - epoch) < 1e-6) {
                    return accuracy[i];
                }
            }
            return Double.NaN;
        }

        /** The first epoch at which the accuracy reaches {@code target}, linearly interpolated; NaN if never. */
        public double epochsTo(double target) {
            for (int i = 1; i < epochs.length; i++) {
                if (accuracy[i] >= target) {
                    double a = accuracy[i - 1];
                    return a >= target ? epochs[i - 1]
                            : epochs[i - 1] + (epochs[i] - epochs[i - 1]) * (target - a) / (accuracy[i] - a);
                }
            }
            return Double.NaN;
        }

        public double last() {
            return accuracy[accuracy.length - 1];
        }

        public double best() {
            double b = 0;
            for (double a : accuracy) {
                b = Math.max(b, a);
            }
            return b;
        }
    }

    private StalenessCurves() {
    }

    /** Every split-train CSV in {@code dir} (files with the columns needed), by configuration and seed. */
    public static List<Run> read(Path dir) {
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                CsvFile csv = CsvFile.read(f);
                if (!List.of(COLUMNS).stream().allMatch(csv::hasColumn) || csv.rows().isEmpty()) {
                    continue; // not a split-train curve
                }
                runs.add(run(csv));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (runs.isEmpty()) {
            throw ResultsException.at(dir, 0, null, "no split-train CSVs (eesim-models split-train) in this folder");
        }
        runs.sort(Comparator.comparing(Run::split).thenComparing(Run::features).thenComparing(Run::feedback)
                .thenComparingInt(Run::staleness).thenComparingLong(Run::seed));
        return runs;
    }

    private static Run run(CsvFile csv) {
        List<CsvFile.Row> rows = csv.rows();
        CsvFile.Row first = rows.get(0);
        double[] epochs = new double[rows.size()];
        double[] accuracy = new double[rows.size()];
        double[] loss = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            CsvFile.Row r = rows.get(i);
            epochs[i] = r.number("epoch");
            accuracy[i] = r.number("test_accuracy");
            loss[i] = r.number("test_loss");
            if (i > 0 && !(epochs[i] > epochs[i - 1])) {
                throw r.error("epoch", "epochs must increase (" + epochs[i - 1] + " then " + epochs[i] + ")");
            }
        }
        return new Run(first.text("name"), first.text("split"), (int) first.integer("staleness"),
                first.text("features"), first.text("feedback"), first.integer("seed"), epochs, accuracy, loss);
    }

    /** The split most runs use: other splits are named in the labels. */
    static String usualSplit(List<Run> runs) {
        return runs.stream().map(Run::split).reduce((a, b) -> runs.stream().filter(r -> r.split().equals(a)).count()
                >= runs.stream().filter(r -> r.split().equals(b)).count() ? a : b).orElse("");
    }

    /** The baseline of a run: the synchronous fp32 run of its seed (at the usual split), if any. */
    static Optional<Run> baselineOf(Run run, List<Run> runs) {
        String split = usualSplit(runs);
        return runs.stream().filter(b -> b.baseline() && b.seed() == run.seed() && b.split().equals(split)).findFirst();
    }

    /** Test accuracy against epoch of the runs {@code which} selects (epoch 0, the untrained net, left out). */
    public static Figure accuracy(String name, List<Run> runs, Predicate<Run> which) {
        String split = usualSplit(runs);
        XYSeriesCollection dataset = new XYSeriesCollection();
        TidyTable data = new TidyTable("series", "epoch", "test_accuracy", "name");
        for (Run r : runs.stream().filter(which).toList()) {
            XYSeries s = new XYSeries(r.label(split) + seedNote(r, runs), false, false);
            for (int i = 1; i < r.epochs().length; i++) {
                s.add(r.epochs()[i], r.accuracy()[i]);
                data.add(s.getKey(), r.epochs()[i], r.accuracy()[i], r.name());
            }
            dataset.addSeries(s);
        }
        XyCharts.requireDistinct(name, dataset.getSeriesCount());
        XYPlot plot = new XYPlot(dataset, XyCharts.xAxis("Epoch"), XyCharts.axis("Test accuracy"),
                XyCharts.lines(dataset.getSeriesCount(), 0));
        JFreeChart chart = XyCharts.chart(plot, true);
        return new Figure(name, chart, XyCharts.PLOT_HEIGHT, data);
    }

    /**
     * Each selected run's test accuracy minus its seed's synchronous fp32 run at the same epoch
     * (same initial weights, same batches, same test images: a paired difference), in points of
     * accuracy (percent).
     */
    public static Figure difference(String name, List<Run> runs, Predicate<Run> which) {
        String split = usualSplit(runs);
        XYSeriesCollection dataset = new XYSeriesCollection();
        TidyTable data = new TidyTable("series", "epoch", "difference_points", "name", "baseline");
        for (Run r : runs.stream().filter(which).filter(r -> !r.baseline() || !r.split().equals(split)).toList()) {
            Optional<Run> base = baselineOf(r, runs);
            if (base.isEmpty()) {
                continue;
            }
            XYSeries s = new XYSeries(r.label(split) + seedNote(r, runs), false, false);
            for (int i = 1; i < r.epochs().length; i++) {
                double b = base.get().at(r.epochs()[i]);
                if (!Double.isNaN(b)) {
                    double d = 100 * (r.accuracy()[i] - b);
                    s.add(r.epochs()[i], d);
                    data.add(s.getKey(), r.epochs()[i], d, r.name(), base.get().name());
                }
            }
            dataset.addSeries(s);
        }
        XyCharts.requireDistinct(name, dataset.getSeriesCount());
        XYPlot plot = new XYPlot(dataset, XyCharts.xAxis("Epoch"),
                XyCharts.axis("Accuracy \u2212 synchronous fp32 (points)"), XyCharts.lines(dataset.getSeriesCount(), 1));
        plot.addRangeMarker(new ValueMarker(0));
        return new Figure(name, XyCharts.chart(plot, true), XyCharts.PLOT_HEIGHT, data);
    }

    /** The columns of models/results/staleness/time_to_accuracy.py's CSV this figure reads. */
    static final String[] TIME_COLUMNS = {"configuration", "seed", "target", "epochs_to_target", "bandwidth",
        "epoch_seconds"};

    /**
     * Minutes to a target test accuracy against bandwidth, one series per configuration, from the
     * CSV that models/results/staleness/time_to_accuracy.py writes (each run's epochs to the
     * target and the simulated seconds of an epoch for its K, features and bandwidth): epochs
     * averaged over a configuration's seeds, times its epoch's seconds. A configuration that a
     * seed never brought to the target is left out (it has no time to show), and so is one that
     * {@code which} refuses. Both axes are logarithmic.
     */
    public static Figure timeToAccuracy(String name, Path csv, double target, Predicate<String> which) {
        CsvFile f = CsvFile.read(csv, TIME_COLUMNS);
        Map<String, Map<Double, List<Double>>> epochs = new LinkedHashMap<>();
        Map<String, Map<Double, Double>> epochSeconds = new LinkedHashMap<>();
        Set<String> unreached = new HashSet<>();
        for (CsvFile.Row r : f.rows()) {
            if (Math.abs(r.number("target") - target) > 1e-9 || !which.test(r.text("configuration"))) {
                continue;
            }
            String c = r.text("configuration");
            double mib = mibPerSecond(r);
            if (r.text("epochs_to_target").isEmpty()) {
                unreached.add(c);
                continue;
            }
            epochs.computeIfAbsent(c, k -> new LinkedHashMap<>()).computeIfAbsent(mib, k -> new ArrayList<>())
                    .add(r.number("epochs_to_target"));
            epochSeconds.computeIfAbsent(c, k -> new LinkedHashMap<>()).put(mib, r.number("epoch_seconds"));
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        TidyTable data = new TidyTable("series", "bandwidth_mib_s", "minutes_to_target", "epochs_to_target", "seeds");
        for (var e : epochs.entrySet()) {
            if (unreached.contains(e.getKey())) {
                continue;
            }
            XYSeries s = new XYSeries(e.getKey(), true, false);
            for (var point : e.getValue().entrySet()) {
                double mean = point.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double minutes = mean * epochSeconds.get(e.getKey()).get(point.getKey()) / 60;
                s.add(point.getKey().doubleValue(), minutes);
                data.add(e.getKey(), point.getKey(), minutes, mean, point.getValue().size());
            }
            dataset.addSeries(s);
        }
        if (dataset.getSeriesCount() == 0) {
            throw ResultsException.at(csv, 0, "target", "no configuration reached the target " + target
                    + " (targets in the file: the 'target' column)");
        }
        XyCharts.requireDistinct(name, dataset.getSeriesCount());
        XYPlot plot = new XYPlot(dataset, XyCharts.logAxis("Bandwidth each way (MiB/s)"),
                XyCharts.logAxis("Minutes to " + trim(100 * target) + "% test accuracy"),
                XyCharts.lines(dataset.getSeriesCount(), 0));
        return new Figure(name, XyCharts.chart(plot, true), XyCharts.PLOT_HEIGHT, data);
    }

    /** "12.5 MiB/s" as 12.5. */
    private static double mibPerSecond(CsvFile.Row r) {
        String s = r.text("bandwidth");
        if (s.endsWith("MiB/s")) {
            try {
                double v = Double.parseDouble(s.substring(0, s.length() - "MiB/s".length()).strip());
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw r.error("bandwidth", "'" + s + "' is not a positive '<number> MiB/s'");
    }

    /** ", seed 2" when runs of several seeds are drawn. */
    private static String seedNote(Run r, List<Run> runs) {
        return runs.stream().map(Run::seed).distinct().count() > 1 ? ", seed " + r.seed() : "";
    }

    /**
     * One row per run: accuracy after the first quarter, half and whole epoch and each later
     * epoch (those some run was evaluated at), the best, the difference of the last to its baseline, and the epochs to reach each
     * target accuracy.
     */
    public static String markdown(List<Run> runs, double[] targets) {
        String split = usualSplit(runs);
        double lastEpoch = runs.stream().mapToDouble(r -> r.epochs()[r.epochs().length - 1]).max().orElse(1);
        List<Double> wanted = new ArrayList<>(List.of(0.25, 0.5));
        for (int e = 1; e <= (int) Math.floor(lastEpoch + 1e-9); e++) {
            wanted.add((double) e);
        }
        List<Double> columns = wanted.stream().filter(c -> runs.stream().anyMatch(r -> !Double.isNaN(r.at(c))))
                .toList();
        StringBuilder b = new StringBuilder("| configuration | seed |");
        columns.forEach(c -> b.append(" epoch ").append(trim(c)).append(" |"));
        b.append(" best | last − sync. fp32 |");
        for (double t : targets) {
            b.append(" epochs to ").append(trim(100 * t)).append("% |");
        }
        b.append('\n').append("|---|---|").append("---|".repeat(columns.size() + 2 + targets.length)).append('\n');
        for (Run r : runs) {
            b.append("| ").append(r.label(split)).append(" | ").append(r.seed()).append(" |");
            columns.forEach(c -> b.append(' ').append(pct(r.at(c))).append(" |"));
            b.append(' ').append(pct(r.best())).append(" | ");
            Optional<Run> base = baselineOf(r, runs);
            b.append(base.isEmpty() || base.get() == r ? "" : String.format(Locale.ROOT, "%+.2f",
                    100 * (r.last() - base.get().at(r.epochs()[r.epochs().length - 1])))).append(" |");
            for (double t : targets) {
                double e = r.epochsTo(t);
                b.append(' ').append(Double.isNaN(e) ? "not reached" : String.format(Locale.ROOT, "%.2f", e))
                        .append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", 100 * v);
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
