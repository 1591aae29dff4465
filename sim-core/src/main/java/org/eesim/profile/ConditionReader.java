package org.eesim.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

import org.eesim.scenario.ExitRule;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.Suggest;
import org.eesim.yaml.TextFiles;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;

/** The {@code conditions} mapping of a profile: trace conditions (CSV files) and rate tables. */
final class ConditionReader {

    static final List<String> RULES = List.of("max_softmax", "entropy");

    private final Path dir;
    private final Problems problems;
    /** Exit names in network order, the last being final; {@code null} when the branches are unsound. */
    private final List<String> exits;
    private final SortedMap<String, Path> hashed;

    ConditionReader(Path dir, Problems problems, List<String> exits, SortedMap<String, Path> hashed) {
        this.dir = dir;
        this.problems = problems;
        this.exits = exits;
        this.hashed = hashed;
    }

    Map<String, Condition> readAll(YamlNode node) {
        Map<String, Condition> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        YamlNode.Mapping m = Values.mapping(node, problems);
        if (m == null) {
            return out;
        }
        if (m.entries().isEmpty()) {
            problems.add(node, "a profile needs at least one condition");
        }
        m.entries().forEach((name, value) -> {
            Condition c = read(name, value);
            if (c != null) {
                out.put(name, c);
            }
        });
        return out;
    }

    private Condition read(String name, YamlNode node) {
        Fields f = Fields.of(node, problems, "parameters", "trace", "rule", "rates");
        if (f.mapping() == null) {
            return null;
        }
        Map<String, String> parameters = ProfileReader.stringMap(f.node("parameters"), problems);
        if (f.has("trace") && f.has("rates")) {
            problems.add(f.node("rates"), "give either trace (per-sample data) or rates (a rate table), not both");
            return null;
        }
        if (f.has("trace")) {
            if (f.has("rule")) {
                problems.add(f.node("rule"), "rule belongs to a rate table: a trace holds both confidence and entropy");
            }
            return trace(name, parameters, f.node("trace"));
        }
        if (f.has("rates")) {
            return rates(name, parameters, f);
        }
        f.missing("trace", "condition '" + name + "' needs trace: <csv file> or rates: [...]");
        return null;
    }

    private Condition trace(String name, Map<String, String> parameters, YamlNode node) {
        String relative = Values.string(node, problems);
        if (relative == null) {
            return null;
        }
        Path base = dir.toAbsolutePath().normalize();
        Path absolute = TextFiles.resolve(base, relative, node, problems);
        if (absolute == null) {
            return null;
        }
        if (!absolute.startsWith(base)) {
            // Keeps a profile self-contained, so that its hash covers everything it uses.
            problems.add(node, "trace must be inside the profile folder, got '" + relative + "'");
            return null;
        }
        Path file = dir.resolve(relative).normalize();
        if (!Files.isRegularFile(absolute)) {
            problems.add(node, "trace file not found: " + file);
            return null;
        }
        hashed.put(base.relativize(absolute).toString().replace('\\', '/'), absolute);
        return exits == null ? null : TraceCsv.read(file, name, parameters, exits, problems);
    }

    private Condition rates(String name, Map<String, String> parameters, Fields f) {
        int before = problems.size();
        String rule = f.choice("rule", RULES, "rule", "max_softmax");
        YamlNode.Sequence list = f.sequence("rates");
        if (list == null || exits == null) {
            return null;
        }
        if (list.items().isEmpty()) {
            problems.add(list, "the rate table is empty");
        }
        List<Condition.RateRow> rows = new ArrayList<>();
        List<Double> thresholds = new ArrayList<>();
        for (YamlNode item : list.items()) {
            Fields row = Fields.of(item, problems, "threshold", "exit_probability", "accuracy");
            Double threshold = row.probability("threshold", "threshold");
            if (threshold != null && thresholds.contains(threshold)) {
                problems.add(row.node("threshold"), "threshold " + Values.s(threshold) + " is tabulated twice");
            }
            thresholds.add(threshold);
            double[] exitProbability = perExit(row, "exit_probability", exits.subList(0, exits.size() - 1),
                    "exit probability", false);
            double[] accuracy = perExit(row, "accuracy", exits, "accuracy", true);
            if (problems.size() == before) {
                rows.add(new Condition.RateRow(threshold, exitProbability, accuracy));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        ExitRule.Kind kind = ExitRule.Kind.valueOf(rule.toUpperCase(Locale.ROOT));
        return new Condition.Rates(name, parameters, kind, exits.size(), rows);
    }

    /**
     * A mapping from every name in {@code names} to a probability, in the order of {@code names};
     * with {@code unknownAllowed}, {@code .nan} stands for a value the source did not publish.
     */
    private double[] perExit(Fields row, String key, List<String> names, String what, boolean unknownAllowed) {
        YamlNode node = row.required(key);
        YamlNode.Mapping m = node == null ? null : Values.mapping(node, problems);
        if (m == null) {
            return null;
        }
        double[] out = new double[names.size()];
        m.entries().forEach((exit, value) -> {
            int i = names.indexOf(exit);
            if (i >= 0) {
                Double p = unknownAllowed ? Values.probabilityOrUnknown(value, what, problems)
                        : Values.probability(value, what, problems);
                out[i] = p == null ? 0 : p;
            } else if (exit.equals(Profile.FINAL_EXIT)) {
                problems.addAtKey(value, "the final exit always answers: it has no " + what);
            } else {
                problems.addAtKey(value, "unknown exit '" + exit + "'" + Suggest.hint(exit, names)
                        + " (expected: " + String.join(", ", names) + ")");
            }
        });
        List<String> missing = names.stream().filter(n -> !m.entries().containsKey(n)).toList();
        if (!missing.isEmpty()) {
            problems.add(m.file(), m.keyAt().line(), m.keyAt().column(), m.path(), "wrong number of exits: "
                    + m.entries().size() + " given, " + names.size() + " expected; missing: "
                    + String.join(", ", missing));
        }
        return out;
    }
}
