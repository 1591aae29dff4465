package org.eesim.analysis.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small CSV reader that keeps each row's line number, so that every bad value can be reported
 * as {@code FILE:LINE column: reason}. sim-core writes plain unquoted numbers and names, but
 * quoted fields (RFC 4180, without embedded newlines) are accepted so hand-edited files work.
 */
public final class CsvFile {

    private final Path file;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    private CsvFile(Path file, Map<String, Integer> columns, List<Row> rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads {@code file}, failing unless every one of {@code required} is in its header. */
    public static CsvFile read(Path file, String... required) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ResultsException.at(file, 0, null, "file not found");
        } catch (IOException e) {
            throw new ResultsException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw ResultsException.at(file, 1, null, "empty file, expected a header");
        }
        List<String> header = split(lines.get(0), file, 1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                throw ResultsException.at(file, 1, name,
                        "missing from the header (found: " + String.join(",", header) + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue; // a trailing newline or a blank separator is not data
            }
            List<String> fields = split(lines.get(i), file, i + 1);
            if (fields.size() != header.size()) {
                throw ResultsException.at(file, i + 1, null,
                        fields.size() + " fields, but the header has " + header.size());
            }
            rows.add(new Row(file, i + 1, columns, fields));
        }
        return new CsvFile(file, Map.copyOf(columns), List.copyOf(rows));
    }

    public Path file() {
        return file;
    }

    /** The header's column names, in file order. */
    public List<String> columns() {
        String[] names = new String[columns.size()];
        columns.forEach((name, i) -> names[i] = name);
        return List.of(names);
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    public List<Row> rows() {
        return rows;
    }

    private static List<String> split(String line, Path file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ResultsException.at(file, lineNo, null, "unclosed quote");
        }
        out.add(field.toString());
        return out;
    }

    /** One data row; typed getters fail with the row's file, line and column. */
    public static final class Row {
        private final Path file;
        private final int line;
        private final Map<String, Integer> columns;
        private final List<String> fields;

        Row(Path file, int line, Map<String, Integer> columns, List<String> fields) {
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.fields = fields;
        }

        public int line() {
            return line;
        }

        public String text(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw ResultsException.at(file, line, column, "no such column");
            }
            return fields.get(i).strip();
        }

        /** A double; {@code NaN} (how sim-core writes an undefined metric) is accepted. */
        public double number(String column) {
            String s = text(column);
            if (s.isEmpty()) {
                throw error(column, "empty, expected a number");
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw error(column, "'" + s + "' is not a number");
            }
        }

        public long integer(String column) {
            String s = text(column);
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw error(column, "'" + s + "' is not an integer");
            }
        }

        public int nonNegativeInt(String column) {
            long v = integer(column);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw error(column, v + " is out of range, expected 0.." + Integer.MAX_VALUE);
            }
            return (int) v;
        }

        public ResultsException error(String column, String reason) {
            return ResultsException.at(file, line, column, reason);
        }
    }
}
