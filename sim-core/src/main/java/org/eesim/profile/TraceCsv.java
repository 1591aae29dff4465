package org.eesim.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eesim.yaml.Problem;
import org.eesim.yaml.Problems;
import org.eesim.yaml.TextFiles;

/**
 * A trace condition's CSV: header {@code sample,<exit>_confidence,<exit>_entropy,<exit>_correct}
 * for every exit in network order (the last is {@code final}), one row per test sample.
 * Problems are located by line, character column and the column's header name. Fields are plain
 * (no quoting): the files are machine-written numbers.
 */
final class TraceCsv {

    /** A broken file of 10,000 rows should not bury the first problems under the rest. */
    static final int MAX_PROBLEMS = 20;
    private static final String[] SUFFIXES = {"_confidence", "_entropy", "_correct"};

    private final Path file;
    private final List<String> exits;
    private final Problems problems;
    private final List<String> header = new ArrayList<>();
    private int reported;
    private int suppressed;

    private int samples;
    private float[] confidence = new float[1024];
    private float[] entropy = new float[1024];
    private boolean[] correct = new boolean[1024];

    private TraceCsv(Path file, List<String> exits, Problems problems) {
        this.file = file;
        this.exits = exits;
        this.problems = problems;
        header.add("sample");
        for (String exit : exits) {
            for (String suffix : SUFFIXES) {
                header.add(exit + suffix);
            }
        }
    }

    /** The trace in {@code file}, or {@code null} after reporting its problems. */
    static Condition.Trace read(Path file, String name, Map<String, String> parameters, List<String> exits,
                                Problems problems) {
        TraceCsv csv = new TraceCsv(file, exits, problems);
        int before = problems.size();
        String text = TextFiles.read(file, TextFiles.TRACE_MAX_BYTES, "trace", problems);
        if (text == null) {
            return null;
        }
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            String first = in.readLine();
            if (first == null) {
                csv.report(1, 0, "", "the file is empty: expected the header " + String.join(",", csv.header));
                return null;
            }
            if (!csv.checkHeader(first)) {
                return null;
            }
            int lineNumber = 1;
            int rows = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    rows++;
                    csv.row(lineNumber, line);
                }
            }
            if (rows == 0) {
                csv.report(lineNumber + 1, 0, "", "the trace has no samples");
            }
        } catch (IOException e) {
            problems.add(file, 0, 0, "", "cannot read: " + e);
        }
        if (csv.suppressed > 0) {
            problems.add(file, 0, 0, "", csv.suppressed + " more problems in this file not shown");
        }
        if (problems.size() > before) {
            return null;
        }
        int n = csv.samples * exits.size();
        return new Condition.Trace(name, parameters, csv.samples, exits.size(),
                Arrays.copyOf(csv.confidence, n), Arrays.copyOf(csv.entropy, n), Arrays.copyOf(csv.correct, n));
    }

    private boolean checkHeader(String line) {
        List<String> got = List.of(strip(line).split(",", -1));
        if (got.equals(header)) {
            return true;
        }
        String expected = "expected the header " + String.join(",", header);
        if (got.isEmpty() || !got.get(0).strip().equals("sample")) {
            report(1, 1, "", "the first column must be 'sample'; " + expected);
            return false;
        }
        List<String> named = exitsNamed(got);
        if (named != null && named.size() != exits.size()) {
            report(1, 1, "", "wrong number of exits: the header has " + named.size() + " (" + String.join(", ", named)
                    + "), the profile has " + exits.size() + " (" + String.join(", ", exits) + ")");
            return false;
        }
        int column = 1;
        for (int i = 0; i < Math.min(got.size(), header.size()); i++) {
            if (!got.get(i).equals(header.get(i))) {
                report(1, column, header.get(i), "expected '" + header.get(i) + "', got '" + got.get(i) + "'");
                return false;
            }
            column += got.get(i).length() + 1;
        }
        report(1, 1, "", "the header has " + got.size() + " columns; " + expected);
        return false;
    }

    /** The exit names of a header shaped like sample + triples, or {@code null} if it is not. */
    private static List<String> exitsNamed(List<String> got) {
        if ((got.size() - 1) % 3 != 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i < got.size(); i += 3) {
            for (int k = 0; k < 3; k++) {
                if (!got.get(i + k).endsWith(SUFFIXES[k])) {
                    return null;
                }
            }
            names.add(got.get(i).substring(0, got.get(i).length() - SUFFIXES[0].length()));
        }
        return names;
    }

    private void row(int lineNumber, String line) {
        String[] cells = strip(line).split(",", -1);
        if (cells.length != header.size()) {
            report(lineNumber, 1, "", "expected " + header.size() + " fields, got " + cells.length);
            return;
        }
        grow();
        int base = samples * exits.size();
        int column = cells[0].length() + 2;
        boolean ok = true;
        for (int e = 0; e < exits.size(); e++) {
            int c = 1 + 3 * e;
            Float conf = unit(lineNumber, column, c, cells[c]);
            column += cells[c].length() + 1;
            Float ent = unit(lineNumber, column, c + 1, cells[c + 1]);
            column += cells[c + 1].length() + 1;
            String bit = cells[c + 2].strip();
            if (!bit.equals("0") && !bit.equals("1")) {
                report(lineNumber, column, header.get(c + 2), "must be 0 or 1, got '" + cells[c + 2] + "'");
                ok = false;
            }
            column += cells[c + 2].length() + 1;
            ok &= conf != null && ent != null;
            confidence[base + e] = conf == null ? 0 : conf;
            entropy[base + e] = ent == null ? 0 : ent;
            correct[base + e] = bit.equals("1");
        }
        if (ok) {
            samples++;
        }
    }

    /** A number in [0, 1] from cell {@code c}, or {@code null} after reporting it. */
    private Float unit(int line, int column, int c, String cell) {
        float v;
        try {
            v = Float.parseFloat(cell.strip());
        } catch (NumberFormatException e) {
            report(line, column, header.get(c), "expected a number, got '" + cell + "'");
            return null;
        }
        if (!(v >= 0 && v <= 1)) {
            String what = header.get(c).endsWith(SUFFIXES[0]) ? "confidence" : "entropy";
            report(line, column, header.get(c), what + " must be in [0, 1], got " + cell.strip());
            return null;
        }
        return v;
    }

    private void grow() {
        int need = (samples + 1) * exits.size();
        if (need > confidence.length) {
            int size = Math.max(need, confidence.length * 2);
            confidence = Arrays.copyOf(confidence, size);
            entropy = Arrays.copyOf(entropy, size);
            correct = Arrays.copyOf(correct, size);
        }
    }

    private void report(int line, int column, String columnName, String reason) {
        if (reported++ < MAX_PROBLEMS) {
            problems.add(new Problem(file, line, column, columnName, reason));
        } else {
            suppressed++;
        }
    }

    /** Drops a byte-order mark and the carriage return of CRLF files. */
    private static String strip(String line) {
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
