package org.eesim.analysis.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eesim.results.SweptColumns;

/**
 * {@code points.csv} of a sweep folder: each point's value of every swept key, as the scenario
 * wrote it (units included). A folder without it (one point, or written before sweeps) has no
 * swept keys.
 */
public final class Points {

    private final Path file;
    private final List<String> keys;
    private final Map<Integer, Map<String, String>> values;

    private Points(Path file, List<String> keys, Map<Integer, Map<String, String>> values) {
        this.file = file;
        this.keys = List.copyOf(keys);
        this.values = values;
    }

    public static Points read(Path file) {
        if (!Files.exists(file)) {
            return new Points(file, List.of(), Map.of());
        }
        CsvFile csv = CsvFile.read(file, "point");
        List<String> keys = new ArrayList<>();
        for (String k : csv.columns()) {
            if (!k.equals("point") && !k.equals("seed") && !siValue(k, csv.columns())) {
                keys.add(k);
            }
        }
        Map<Integer, Map<String, String>> values = new LinkedHashMap<>();
        for (CsvFile.Row r : csv.rows()) {
            Map<String, String> v = new LinkedHashMap<>();
            for (String k : keys) {
                v.put(k, r.text(k));
            }
            values.put(r.nonNegativeInt("point"), v);
        }
        return new Points(file, keys, values);
    }

    /** {@code <key>_bps} beside {@code <key>}: the same value as a number, not a swept key of its own. */
    private static boolean siValue(String column, List<String> columns) {
        for (String suffix : SweptColumns.SUFFIX.values()) {
            String key = column.substring(0, Math.max(0, column.length() - suffix.length() - 1));
            if (column.endsWith("_" + suffix) && columns.contains(key)) {
                return true;
            }
        }
        return false;
    }

    public Path file() {
        return file;
    }

    /** The swept keys, in the sweep's order. */
    public List<String> keys() {
        return keys;
    }

    public boolean has(String key) {
        return keys.contains(key);
    }

    /** The value of {@code key} at {@code point}, as written; fails naming the file. */
    public String value(int point, String key) {
        Map<String, String> v = values.get(point);
        if (v == null) {
            throw ResultsException.at(file, 0, "point", "no row for point " + point);
        }
        return v.get(key);
    }
}
