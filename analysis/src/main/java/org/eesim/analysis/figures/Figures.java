package org.eesim.analysis.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
        LATENCY_ENERGY(true);

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
    private final boolean logX;
    private Set<Integer> points = Set.of();
    private Reference reference;
    private boolean twoColumn;

    public Figures(List<ResultsFolder> folders, String xKey, String xLabel, boolean logX) {
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

    private List<Path> write(Figure f, Path dir) {
        if (reference != null) {
            reference.overlay(f);
        }
        return (twoColumn ? f.twoColumn() : f).writeTo(dir);
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
     * each folder's own figures folder when there are several. Returns the files written.
     */
    public List<Path> draw(Set<Kind> kinds, Path dir) throws java.io.IOException {
        Set<Kind> chosen = kinds.isEmpty() ? defaults() : kinds;
        for (Kind k : chosen) {
            if (k.needsX() && xKey == null) {
                throw new IllegalArgumentException(k.fileName()
                        + " needs --x KEY: the scenario key that varies between folders or sweep points");
            }
        }
        if (reference != null) {
            reference.requireFigures(chosen.stream().map(Kind::fileName).toList());
        }
        List<Source> sources = Source.all(folders).stream()
                .filter(s -> points.isEmpty() || points.contains(s.point())).toList();
        List<Path> written = new ArrayList<>();
        Sweep sweep = null;
        if (chosen.stream().anyMatch(Kind::needsX)) {
            PointAxis axis = ConditionAxis.names(xKey) ? ConditionAxis.of(xKey, xLabel, folders)
                    : ScenarioKeyAxis.of(xKey, xLabel, folders);
            sweep = new Sweep(axis, sources);
        }
        for (Kind k : chosen) {
            switch (k) {
                case LATENCY_CDF -> written.addAll(write(LatencyCdf.of(sources, logX), dir));
                case EXIT_DISTRIBUTION -> written.addAll(write(ExitDistribution.of(sources), dir));
                case SUMMARY -> {
                    for (ResultsFolder f : folders) {
                        Path target = folders.size() == 1 ? dir : f.dir().resolve("figures");
                        Files.createDirectories(target);
                        written.add(SummaryTable.write(f, target));
                    }
                }
                case OFFLOAD_VS_X -> written.addAll(write(OffloadVsX.of(sweep), dir));
                case LATENCY_VS_X -> written.addAll(write(LatencyVsX.of(sweep), dir));
                case ACCURACY_LATENCY -> written.addAll(write(AccuracyLatency.of(sweep), dir));
                case RESOURCES_VS_X -> written.addAll(write(ResourcesVsX.of(sweep), dir));
                case LATENCY_ENERGY -> written.addAll(write(LatencyEnergy.of(sweep), dir));
            }
        }
        return written;
    }

    /** Every figure that applies: the "vs X" ones only when an x key was given. */
    private Set<Kind> defaults() {
        Set<Kind> all = EnumSet.allOf(Kind.class);
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
        return all;
    }
}
