package org.eesim.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.eesim.stats.Summary;
import org.eesim.sweep.Run;

/**
 * The tidy tables of a results folder and how they are rewritten: always whole, into a temporary
 * file renamed over the old one, so that a stop leaves either the old or the new file.
 */
public final class Tables {

    public static final String REPLICATIONS = "replications.csv";
    public static final String DISTRIBUTION = "distribution.csv";
    public static final String RUNS = "runs.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String DIFFERENCES = "differences.csv";
    static final String DIFFERENCES_HEADER = "point,metric,n,mean,sd,ci_low,ci_high,variance_ratio";
    public static final String POINTS = "points.csv";
    public static final String SUMMARY_WIDE = "summary_wide.csv";

    public static final String REPLICATIONS_HEADER = "point,replication,seed,metric,value";
    public static final String SUMMARY_HEADER = "point,metric,n,mean,sd,ci_low,ci_high";
    public static final String DISTRIBUTION_HEADER = "point,replication,quantile,latency_s";

    private Tables() {
    }

    /** Rewrites the journal's three files to hold exactly {@code blocks}, in run order. */
    static void write(Path dir, Collection<Block> blocks) throws IOException {
        List<Block> sorted = new ArrayList<>(blocks);
        sorted.sort((a, b) -> a.run().compareTo(b.run()));
        StringBuilder reps = new StringBuilder(REPLICATIONS_HEADER).append('\n');
        StringBuilder dist = new StringBuilder(DISTRIBUTION_HEADER).append('\n');
        StringBuilder runs = new StringBuilder(Journal.RUNS_HEADER).append('\n');
        for (Block b : sorted) {
            b.replicationRows().forEach(r -> reps.append(r).append('\n'));
            b.distributionRows().forEach(r -> dist.append(r).append('\n'));
            runs.append(b.record()).append('\n');
        }
        // runs.csv last: until it is replaced, the old records still describe the old files' rows.
        replace(dir.resolve(DISTRIBUTION), dist.toString());
        replace(dir.resolve(REPLICATIONS), reps.toString());
        replace(dir.resolve(RUNS), runs.toString());
    }

    /**
     * {@code summary.csv} recomputed from the recorded runs: per point and metric (in the order
     * the model reports them), the mean and Student-t interval over the point's replications in
     * replication order. The same runs give the same file, whatever order they finished in.
     */
    public static List<String> summary(Collection<Block> blocks) {
        return summary(summaries(blocks));
    }

    /** The lines of {@code summary.csv} from {@link #summaries}. */
    public static List<String> summary(Map<Integer, List<Summary>> byPoint) {
        List<String> out = new ArrayList<>();
        out.add(SUMMARY_HEADER);
        byPoint.forEach((point, metrics) -> metrics.forEach(s -> out.add(point + "," + s.metric() + "," + s.n() + ","
                + s.mean() + "," + s.sd() + "," + s.ciLow() + "," + s.ciHigh())));
        return out;
    }

    /**
     * Per point that has recorded runs, in point order: each metric's summary over the point's
     * replications, in the order the model reports the metrics, with 95% intervals.
     */
    public static Map<Integer, List<Summary>> summaries(Collection<Block> blocks) {
        return summaries(blocks, Summary.DEFAULT_LEVEL);
    }

    /** The same at confidence {@code level} (tests compare at 99.9%). */
    public static Map<Integer, List<Summary>> summaries(Collection<Block> blocks, double level) {
        Map<Integer, Map<String, List<Double>>> byPoint = new TreeMap<>();
        List<Block> sorted = new ArrayList<>(blocks);
        sorted.sort((a, b) -> a.run().compareTo(b.run()));
        Map<Run, Map<String, Double>> values = new LinkedHashMap<>();
        for (Block b : sorted) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String row : b.replicationRows()) {
                String[] f = row.split(",");
                m.put(f[3], Double.parseDouble(f[4]));
            }
            values.put(b.run(), m);
            Map<String, List<Double>> metrics = byPoint.computeIfAbsent(b.run().point(), k -> new LinkedHashMap<>());
            m.keySet().forEach(k -> metrics.putIfAbsent(k, new ArrayList<>()));
        }
        for (Map.Entry<Run, Map<String, Double>> e : values.entrySet()) {
            byPoint.get(e.getKey().point()).forEach((metric, list) ->
                    list.add(e.getValue().getOrDefault(metric, Double.NaN)));
        }
        Map<Integer, List<Summary>> out = new TreeMap<>();
        byPoint.forEach((point, metrics) -> {
            List<Summary> list = new ArrayList<>();
            metrics.forEach((metric, v) -> list.add(Summary.of(metric, v.stream().mapToDouble(Double::doubleValue)
                    .toArray(), level)));
            out.put(point, list);
        });
        return out;
    }

    /**
     * {@code summary_wide.csv}, the summaries with no pivot to do: one row per point, its swept
     * values ({@code swept}), {@code n} (its replications), then {@code <metric>_mean},
     * {@code _ci_low} and {@code _ci_high} for every metric any point reports (empty where a
     * point does not report it). Numbers are written as in {@code summary.csv}.
     */
    public static List<String> wide(Map<Integer, List<Summary>> byPoint, SweptColumns swept) {
        Set<String> metrics = new LinkedHashSet<>();
        byPoint.values().forEach(list -> list.forEach(s -> metrics.add(s.metric())));
        StringJoiner header = new StringJoiner(",");
        header.add("point");
        swept.header().forEach(header::add);
        header.add("n");
        for (String m : metrics) {
            header.add(csv(m + "_mean")).add(csv(m + "_ci_low")).add(csv(m + "_ci_high"));
        }
        List<String> out = new ArrayList<>();
        out.add(header.toString());
        byPoint.forEach((point, list) -> {
            Map<String, Summary> byMetric = new LinkedHashMap<>();
            list.forEach(s -> byMetric.put(s.metric(), s));
            StringJoiner row = new StringJoiner(",");
            row.add(String.valueOf(point));
            swept.row(point).forEach(row::add);
            row.add(list.isEmpty() ? "0" : String.valueOf(list.get(0).n()));
            for (String m : metrics) {
                Summary s = byMetric.get(m);
                row.add(s == null ? "" : String.valueOf(s.mean())).add(s == null ? "" : String.valueOf(s.ciLow()))
                        .add(s == null ? "" : String.valueOf(s.ciHigh()));
            }
            out.add(row.toString());
        });
        return out;
    }

    /**
     * {@code differences.csv}: for every point but the baseline and every metric, the paired
     * difference point - baseline over the replications both have (common random numbers: the
     * same requests in both), its mean, sd and Student-t interval, and {@code variance_ratio},
     * (var(point) + var(baseline)) / var(difference): how many times the variance of the
     * difference is below what independent seeds would give (NaN when the difference does not
     * vary).
     */
    public static List<String> differences(Collection<Block> blocks, int baseline) {
        Map<Integer, Map<String, Map<Integer, Double>>> byPoint = new TreeMap<>();
        List<Block> sorted = new ArrayList<>(blocks);
        sorted.sort((a, b) -> a.run().compareTo(b.run()));
        for (Block b : sorted) {
            Map<String, Map<Integer, Double>> metrics = byPoint.computeIfAbsent(b.run().point(), k -> new LinkedHashMap<>());
            for (String row : b.replicationRows()) {
                String[] f = row.split(",");
                metrics.computeIfAbsent(f[3], k -> new TreeMap<>()).put(b.run().replication(), Double.parseDouble(f[4]));
            }
        }
        List<String> out = new ArrayList<>();
        out.add(DIFFERENCES_HEADER);
        Map<String, Map<Integer, Double>> base = byPoint.getOrDefault(baseline, Map.of());
        byPoint.forEach((point, metrics) -> {
            if (point == baseline) {
                return;
            }
            metrics.forEach((metric, reps) -> {
                Map<Integer, Double> b = base.get(metric);
                if (b == null) {
                    return;
                }
                List<double[]> pairs = new ArrayList<>();
                reps.forEach((r, v) -> {
                    if (b.containsKey(r)) {
                        pairs.add(new double[] {v, b.get(r)});
                    }
                });
                double[] d = pairs.stream().mapToDouble(p -> p[0] - p[1]).toArray();
                Summary s = Summary.of(metric, d);
                double ratio = (variance(pairs, 0) + variance(pairs, 1)) / (s.sd() * s.sd());
                out.add(point + "," + metric + "," + s.n() + "," + s.mean() + "," + s.sd() + "," + s.ciLow() + ","
                        + s.ciHigh() + "," + (Double.isFinite(ratio) ? ratio : Double.NaN));
            });
        });
        return out;
    }

    private static double variance(List<double[]> pairs, int k) {
        double[] v = pairs.stream().mapToDouble(p -> p[k]).toArray();
        Summary s = Summary.of("", v);
        return s.sd() * s.sd();
    }

    /** Writes {@code text} to {@code file} through a temporary sibling and an atomic rename. */
    public static void replace(Path file, String text) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
    public static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
