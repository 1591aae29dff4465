package org.eesim.analysis.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eesim.analysis.layout.Columns;
import org.eesim.analysis.layout.TooCrowded;
import org.eesim.analysis.results.ConditionAxis;
import org.eesim.analysis.results.PointAxis;
import org.eesim.analysis.results.Quantity;
import org.eesim.analysis.results.ResultsFolder;
import org.eesim.analysis.results.ScenarioKeyAxis;

/** Which figures exist, and drawing a chosen set of them from a list of folders. */
public final class Figures {

    /** Figure kinds, by the file name they are written under. */
    public enum Kind {
        LATENCY_CDF(false), EXIT_DISTRIBUTION(false), SUMMARY(false),
        OFFLOAD_VS_X(true), LATENCY_VS_X(true), ACCURACY_LATENCY(true), RESOURCES_VS_X(true),
        DIFFERENCE_VS_X(true), LATENCY_ENERGY(true), METRIC_VS_X(true), PARTITION_VS_X(true);

        private final boolean needsX;

        Kind(boolean needsX) {
            this.needsX = needsX;
        }

        public boolean needsX() {
            return needsX;
        }

        /** Accepts both {@code latency-cdf} and {@code LATENCY_CDF} on the command line. */
        public static Kind parse(String s) {
            return valueOf(s.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        }

        public String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final List<ResultsFolder> folders;
    private final String xKey;
    private final String xLabel;
    private final Boolean logX;
    private Set<Integer> points = Set.of();
    private Reference reference;
    private boolean twoColumn;
    private List<String> stats = List.of();
    private List<String> yLabels = List.of();
    private Renames renames = Renames.none();
    private List<String> tableMetrics = List.of();
    private List<String> metrics = List.of();

    /**
     * @param logX log x axes: true on every figure's x axis, false on none, null (the default)
     *     on the "vs X" figures whose x key the sweep declared with {@code log_range}
     */
    public Figures(List<ResultsFolder> folders, String xKey, String xLabel, Boolean logX) {
        this.folders = List.copyOf(folders);
        this.xKey = xKey != null ? xKey : impliedX(folders);
        this.xLabel = xLabel;
        this.logX = logX;
    }

    /**
     * Draws only these sweep points (their ids in points.csv / summary.csv) of every folder;
     * empty: all. A CDF of 40 points is unreadable, a CDF of the three that matter is a figure.
     */
    public Figures onlyPoints(Set<Integer> chosen) {
        for (ResultsFolder f : folders) {
            for (int p : chosen) {
                if (!f.summary().points().contains(p)) {
                    throw new IllegalArgumentException(f.dir() + " has no point " + p + " (its points: "
                            + f.summary().points() + ")");
                }
            }
        }
        this.points = Set.copyOf(chosen);
        return this;
    }

    /** Published values to draw over the figures they name ({@link Reference}). */
    public Figures withReference(Reference published) {
        this.reference = published;
        return this;
    }

    /** Figures across both columns ({@code figure*}) instead of one column. */
    public Figures twoColumn(boolean wide) {
        this.twoColumn = wide;
        return this;
    }

    /** The latency statistics latency-vs-x draws ({@link LatencyVsX#STATS}); empty: its default. */
    public Figures stats(List<String> chosen) {
        this.stats = List.copyOf(chosen);
        return this;
    }

    /**
     * Y axis titles: {@code TEXT} for the one figure drawn, or {@code FIGURE=TEXT}; for
     * resources-vs-x, {@code TOP|BOTTOM}.
     */
    public Figures yLabels(List<String> specs) {
        this.yLabels = List.copyOf(specs);
        return this;
    }

    /** The metrics a sweep's summary.tex has a column for; empty: {@link SummaryTable#SWEEP_METRICS}. */
    public Figures tableMetrics(List<String> metrics) {
        this.tableMetrics = List.copyOf(metrics);
        return this;
    }

    /** The metrics metric-vs-x draws, one figure each. */
    public Figures metrics(List<String> names) {
        this.metrics = List.copyOf(names);
        return this;
    }

    /** {@code OLD=NEW} names for legend entries and bars ({@link Renames}). */
    public Figures renames(List<String> pairs) {
        this.renames = Renames.parse(pairs);
        return this;
    }

    /**
     * One sweep folder that swept one numeric key: that key is the x axis unless told otherwise.
     * A sweep of conditions ({@code workload.mix}) has no x: its points are bars, not a line.
     */
    private static String impliedX(List<ResultsFolder> folders) {
        if (folders.size() != 1 || folders.get(0).points().keys().size() != 1) {
            return null;
        }
        ResultsFolder f = folders.get(0);
        String key = f.points().keys().get(0);
        int first = f.summary().points().first();
        try {
            Quantity.parse(f.points().value(first, key));
            return key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Draws {@code kinds} (all that apply when empty) into {@code dir}; summary.tex goes into
     * each folder's own figures folder when there are several. Every figure is built and sized
     * before the first file is written, so a figure refused for crowding leaves none behind.
     * Returns the files written.
     */
    public List<Path> draw(Set<Kind> kinds, Path dir) throws java.io.IOException {
        Set<Kind> chosen = kinds.isEmpty() ? defaults() : kinds;
        if (chosen.contains(Kind.METRIC_VS_X) && metrics.isEmpty()) {
            throw new IllegalArgumentException("metric-vs-x needs --metric NAME (a metric of summary.csv, e.g."
                    + " training.seconds_per_iteration)");
        }
        for (Kind k : chosen) {
            if (k.needsX() && xKey == null) {
                throw new IllegalArgumentException(k.fileName()
                        + " needs --x KEY: the scenario key that varies between folders or sweep points");
            }
        }
        if (reference != null) {
            reference.requireFigures(chosen.stream().map(Kind::fileName).toList());
        }
        Map<String, String> titles = YLabels.parse(yLabels, chosen);
        List<Source> sources = Source.all(folders).stream()
                .filter(s -> points.isEmpty() || points.contains(s.point())).toList();
        Sweep sweep = null;
        if (chosen.stream().anyMatch(Kind::needsX)) {
            PointAxis axis = ConditionAxis.names(xKey) ? ConditionAxis.of(xKey, xLabel, folders)
                    : ScenarioKeyAxis.of(xKey, xLabel, folders);
            sweep = new Sweep(axis, sources);
        }
        boolean logAll = Boolean.TRUE.equals(logX);
        List<Figure> figures = new ArrayList<>();
        for (Kind k : chosen) {
            if (k == Kind.METRIC_VS_X) {
                for (String metric : metrics) {
                    Figure f = MetricVsX.of(sweep, logX, metric);
                    if (reference != null) {
                        reference.overlay(f);
                    }
                    YLabels.apply(f, titles.get(k.fileName()));
                    figures.add(fit(f, sweep));
                }
                continue;
            }
            Figure f = switch (k) {
                case LATENCY_CDF -> LatencyCdf.of(sources, logAll);
                case EXIT_DISTRIBUTION -> ExitDistribution.of(sources, renames::apply);
                case SUMMARY -> null;
                case OFFLOAD_VS_X -> OffloadVsX.of(sweep, logX);
                case LATENCY_VS_X -> LatencyVsX.of(sweep, logX, stats);
                case ACCURACY_LATENCY -> AccuracyLatency.of(sweep, logAll);
                case RESOURCES_VS_X -> ResourcesVsX.of(sweep, logX);
                case DIFFERENCE_VS_X -> DifferenceVsX.of(sweep, logX);
                case LATENCY_ENERGY -> LatencyEnergy.of(sweep);
                case METRIC_VS_X -> null; // drawn above, one per metric
                case PARTITION_VS_X -> PartitionVsX.of(sweep, logX);
            };
            if (f != null) {
                if (reference != null) {
                    reference.overlay(f);
                }
                YLabels.apply(f, titles.get(f.name()));
                figures.add(fit(f, sweep));
            }
        }
        renames.requireAllUsed();
        List<Path> written = new ArrayList<>();
        for (Figure f : figures) {
            written.addAll(f.writeTo(dir));
        }
        if (chosen.contains(Kind.SUMMARY)) {
            for (ResultsFolder f : folders) {
                Path target = folders.size() == 1 ? dir : f.dir().resolve("figures");
                Files.createDirectories(target);
                written.add(SummaryTable.write(f, target, tableMetrics));
            }
        }
        return written;
    }

    /** Sizes a figure for the chosen width; a refusal names the figure and what to do. */
    private Figure fit(Figure f, Sweep sweep) {
        Columns at = twoColumn ? Columns.TWO : Columns.ONE;
        try {
            return f.fit(at, renames::apply);
        } catch (TooCrowded e) {
            throw new IllegalArgumentException("figure " + f.name() + ": " + e.getMessage() + ": "
                    + advice(f, e, sweep), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("figure " + f.name() + ": " + e.getMessage(), e);
        }
    }

    /** What would make a crowded figure fit: fewer points, fewer statistics, more width. */
    private String advice(Figure f, TooCrowded e, Sweep sweep) {
        List<String> ways = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        folders.get(0).summary().points().forEach(ids::add);
        ways.add("--points " + (ids.size() < 3 ? "ID,ID"
                : ids.get(0) + "," + ids.get(ids.size() / 2) + "," + ids.get(ids.size() - 1)));
        if (f.name().equals(LatencyVsX.NAME) && LatencyVsX.chosen(sweep, stats).size() > 1) {
            ways.add("--stats mean");
        }
        String text = "draw fewer with " + String.join(", ", ways);
        if (e.columns() == Columns.ONE) {
            try {
                f.fit(Columns.TWO, UnaryOperator.identity());
                return text + ", or use --two-column";
            } catch (IllegalArgumentException tooForTwoColumnsToo) {
                return text;
            }
        }
        return text;
    }

    /** Every figure that applies: the "vs X" ones only when an x key was given. */
    private Set<Kind> defaults() {
        Set<Kind> all = EnumSet.allOf(Kind.class);
        if (folders.stream().anyMatch(f -> !DifferenceVsX.applies(f.dir()))) {
            all.remove(Kind.DIFFERENCE_VS_X); // only sweeps with common seeds have paired differences
        }
        if (metrics.isEmpty()) {
            all.remove(Kind.METRIC_VS_X); // only when asked which metric
        }
        if (xKey == null) {
            all.removeIf(Kind::needsX);
            return all;
        }
        if (folders.stream().allMatch(f -> f.summary().get(0, "accuracy")
                .map(r -> Double.isNaN(r.mean())).orElse(true))) {
            all.remove(Kind.ACCURACY_LATENCY); // nothing to draw, and not worth an error
        }
        if (folders.stream().allMatch(f -> f.summary().get(0, LatencyEnergy.METRIC).isEmpty())) {
            all.remove(Kind.LATENCY_ENERGY); // runs without an energy section
        }
        if (folders.stream().allMatch(f -> f.summary().points().stream()
                .allMatch(p -> f.summary().get(p, "policy.cut1").isEmpty()))) {
            all.remove(Kind.PARTITION_VS_X); // runs on fixed cuts
        }
        return all;
    }
}
