package org.eesim.profile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eesim.yaml.Problems;
import org.eesim.yaml.ProblemsException;
import org.eesim.yaml.Suggest;
import org.eesim.yaml.TextFiles;

/**
 * Turns a network described in two CSV files (layers and branches; exit data per condition and
 * threshold) into a profile folder ({@code profile.yaml} in format eesim-profile/1 and a README).
 * The format is in docs/scenario-reference.md, "Importing a profile from CSV". Every problem in
 * the CSVs is reported at once, located {@code FILE:LINE:COL column}; on any, nothing is written.
 */
public final class CsvImport {

    private static final long MAX_BYTES = 64L << 20;
    private static final Map<String, Double> UNITS = Map.of("s", 1.0, "ms", 1e3, "us", 1e6);
    private static final double EPS = 1e-9;
    private static final List<String> LAYER_COLUMNS = List.of("kind", "name", "after", "output_shape", "output_bytes",
            "flops");
    private static final List<String> EXIT_COLUMNS = List.of("condition", "threshold", "exit", "share", "conditional",
            "accuracy");

    /** One CSV data row: its 1-based line, the columns' start columns, and the cells by header. */
    private record Row(int line, Map<String, String> cells, Map<String, Integer> columns) {
        String get(String key) {
            String v = cells.get(key);
            return v == null || v.isEmpty() ? null : v;
        }
    }

    private record Csv(List<String> header, int headerLine, List<Integer> headerCols, List<Row> rows) {
    }

    private record Item(String kind, String name, String after, double[] time, long bytes, List<Long> shape,
                        long flops, int line) {
    }

    private final Problems problems = new Problems();

    private CsvImport() {
    }

    /**
     * Imports {@code layers} (and {@code exits}) into {@code out}; throws with every problem
     * (nothing written) or returns the profile as read back by {@link ProfileReader}.
     */
    public static Profile run(Path layers, Path exits, String name, Path out, boolean force, String command)
            throws ProblemsException, IOException {
        CsvImport im = new CsvImport();
        if (Files.exists(out) && !force) {
            im.problems.add(out, 0, 0, "", "the folder exists already: choose another --out, or add --force to replace it");
        }
        String yaml = im.convert(layers, exits, name);
        im.problems.throwIfAny();
        Path tmp = Files.createTempDirectory(out.toAbsolutePath().normalize().getParent() == null ? Path.of(".")
                : createParent(out), ".import-");
        try {
            Files.writeString(tmp.resolve(ProfileReader.FILE_NAME), yaml);
            Files.writeString(tmp.resolve("README.md"), readme(name, layers, exits, command));
            Profile p = ProfileReader.read(tmp); // throws if the importer wrote something unreadable
            if (Files.exists(out)) {
                deleteTree(out);
            }
            Files.move(tmp, out);
            return p;
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    private static Path createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        return parent;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String readme(String name, Path layers, Path exits, String command) {
        return "# " + name + "\n\nImported by `eesim import-profile` from CSV files; do not edit profile.yaml by"
                + " hand: change the CSVs and import again.\n\n- layers and branches: `" + layers + "`\n- exit data: `"
                + exits + "`\n- command: `" + command + "`\n\nThe CSV format is described in"
                + " docs/scenario-reference.md, \"Importing a profile from CSV\".\n";
    }

    // ---------------------------------------------------------------- conversion

    private String convert(Path layersFile, Path exitsFile, String name) {
        Csv lc = parse(layersFile);
        Csv ec = parse(exitsFile);
        List<Item> layers = new ArrayList<>();
        List<Item> branches = new ArrayList<>();
        long[] input = null;
        List<Long> inputShape = null;
        int beforeLayers = problems.size();
        if (lc != null) {
            unknownColumns(layersFile, lc, LAYER_COLUMNS, true);
            String unit = timeUnit(layersFile, lc);
            boolean readable = require(layersFile, lc, "kind", "name");
            if (!readable) {
                lc = new Csv(lc.header(), lc.headerLine(), lc.headerCols(), List.of()); // rows unreadable without them
            }
            List<String> names = new ArrayList<>();
            List<String> branchNames = new ArrayList<>();
            boolean first = true;
            for (Row r : lc.rows()) {
                String kind = r.get("kind");
                if (kind == null) {
                    at(layersFile, r, "kind", "kind is empty: give layer, branch or input");
                    continue;
                }
                switch (kind) {
                    case "input" -> {
                        if (!first || input != null) {
                            at(layersFile, r, "kind", "the input row must be the first data row, and only one");
                        }
                        List<Long> shape = shape(layersFile, r);
                        Long bytes = bytes(layersFile, r, shape);
                        if (bytes != null) {
                            input = new long[] {bytes};
                            inputShape = shape;
                        }
                    }
                    case "layer", "branch" -> {
                        String n = r.get("name");
                        if (n == null) {
                            at(layersFile, r, "name", "a " + kind + " needs a name");
                        } else if (names.contains(n) || branchNames.contains(n)) {
                            at(layersFile, r, "name", "the name '" + n + "' is used twice");
                        } else if (kind.equals("branch") && n.equals(Profile.FINAL_EXIT)) {
                            at(layersFile, r, "name", "'final' names the last exit, which is implicit: choose another name");
                        }
                        double[] time = unit == null ? null : time(layersFile, r, unit);
                        if (kind.equals("layer")) {
                            if (r.get("after") != null) {
                                at(layersFile, r, "after", "only a branch row names the layer it follows");
                            }
                            List<Long> shape = shape(layersFile, r);
                            Long bytes = bytes(layersFile, r, shape);
                            Long flops = r.get("flops") == null ? Long.valueOf(0) : whole(layersFile, r, "flops");
                            if (n != null) {
                                names.add(n);
                            }
                            layers.add(new Item(kind, n, null, time, bytes == null ? 0 : bytes, shape,
                                    flops == null ? 0 : flops, r.line()));
                        } else {
                            String after = r.get("after");
                            if (after == null) {
                                at(layersFile, r, "after", "a branch names the layer it follows in 'after'");
                            } else if (!names.contains(after)) {
                                at(layersFile, r, "after", "unknown layer '" + after + "' (a branch follows a layer"
                                        + " listed above it; layers so far: " + String.join(", ", names) + ")");
                            }
                            for (String k : List.of("output_bytes", "output_shape", "flops")) {
                                if (r.get(k) != null) {
                                    at(layersFile, r, k, "a branch has no " + k + " (its output is the answer)");
                                }
                            }
                            if (n != null) {
                                branchNames.add(n);
                            }
                            branches.add(new Item(kind, n, after, time, 0, null, 0, r.line()));
                        }
                    }
                    default -> at(layersFile, r, "kind", "unknown kind '" + kind + "' (expected: input, layer, branch)");
                }
                first = false;
            }
            if (readable && input == null && lc.rows().stream().noneMatch(r -> "input".equals(r.get("kind")))) {
                problems.add(layersFile, lc.rows().isEmpty() ? 1 : lc.rows().get(0).line(), 1, "kind",
                        "the first data row must be the network's input: kind input with output_shape or output_bytes");
            }
            if (readable && layers.isEmpty()) {
                problems.add(layersFile, lc.headerLine(), 1, "", "no layer rows: give at least one row of kind layer");
            }
        }
        // exits name branches: against layers that could not be read, every row would be an error
        boolean layersRead = lc != null && problems.size() == beforeLayers;
        String conditions = ec == null || !layersRead ? "" : exits(exitsFile, ec,
                branches.stream().map(Item::name).toList());
        if (!problems.isEmpty()) {
            return null;
        }
        StringBuilder y = new StringBuilder();
        y.append("# Written by eesim import-profile from ").append(layersFile.getFileName()).append(" and ")
                .append(exitsFile.getFileName()).append(". Do not edit by hand: change the CSVs and import again.\n");
        y.append("format: ").append(ProfileReader.FORMAT).append('\n');
        y.append("name: ").append(q(name)).append('\n');
        y.append("description: ").append(q("imported from " + layersFile.getFileName() + " and "
                + exitsFile.getFileName())).append('\n');
        y.append("provenance:\n  layers_csv: ").append(q(layersFile.toString())).append("\n  exits_csv: ")
                .append(q(exitsFile.toString())).append('\n');
        y.append("element_bytes: 4\n");
        y.append("input_bytes: ").append(input[0]).append('\n');
        if (inputShape != null) {
            y.append("input_shape: ").append(inputShape).append('\n');
        }
        y.append("layers:\n");
        for (Item l : layers) {
            y.append("  - name: ").append(q(l.name())).append('\n');
            time(y, l.time());
            if (l.shape() != null) {
                y.append("    output_shape: ").append(l.shape()).append('\n');
            }
            y.append("    output_bytes: ").append(l.bytes()).append('\n');
            y.append("    flops: ").append(l.flops()).append('\n');
        }
        if (!branches.isEmpty()) {
            y.append("branches:\n");
            for (Item b : branches) {
                y.append("  - name: ").append(q(b.name())).append('\n');
                y.append("    after: ").append(q(b.after())).append('\n');
                time(y, b.time());
            }
        }
        y.append(conditions);
        return y.toString();
    }

    private static void time(StringBuilder y, double[] t) {
        y.append("    time_s:\n      mean: ").append(n(t[0])).append('\n');
        if (!Double.isNaN(t[1])) {
            y.append("      sd: ").append(n(t[1])).append('\n');
        }
        if (t.length > 2) {
            y.append("      samples: [");
            for (int i = 2; i < t.length; i++) {
                y.append(i > 2 ? ", " : "").append(n(t[i]));
            }
            y.append("]\n");
        }
    }

    /** The time unit of the header's single {@code time_<unit>} column; null (reported) when none or several. */
    private String timeUnit(Path file, Csv csv) {
        List<String> times = csv.header().stream().filter(h -> h.startsWith("time_") && !h.startsWith("time_sd_")).toList();
        String unit = null;
        for (String h : csv.header()) {
            if (h.startsWith("time_") || h.startsWith("samples_")) {
                String u = h.substring(h.lastIndexOf('_') + 1);
                if (!UNITS.containsKey(u)) {
                    header(file, csv, h, "unknown time unit '" + u + "' in column " + h + " (expected: s, ms, us)");
                } else if (!List.of("time_" + u, "time_sd_" + u, "samples_" + u).contains(h)) {
                    header(file, csv, h, "unknown column '" + h + "' (time columns: time_" + u + ", time_sd_" + u
                            + ", samples_" + u + ")");
                } else if (unit != null && !unit.equals(u)) {
                    header(file, csv, h, "column " + h + " is in " + u + ", but the times before are in " + unit
                            + ": use one unit");
                } else {
                    unit = u;
                }
            }
        }
        if (times.size() > 1) {
            header(file, csv, times.get(1), "give exactly one mean time column, got " + String.join(", ", times));
            return null;
        }
        if (times.isEmpty() && csv.header().stream().noneMatch(h -> h.startsWith("samples_"))) {
            problems.add(file, csv.headerLine(), 1, "", "missing column time_ms (or time_us, time_s, or samples_ms)");
            return null;
        }
        return unit;
    }

    /** {mean, sd (NaN: none), samples...} in seconds, or null (reported). */
    private double[] time(Path file, Row r, String unit) {
        double perSecond = UNITS.get(unit); // divided, not multiplied by 1e-3: 0.9 ms is 0.0009 s exactly as printed
        Double mean = r.get("time_" + unit) == null ? null : nonNegative(file, r, "time_" + unit);
        Double sd = r.get("time_sd_" + unit) == null ? null : nonNegative(file, r, "time_sd_" + unit);
        String raw = r.get("samples_" + unit);
        List<Double> samples = new ArrayList<>();
        if (raw != null) {
            for (String s : raw.split(";", -1)) {
                Double v = number(file, r, "samples_" + unit, s.strip());
                if (v != null && v < 0) {
                    at(file, r, "samples_" + unit, "a time sample must be >= 0, got " + s.strip());
                }
                samples.add(v == null ? 0 : v);
            }
        }
        if (mean == null && raw == null) {
            at(file, r, "time_" + unit, "no time: give time_" + unit + " (or samples_" + unit + ")");
            return null;
        }
        if (mean == null) {
            mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
        double[] t = new double[2 + samples.size()];
        t[0] = mean / perSecond;
        t[1] = sd == null ? Double.NaN : sd / perSecond;
        for (int i = 0; i < samples.size(); i++) {
            t[2 + i] = samples.get(i) / perSecond;
        }
        return t;
    }

    private List<Long> shape(Path file, Row r) {
        String s = r.get("output_shape");
        if (s == null) {
            return null;
        }
        List<Long> dims = new ArrayList<>();
        for (String d : s.split("x", -1)) {
            try {
                long v = Long.parseLong(d.strip());
                if (v < 1) {
                    throw new NumberFormatException();
                }
                dims.add(v);
            } catch (NumberFormatException e) {
                at(file, r, "output_shape", "not a shape: '" + s + "' (positive whole numbers joined by x, e.g. 64x56x56)");
                return null;
            }
        }
        return dims;
    }

    private Long bytes(Path file, Row r, List<Long> shape) {
        if (r.get("output_bytes") != null) {
            Long b = whole(file, r, "output_bytes");
            if (b != null && shape != null && Math.abs((double) b - 4.0 * shape.stream().mapToDouble(Long::doubleValue)
                    .reduce(1, (x, y) -> x * y)) > 0.5) {
                at(file, r, "output_bytes", "output_bytes " + b + " disagrees with output_shape " + r.get("output_shape")
                        + " (4 bytes per float32 element): give one of them");
            }
            return b;
        }
        if (shape != null) {
            try {
                return product(shape);
            } catch (ArithmeticException e) {
                at(file, r, "output_shape", "the tensor is too large to count its bytes");
                return null;
            }
        }
        if (r.get("output_shape") == null) {
            at(file, r, "output_bytes", "missing output_bytes (or output_shape, e.g. 64x56x56)");
        }
        return null;
    }

    private static long product(List<Long> shape) {
        long n = 4;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    // ---------------------------------------------------------------- exits

    private String exits(Path file, Csv csv, List<String> branches) {
        unknownColumns(file, csv, EXIT_COLUMNS, false);
        if (!require(file, csv, "condition", "threshold", "exit")) {
            return "";
        }
        boolean share = csv.header().contains("share");
        boolean conditional = csv.header().contains("conditional");
        if (share == conditional) {
            problems.add(file, csv.headerLine(), 1, "", share ? "give share or conditional, not both"
                    : "missing column share (of all inputs, per exit) or conditional (P(exit | reached))");
            return "";
        }
        String col = share ? "share" : "conditional";
        boolean hasAccuracy = csv.header().contains("accuracy");
        List<String> exits = new ArrayList<>(branches);
        exits.add(Profile.FINAL_EXIT);
        // condition -> threshold -> exit -> row
        Map<String, TreeMap<Double, Map<String, Row>>> table = new LinkedHashMap<>();
        Map<String, Row> firstRow = new LinkedHashMap<>();
        for (Row r : csv.rows()) {
            String c = r.get("condition");
            Double t = r.get("threshold") == null ? null : number(file, r, "threshold", r.get("threshold"));
            String e = r.get("exit");
            if (c == null) {
                at(file, r, "condition", "condition is empty");
                continue;
            }
            if (t == null) {
                if (r.get("threshold") == null) {
                    at(file, r, "threshold", "threshold is empty");
                }
                continue;
            }
            if (!(t >= 0 && t <= 1)) {
                at(file, r, "threshold", "threshold must be in [0, 1], got " + r.get("threshold"));
                continue;
            }
            if (e == null || !exits.contains(e)) {
                at(file, r, "exit", (e == null ? "exit is empty" : "unknown exit '" + e + "'")
                        + " (exits: " + String.join(", ", exits) + ")");
                continue;
            }
            Map<String, Row> group = table.computeIfAbsent(c, k -> new TreeMap<>()).computeIfAbsent(t, k -> new LinkedHashMap<>());
            firstRow.putIfAbsent(c + "\u0000" + t, r);
            if (group.put(e, r) != null) {
                at(file, r, "exit", "exit " + e + " is given twice for condition " + c + " at threshold " + r.get("threshold"));
            }
            if (e.equals(Profile.FINAL_EXIT) && r.get(col) != null) {
                at(file, r, col, "the final exit takes every input left: give it no " + col + " (accuracy only)");
            }
        }
        StringBuilder y = new StringBuilder("conditions:\n");
        table.forEach((c, byThreshold) -> {
            y.append("  ").append(q(c)).append(":\n    rule: max_softmax\n    rates:\n");
            byThreshold.forEach((t, group) -> {
                Row head = firstRow.get(c + "\u0000" + t);
                List<String> missing = branches.stream().filter(b -> !group.containsKey(b)).toList();
                if (!missing.isEmpty()) {
                    at(file, head, "exit", "condition " + c + " at threshold " + head.get("threshold")
                            + " lacks a row for exit " + String.join(", ", missing));
                    return;
                }
                double reached = 1;
                StringBuilder p = new StringBuilder();
                for (String b : branches) {
                    Row r = group.get(b);
                    Double v = r.get(col) == null ? null : number(file, r, col, r.get(col));
                    if (v == null) {
                        if (r.get(col) == null) {
                            at(file, r, col, col + " is empty");
                        }
                        return;
                    }
                    if (!(v >= 0 && v <= 1)) {
                        at(file, r, col, col + " must be in [0, 1], got " + r.get(col));
                        return;
                    }
                    double cond;
                    if (share) {
                        if (v > reached + EPS) {
                            at(file, r, col, "the shares of condition " + c + " at threshold " + head.get("threshold")
                                    + " sum to more than 1 here (" + n(1 - reached + v) + ")");
                            return;
                        }
                        cond = reached <= EPS ? 0 : Math.min(1, v / reached);
                        reached = Math.max(0, reached - v);
                    } else {
                        cond = v;
                    }
                    p.append(p.length() == 0 ? "" : ", ").append(q(b)).append(": ").append(n(cond));
                }
                StringBuilder a = new StringBuilder();
                for (String e : exits) {
                    Row r = group.get(e);
                    String raw = r == null || !hasAccuracy ? null : r.get("accuracy");
                    double acc = Double.NaN;
                    if (raw != null) {
                        Double v = number(file, r, "accuracy", raw);
                        if (v != null && !(v >= 0 && v <= 1)) {
                            at(file, r, "accuracy", "accuracy must be in [0, 1], got " + raw);
                        } else if (v != null) {
                            acc = v;
                        }
                    }
                    a.append(a.length() == 0 ? "" : ", ").append(q(e)).append(": ").append(n(acc));
                }
                y.append("      - threshold: ").append(n(t)).append('\n');
                y.append("        exit_probability: {").append(p).append("}\n");
                y.append("        accuracy: {").append(a).append("}\n");
            });
        });
        if (table.isEmpty()) {
            problems.add(file, csv.headerLine(), 1, "", "no exit rows: give at least one condition and threshold");
        }
        return y.toString();
    }

    // ---------------------------------------------------------------- CSV

    /** Comma-separated, no quoting; '#' lines and blank lines skipped; cells trimmed. */
    private Csv parse(Path file) {
        String text = TextFiles.read(file, MAX_BYTES, "CSV", problems);
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\r?\n", -1);
        List<String> header = null;
        List<Integer> headerCols = null;
        int headerLine = 0;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            int start = 0;
            for (int j = 0; j <= line.length(); j++) {
                if (j == line.length() || line.charAt(j) == ',') {
                    cells.add(line.substring(start, j).strip());
                    cols.add(start + 1);
                    start = j + 1;
                }
            }
            if (line.indexOf('"') >= 0) {
                problems.add(file, i + 1, line.indexOf('"') + 1, "", "quotes are not supported: cells hold no commas");
            }
            if (header == null) {
                header = cells;
                headerCols = cols;
                headerLine = i + 1;
                for (int k = 0; k < cells.size(); k++) {
                    if (cells.subList(0, k).contains(cells.get(k))) {
                        problems.add(file, i + 1, cols.get(k), cells.get(k), "column " + cells.get(k) + " appears twice");
                    }
                }
                continue;
            }
            if (cells.size() != header.size()) {
                problems.add(file, i + 1, cols.get(Math.min(cells.size(), header.size()) - 1), "",
                        "this row has " + cells.size() + " cells, the header " + header.size());
                continue;
            }
            Map<String, String> m = new LinkedHashMap<>();
            Map<String, Integer> c = new LinkedHashMap<>();
            for (int k = 0; k < cells.size(); k++) {
                m.putIfAbsent(header.get(k), cells.get(k));
                c.putIfAbsent(header.get(k), cols.get(k));
            }
            rows.add(new Row(i + 1, m, c));
        }
        if (header == null) {
            problems.add(file, 0, 0, "", "empty CSV: expected a header line");
            return null;
        }
        return new Csv(header, headerLine, headerCols, rows);
    }

    /** Reports header cells that are none of {@code known} (nor, with {@code times}, a time column). */
    private void unknownColumns(Path file, Csv csv, List<String> known, boolean times) {
        List<String> all = new ArrayList<>(known);
        if (times) {
            for (String u : List.of("ms", "us", "s")) {
                all.addAll(List.of("time_" + u, "time_sd_" + u, "samples_" + u));
            }
        }
        for (String h : csv.header()) {
            boolean time = times && (h.startsWith("time_") || h.startsWith("samples_")); // checked with the unit
            if (!time && !known.contains(h)) {
                header(file, csv, h, "unknown column '" + h + "'" + Suggest.hint(h, all) + " (columns: "
                        + String.join(", ", known) + (times ? ", time_<unit>, time_sd_<unit>, samples_<unit>" : "")
                        + ")");
            }
        }
    }

    /** Whether the header has every one of {@code columns}; reports those it lacks. */
    private boolean require(Path file, Csv csv, String... columns) {
        boolean all = true;
        for (String c : columns) {
            if (!csv.header().contains(c)) {
                all = false;
                problems.add(file, csv.headerLine(), 1, "", "missing column " + c + " (header: " + String.join(",", csv.header()) + ")");
            }
        }
        return all;
    }

    private void header(Path file, Csv csv, String column, String reason) {
        problems.add(file, csv.headerLine(), csv.headerCols().get(csv.header().indexOf(column)), column, reason);
    }

    private void at(Path file, Row r, String column, String reason) {
        Integer col = r.columns().get(column);
        problems.add(file, r.line(), col == null ? 1 : col, column, reason);
    }

    private Double number(Path file, Row r, String column, String s) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v) && !s.matches(".*[a-zA-Z&&[^eE]].*")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        at(file, r, column, "not a number: '" + s + "'");
        return null;
    }

    private Double nonNegative(Path file, Row r, String column) {
        Double v = number(file, r, column, r.get(column));
        if (v != null && v < 0) {
            at(file, r, column, column + " must be >= 0, got " + r.get(column));
            return null;
        }
        return v;
    }

    private Long whole(Path file, Row r, String column) {
        try {
            long v = Long.parseLong(r.get(column));
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        at(file, r, column, column + " must be a whole number >= 0, got '" + r.get(column) + "'");
        return null;
    }

    /** A YAML double-quoted string. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A YAML number without an exponent (YAML 1.1 wants a sign in one); {@code .nan} for NaN. */
    static String n(double v) {
        if (Double.isNaN(v)) {
            return ".nan";
        }
        String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}
