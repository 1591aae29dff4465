package org.eesim.analysis.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers a figure plots, one row per plotted value, written as CSV beside the figure so
 * that a reader (or reviewer) can re-plot or check it without this program.
 */
public final class TidyTable {

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    public TidyTable(String... columns) {
        this.columns = List.of(columns);
    }

    public TidyTable add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns);
        }
        rows.add(List.of(values));
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return List.copyOf(rows);
    }

    /** Rows whose {@code column} equals {@code value}: tests count a series' points with it. */
    public long count(String column, Object value) {
        int i = columns.indexOf(column);
        return rows.stream().filter(r -> r.get(i).equals(value)).count();
    }

    public void write(Path file) {
        StringBuilder out = new StringBuilder(String.join(",", columns)).append('\n');
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(field(row.get(i)));
            }
            out.append('\n');
        }
        try {
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String field(Object value) {
        String s = String.valueOf(value);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
