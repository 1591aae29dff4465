package org.eesim.analysis.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The rows of {@code summary.csv}, looked up by (point, metric), in file order. */
public final class Summary {

    static final String[] COLUMNS = {"point", "metric", "n", "mean", "sd", "ci_low", "ci_high"};

    private final List<SummaryRow> rows;
    private final Map<String, SummaryRow> byKey = new LinkedHashMap<>();

    public Summary(List<SummaryRow> rows) {
        this.rows = List.copyOf(rows);
        for (SummaryRow r : this.rows) {
            byKey.put(key(r.point(), r.metric()), r);
        }
    }

    public static Summary read(Path file) {
        CsvFile csv = CsvFile.read(file, COLUMNS);
        List<SummaryRow> rows = new ArrayList<>();
        for (CsvFile.Row r : csv.rows()) {
            String metric = r.text("metric");
            if (metric.isEmpty()) {
                throw r.error("metric", "empty metric name");
            }
            rows.add(new SummaryRow(r.nonNegativeInt("point"), metric, r.nonNegativeInt("n"),
                    r.number("mean"), r.number("sd"), r.number("ci_low"), r.number("ci_high")));
        }
        if (rows.isEmpty()) {
            throw ResultsException.at(file, 2, null, "no rows after the header");
        }
        return new Summary(rows);
    }

    public List<SummaryRow> rows() {
        return rows;
    }

    public SortedSet<Integer> points() {
        SortedSet<Integer> points = new TreeSet<>();
        rows.forEach(r -> points.add(r.point()));
        return points;
    }

    public Optional<SummaryRow> get(int point, String metric) {
        return Optional.ofNullable(byKey.get(key(point, metric)));
    }

    /** The metrics at {@code point} whose names start with {@code prefix}, in file order. */
    public List<SummaryRow> withPrefix(int point, String prefix) {
        return rows.stream()
                .filter(r -> r.point() == point && r.metric().startsWith(prefix))
                .toList();
    }

    private static String key(int point, String metric) {
        return point + "\u0000" + metric;
    }
}
