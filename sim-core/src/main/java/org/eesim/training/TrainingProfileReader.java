package org.eesim.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eesim.profile.ProfileReader;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.ProblemsException;
import org.eesim.yaml.TextFiles;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;
import org.eesim.yaml.YamlTree;

/**
 * Reads {@code <dir>/training.yaml} and {@code <dir>/splits.csv} (docs/training-profile-format.md)
 * into a {@link TrainingProfile}, reporting every problem of both files at once: in the YAML with
 * its line, column and key, in the CSV with its line, column and the column's header name.
 */
public final class TrainingProfileReader {

    public static final String FILE_NAME = "training.yaml";
    public static final String SPLITS = "splits.csv";
    public static final String FORMAT = "eesim-training-profile/1";
    static final List<String> REQUIRED = List.of("split", "edge_time_s", "cloud_time_s", "feature_bytes",
            "quantise_time_s", "edge_param_bytes");
    static final List<String> OPTIONAL = List.of("edge_forward_time_s");
    /** A broken file should not bury its first problems under the rest. */
    static final int MAX_PROBLEMS = 20;

    private final Path dir;
    private final Problems problems;
    private Path csv;
    private int reported;

    private TrainingProfileReader(Path dir, Problems problems) {
        this.dir = dir;
        this.problems = problems;
    }

    /** Whether {@code dir} holds a training profile (its training.yaml), not an inference one. */
    public static boolean isTrainingProfile(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE_NAME));
    }

    /** The profile in {@code dir}; throws with every problem found when there is any. */
    public static TrainingProfile read(Path dir) throws ProblemsException {
        Problems problems = new Problems();
        TrainingProfile p = new TrainingProfileReader(dir, problems).read();
        problems.throwIfAny();
        return p;
    }

    private TrainingProfile read() {
        if (!Files.isDirectory(dir)) {
            problems.add(dir, 0, 0, "", "training profile folder not found: " + dir.toAbsolutePath());
            return null;
        }
        Path yaml = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(yaml)) {
            problems.add(yaml, 0, 0, "", "missing " + FILE_NAME + " in the training profile folder " + dir.toAbsolutePath());
            return null;
        }
        YamlNode root = YamlTree.parse(yaml, TextFiles.PROFILE_MAX_BYTES, "training profile", problems);
        if (root == null) {
            return null;
        }
        int before = problems.size();
        Fields f = Fields.of(root, problems, "format", "name", "description", "provenance", "batch_size",
                "element_bytes", "layers", "input_bytes", "measured_on");
        String format = f.string("format");
        if (format != null && !FORMAT.equals(format)) {
            problems.add(f.node("format"), "unsupported format '" + format + "' (this version reads " + FORMAT + ")");
        }
        String name = f.string("name");
        String description = f.string("description", "");
        Map<String, String> provenance = provenance(f.node("provenance"));
        Integer batch = atLeast(f, "batch_size", 1);
        Integer element = atLeast(f, "element_bytes", 1);
        Integer layers = atLeast(f, "layers", 2);
        Long input = f.longInteger("input_bytes", 0L);
        if (input != null && input < 0) {
            problems.add(f.node("input_bytes"), "input_bytes must be >= 0, got " + input);
        }
        Map<String, String> measuredOn = measuredOn(f);
        csv = dir.resolve(SPLITS);
        List<TrainingProfile.Split> rows = layers == null ? null : splits(layers);
        if (rows != null && measuredOn != null) {
            checkMeasuredOn(f, measuredOn, rows);
        }
        if (problems.size() > before || rows == null || f.mapping() == null) {
            return null;
        }
        String sha = sha256(yaml, csv);
        try {
            return new TrainingProfile(name, description, provenance, batch, element, layers, input, measuredOn, rows, sha);
        } catch (IllegalArgumentException e) {
            problems.add(root, e.getMessage()); // the checks above should have caught it
            return null;
        }
    }

    private Integer atLeast(Fields f, String key, int min) {
        Integer v = f.integer(key);
        if (v != null && v < min) {
            problems.add(f.node(key), key + " must be at least " + min + ", got " + v);
            return null;
        }
        return v;
    }

    /** A string, or a mapping of strings; no absolute paths (provenance must travel with the checkout). */
    private Map<String, String> provenance(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (node instanceof YamlNode.Scalar) {
            String s = Values.string(node, problems);
            if (s != null && absolute(s, node)) {
                out.put("source", s);
            }
            return out;
        }
        YamlNode.Mapping m = Values.mapping(node, problems);
        if (m != null) {
            m.entries().forEach((k, v) -> {
                String s = Values.string(v, problems);
                if (s != null && absolute(s, v)) {
                    out.put(k, s);
                }
            });
        }
        return out;
    }

    /** Where a machine's own files live: a path there would not mean anything on another checkout. */
    static final List<String> MACHINE_PATHS = List.of("/home/", "/work/", "/tmp/", "/root/", "/Users/", "/mnt/",
            "/scratch/", "/data/");

    /** Reports a path into a machine's own folders (/home/..., /tmp/...); true when the text is fine. */
    private boolean absolute(String text, YamlNode at) {
        for (String word : text.split("[\\s,;:()\"']+")) {
            if (MACHINE_PATHS.stream().anyMatch(word::startsWith)) {
                problems.add(at, "provenance must name files by repository-relative paths, not '" + word + "'");
                return false;
            }
        }
        return true;
    }

    private Map<String, String> measuredOn(Fields f) {
        YamlNode node = f.required("measured_on");
        if (node == null) {
            return null;
        }
        YamlNode.Mapping m = Values.mapping(node, problems);
        if (m == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(REQUIRED.subList(1, REQUIRED.size()));
        columns.addAll(OPTIONAL);
        columns.removeAll(List.of("feature_bytes", "edge_param_bytes"));
        int before = problems.size();
        m.entries().forEach((k, v) -> {
            if (!columns.contains(k)) {
                problems.addAtKey(v, "measured_on names time columns (" + String.join(", ", columns) + "), not '" + k + "'");
            } else {
                String s = Values.string(v, problems);
                if (s != null) {
                    out.put(k, s);
                }
            }
        });
        return problems.size() > before ? null : out;
    }

    /** Every time column that holds a value must say what it was measured on. */
    private void checkMeasuredOn(Fields f, Map<String, String> measuredOn, List<TrainingProfile.Split> rows) {
        List<String> needed = new ArrayList<>(List.of("edge_time_s", "cloud_time_s"));
        if (rows.stream().anyMatch(r -> !Double.isNaN(r.quantiseSeconds()))) {
            needed.add("quantise_time_s");
        }
        if (rows.stream().anyMatch(TrainingProfile.Split::forwardMeasured)) {
            needed.add("edge_forward_time_s");
        }
        for (String column : needed) {
            if (!measuredOn.containsKey(column)) {
                problems.add(f.node("measured_on"), "measured_on must say which machine " + column + " was measured on");
            }
        }
    }

    private List<TrainingProfile.Split> splits(int layers) {
        int before = problems.size();
        String text = TextFiles.read(csv, TextFiles.TRACE_MAX_BYTES, "splits table", problems);
        if (text == null) {
            return null;
        }
        List<String> lines = text.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            report(1, 0, "", "the file is empty: expected the header " + String.join(",", REQUIRED));
            return null;
        }
        List<String> columns = List.of(lines.get(header).strip().split(",", -1));
        if (!header(header + 1, columns)) {
            return null;
        }
        List<TrainingProfile.Split> rows = new ArrayList<>();
        int previous = Integer.MIN_VALUE;
        long params = -1;
        for (int i = header + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            TrainingProfile.Split row = row(i + 1, line, columns, layers);
            if (row == null) {
                continue;
            }
            if (row.split() <= previous) {
                report(i + 1, 1, "split", "splits must increase: " + row.split() + " after " + previous);
            } else if (row.edgeParamBytes() < params) {
                report(i + 1, 1, "edge_param_bytes", "edge_param_bytes must not decrease with the split: "
                        + row.edgeParamBytes() + " after " + params + " (the edge holds layers 0..split)");
            }
            previous = Math.max(previous, row.split());
            params = Math.max(params, row.edgeParamBytes());
            rows.add(row);
        }
        if (rows.isEmpty() && problems.size() == before) {
            report(lines.size() + 1, 0, "", "no rows: expected one row per split point");
        }
        if (reported > MAX_PROBLEMS) {
            problems.add(csv, 0, 0, "", (reported - MAX_PROBLEMS) + " more problems in this file not shown");
        }
        return problems.size() > before ? null : rows;
    }

    private boolean header(int line, List<String> columns) {
        int column = 1;
        boolean ok = true;
        for (String c : columns) {
            String name = c.strip();
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                report(line, column, name, "unknown column '" + name + "' (known: " + String.join(", ", REQUIRED)
                        + ", and optionally " + String.join(", ", OPTIONAL) + "; docs/training-profile-format.md)");
                ok = false;
            } else if (columns.stream().filter(x -> x.strip().equals(name)).count() > 1) {
                report(line, column, name, "column '" + name + "' appears twice");
                ok = false;
            }
            column += c.length() + 1;
        }
        for (String r : REQUIRED) {
            if (columns.stream().noneMatch(c -> c.strip().equals(r))) {
                report(line, 1, r, "missing column '" + r + "': the header needs " + String.join(",", REQUIRED));
                ok = false;
            }
        }
        return ok;
    }

    private TrainingProfile.Split row(int line, String text, List<String> columns, int layers) {
        String[] cells = text.split(",", -1);
        if (cells.length != columns.size()) {
            report(line, 1, "", "expected " + columns.size() + " cells (" + String.join(",", columns) + "), got "
                    + cells.length);
            return null;
        }
        Map<String, String> cell = new LinkedHashMap<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        int column = 1;
        for (int k = 0; k < cells.length; k++) {
            cell.put(columns.get(k).strip(), cells[k].strip());
            at.put(columns.get(k).strip(), column);
            column += cells[k].length() + 1;
        }
        int before = problems.size();
        Long split = integer(line, at, cell, "split", Long.MIN_VALUE);
        if (split != null && (split < TrainingProfile.CLOUD_ONLY || split > layers - 1)) {
            report(line, at.get("split"), "split", "split must be in -1.." + (layers - 1) + " (layers: " + layers
                    + "; -1 is cloud-only, " + (layers - 1) + " edge-only), got " + split);
        }
        Double edge = seconds(line, at, cell, "edge_time_s", false);
        Double cloud = seconds(line, at, cell, "cloud_time_s", false);
        Long feature = integer(line, at, cell, "feature_bytes", 0);
        Double quantise = seconds(line, at, cell, "quantise_time_s", true);
        Long params = integer(line, at, cell, "edge_param_bytes", 0);
        Double forward = cell.containsKey("edge_forward_time_s") ? seconds(line, at, cell, "edge_forward_time_s", true)
                : Double.valueOf(Double.NaN);
        if (problems.size() > before) {
            return null;
        }
        if (!Double.isNaN(forward) && forward > edge) {
            report(line, at.get("edge_forward_time_s"), "edge_forward_time_s", "edge_forward_time_s (" + forward
                    + ") is part of edge_time_s (" + edge + ") and cannot exceed it");
        }
        if (split == layers - 1 && (cloud != 0 || feature != 0)) {
            report(line, 1, "split", "split " + split + " is edge-only (layers: " + layers + "): its cloud_time_s and"
                    + " feature_bytes must be 0, got " + cloud + " and " + feature);
        }
        if (split == TrainingProfile.CLOUD_ONLY && params != 0) {
            report(line, at.get("edge_param_bytes"), "edge_param_bytes", "split -1 is cloud-only: the edge holds no"
                    + " layer, so edge_param_bytes must be 0, got " + params);
        }
        if (split >= 0 && split < layers - 1 && feature == 0) {
            report(line, at.get("feature_bytes"), "feature_bytes", "split " + split + " sends layer " + split
                    + "'s output: feature_bytes must be positive");
        }
        if (problems.size() > before) {
            return null;
        }
        return new TrainingProfile.Split(split.intValue(), edge, cloud, feature, quantise, params, forward);
    }

    private Long integer(int line, Map<String, Integer> at, Map<String, String> cell, String key, long min) {
        String s = cell.get(key);
        try {
            long v = Long.parseLong(s);
            if (v < min) {
                report(line, at.get(key), key, key + " must be >= " + min + ", got " + s);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            report(line, at.get(key), key, key + " must be a whole number" + (key.endsWith("bytes") ? " of bytes" : "")
                    + ", got '" + s + "'");
            return null;
        }
    }

    private Double seconds(int line, Map<String, Integer> at, Map<String, String> cell, String key, boolean mayBeEmpty) {
        String s = cell.get(key);
        if (s.isEmpty() && mayBeEmpty) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (v >= 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        report(line, at.get(key), key, key + " must be a number of seconds >= 0" + (mayBeEmpty ? " or empty" : "")
                + ", got '" + s + "'");
        return null;
    }

    private void report(int line, int column, String key, String reason) {
        if (++reported <= MAX_PROBLEMS) {
            problems.add(csv, line, column, key, reason);
        }
    }

    /** SHA-256 over both files as the inference profiles hash theirs: name, NUL, length, NUL, bytes. */
    /** The same hash as an inference profile's ({@link ProfileReader#sha256}): both files, by name. */
    private String sha256(Path yaml, Path splits) {
        java.util.SortedMap<String, Path> files = new java.util.TreeMap<>();
        files.put(splits.getFileName().toString(), splits);
        files.put(yaml.getFileName().toString(), yaml);
        return ProfileReader.sha256(files, problems);
    }
}
