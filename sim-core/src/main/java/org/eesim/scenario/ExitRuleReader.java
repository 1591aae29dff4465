package org.eesim.scenario;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Profile;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.Suggest;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;

/**
 * The {@code early_exit} section, checked against the profile's branches and, for conditions
 * given as rate tables, against what such a table can express: one rule, tabulated thresholds,
 * the same threshold at every branch, every branch enabled.
 */
final class ExitRuleReader {

    static final List<String> RULES = List.of("max_softmax", "entropy");
    static final String ALL = "all";

    private final Problems problems;
    private final Profile profile;

    ExitRuleReader(Problems problems, Profile profile) {
        this.problems = problems;
        this.profile = profile;
    }

    /** {@code conditions}: the mix's and the expert variants requests can be switched to. */
    ExitRule read(YamlNode node, Set<String> conditions) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "rule", "threshold", "thresholds", "disabled");
        String rule = f.choice("rule", RULES, "rule", "max_softmax");
        Double threshold = f.probability("threshold", "threshold");
        Map<String, Double> perExit = perExit(f.mapping("thresholds"));
        Set<String> disabled = disabled(f.node("disabled"));
        if (problems.size() > before || f.mapping() == null) {
            return null;
        }
        ExitRule.Kind kind = ExitRule.Kind.valueOf(rule.toUpperCase(Locale.ROOT));
        if (profile != null) {
            for (String name : conditions) {
                if (profile.conditions().get(name) instanceof Condition.Rates rates) {
                    checkRates(f, rates, kind, threshold, perExit, disabled);
                }
            }
        }
        return problems.size() > before ? null : new ExitRule(kind, threshold, perExit, disabled);
    }

    private Map<String, Double> perExit(YamlNode.Mapping m) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (m == null) {
            return out;
        }
        m.entries().forEach((name, value) -> {
            if (knownBranch(value, name, "has no threshold")) {
                Double t = Values.probability(value, "threshold", problems);
                if (t != null) {
                    out.put(name, t);
                }
            }
        });
        return out;
    }

    private Set<String> disabled(YamlNode node) {
        Set<String> out = new LinkedHashSet<>();
        if (node == null) {
            return out;
        }
        if (node instanceof YamlNode.Scalar s && ALL.equals(s.text())) {
            if (profile != null) {
                profile.branches().forEach(b -> out.add(b.name()));
            }
            return out;
        }
        if (!(node instanceof YamlNode.Sequence list)) {
            problems.add(node, "expected a list of branch names or '" + ALL + "', got " + node.describe());
            return out;
        }
        for (YamlNode item : list.items()) {
            String name = Values.string(item, problems);
            if (name != null && knownBranch(item, name, "cannot be disabled") && !out.add(name)) {
                problems.add(item, "branch '" + name + "' is listed twice");
            }
        }
        return out;
    }

    /** Whether {@code name} is a side branch of the profile; reports it when not. */
    private boolean knownBranch(YamlNode at, String name, String finalExitCannot) {
        if (Profile.FINAL_EXIT.equals(name)) {
            report(at, "'final' is the last exit: it always answers, so it " + finalExitCannot);
            return false;
        }
        if (profile == null) {
            return true;
        }
        List<String> names = profile.branches().stream().map(Branch::name).toList();
        if (!names.contains(name)) {
            report(at, "unknown exit '" + name + "'" + Suggest.hint(name, names) + " (the profile's branches: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
            return false;
        }
        return true;
    }

    /** Map keys are reported at the key; list items where they stand. */
    private void report(YamlNode at, String reason) {
        if (at.path().endsWith("]")) {
            problems.add(at, reason);
        } else {
            problems.addAtKey(at, reason);
        }
    }

    private void checkRates(Fields f, Condition.Rates rates, ExitRule.Kind kind, double threshold,
                            Map<String, Double> perExit, Set<String> disabled) {
        String table = "condition '" + rates.name() + "' is a rate table";
        if (rates.rule() != kind) {
            YamlNode at = f.has("rule") ? f.node("rule") : f.mapping();
            problems.add(at.file(), at.keyAt().line(), at.keyAt().column(), f.path("rule"), table + " for rule "
                    + rates.rule().name().toLowerCase(Locale.ROOT) + ", but the rule is "
                    + kind.name().toLowerCase(Locale.ROOT));
        }
        if (rates.row(threshold) == null) {
            problems.add(f.node("threshold"), "threshold " + Values.s(threshold) + " is not tabulated: " + table
                    + " with thresholds " + rates.rows().stream().map(r -> Values.s(r.threshold()))
                    .collect(Collectors.joining(", ")));
        }
        // with every branch disabled each request reaches the final exit: exact, accuracy unknown;
        // with some, the later branches' exit probabilities (given the earlier ones passed) change
        if (!disabled.isEmpty() && disabled.size() < rates.exitCount() - 1) {
            problems.add(f.node("disabled"), table + ", which cannot express some branches disabled (its exit"
                    + " probabilities hold with every earlier branch enabled); it can express all of them disabled"
                    + " (disabled: all; the accuracy is then unknown)");
        }
        perExit.forEach((branch, t) -> {
            if (t != threshold) {
                problems.add(f.mapping("thresholds").entries().get(branch), table + ", which cannot express a"
                        + " per-branch threshold (" + branch + ": " + Values.s(t) + " differs from threshold "
                        + Values.s(threshold) + ")");
            }
        });
    }
}
