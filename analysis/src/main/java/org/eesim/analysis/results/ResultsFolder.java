package org.eesim.analysis.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run's folder ({@code results/<name>/}). Files are read on first use, so a figure that
 * needs only {@code summary.csv} works on a folder whose distribution was not written.
 */
public final class ResultsFolder {

    private final Path dir;
    private Summary summary;
    private Distribution distribution;
    private Replications replications;
    private ResolvedScenario resolved;
    private final java.util.Map<Integer, ResolvedScenario> resolvedByPoint = new java.util.HashMap<>();
    private Points points;

    private ResultsFolder(Path dir) {
        this.dir = dir;
    }

    public static ResultsFolder open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw ResultsException.at(dir, 0, null, "not a results folder (no such directory)");
        }
        if (!Files.exists(dir.resolve("summary.csv"))) {
            throw ResultsException.at(dir.resolve("summary.csv"), 0, null,
                    "file not found: is " + dir + " a results folder?");
        }
        return new ResultsFolder(dir);
    }

    /** The most recently written results folder under {@code parent} (by summary.csv time), shards aside. */
    public static ResultsFolder latest(Path parent) {
        try (Stream<Path> children = Files.list(parent)) {
            Optional<Path> newest = children
                    .filter(p -> Files.isRegularFile(p.resolve("summary.csv")))
                    // a shard holds part of a sweep; its merged folder is the result
                    .filter(p -> !p.getFileName().toString().matches(".*-shard-\\d+-of-\\d+"))
                    .max(Comparator.comparing(ResultsFolder::written)
                            .thenComparing(Path::getFileName));
            return open(newest.orElseThrow(() -> ResultsException.at(parent, 0, null,
                    "no results folder (with a summary.csv) inside")));
        } catch (IOException e) {
            throw ResultsException.at(parent, 0, null, "cannot list: " + e.getMessage());
        }
    }

    private static FileTime written(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve("summary.csv"));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    public Summary summary() {
        if (summary == null) {
            summary = Summary.read(dir.resolve("summary.csv"));
        }
        return summary;
    }

    public Distribution distribution() {
        if (distribution == null) {
            distribution = Distribution.read(dir.resolve("distribution.csv"));
        }
        return distribution;
    }

    public Replications replications() {
        if (replications == null) {
            replications = Replications.read(dir.resolve("replications.csv"));
        }
        return replications;
    }

    public ResolvedScenario resolved() {
        if (resolved == null) {
            resolved = ResolvedScenario.read(dir.resolve("resolved.yaml"));
        }
        return resolved;
    }

    /**
     * The resolved scenario of {@code point}: {@code resolved/<point>.yaml} in a sweep folder,
     * {@code resolved.yaml} in a one-point folder.
     */
    public ResolvedScenario resolved(int point) {
        Path own = dir.resolve("resolved").resolve(point + ".yaml");
        if (!Files.exists(own)) {
            return resolved();
        }
        return resolvedByPoint.computeIfAbsent(point, p -> ResolvedScenario.read(own));
    }

    /** The sweep's points.csv (no keys when the folder has none). */
    public Points points() {
        if (points == null) {
            points = Points.read(dir.resolve("points.csv"));
        }
        return points;
    }

    /**
     * True when the sweep declared in {@code scenario.yaml} (the file as its author wrote it)
     * gave {@code key} a {@code log_range}; false for a folder without one, or without a sweep.
     */
    public boolean sweptOnLogRange(String key) {
        Path file = dir.resolve("scenario.yaml");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Optional<com.fasterxml.jackson.databind.JsonNode> over;
        try {
            over = ResolvedScenario.read(file).node("sweep.over");
        } catch (ResultsException unreadable) {
            return false; // a figure's axis scale is no reason to refuse the folder
        }
        if (over.isEmpty() || !over.get().isArray()) {
            return false;
        }
        for (var entry : over.get()) {
            if (key.equals(entry.path("key").asText()) && entry.has("log_range")) {
                return true;
            }
        }
        return false;
    }

    /** The summary row, or a clear error naming the file and the missing metric. */
    public SummaryRow require(int point, String metric) {
        return summary().get(point, metric).orElseThrow(() -> ResultsException.at(
                dir.resolve("summary.csv"), 0, "metric",
                "no row for metric '" + metric + "' at point " + point));
    }
}
