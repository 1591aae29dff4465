package org.eesim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eesim.profile.Profile;
import org.eesim.units.Units;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.Suggest;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;

/** The {@code workload} section: arrival process, input-condition mix and deadline. */
final class WorkloadReader {

    static final List<String> ARRIVALS = List.of("poisson", "deterministic", "closed");
    static final List<String> THINK = List.of("exponential", "constant");
    static final String DEFAULT_CONDITION = "pristine";

    private final Problems problems;
    private final Profile profile;
    /** Conditions named by the mix that the profile has, for the exit rule's rate-table checks. */
    private final Set<String> mixNames = new TreeSet<>();

    WorkloadReader(Problems problems, Profile profile) {
        this.problems = problems;
        this.profile = profile;
    }

    Set<String> mixNames() {
        return mixNames;
    }

    Workload read(YamlNode node) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "arrival", "mix", "deadline");
        Arrival arrival = arrival(f.required("arrival"));
        Map<String, Double> mix = mix(f);
        Double deadline = f.quantity("deadline", Units.Kind.TIME, null);
        if (deadline != null && !(deadline > 0)) {
            problems.add(f.node("deadline"), "deadline must be positive, got " + f.node("deadline").describe());
        }
        if (problems.size() > before || f.mapping() == null) {
            return null;
        }
        return new Workload(arrival, mix, deadline);
    }

    private Arrival arrival(YamlNode node) {
        if (node == null) {
            return null;
        }
        YamlNode.Mapping m = Values.mapping(node, problems);
        if (m == null) {
            return null;
        }
        YamlNode typeNode = m.entries().get("type");
        String type = typeNode == null ? null : Values.choice(typeNode, ARRIVALS, "arrival type", problems);
        String[] keys = switch (type == null ? "" : type) {
            case "poisson" -> new String[] {"type", "rate"};
            case "deterministic" -> new String[] {"type", "interval"};
            case "closed" -> new String[] {"type", "users", "think", "think_distribution"};
            // Type unknown: accept every arrival key rather than pile on misleading complaints.
            default -> new String[] {"type", "rate", "interval", "users", "think", "think_distribution"};
        };
        int before = problems.size();
        Fields f = Fields.of(node, problems, keys);
        if (typeNode == null) {
            f.missing("type", "missing required key 'type' (one of: " + String.join(", ", ARRIVALS) + ")");
        }
        if (type == null) {
            return null;
        }
        Arrival a = switch (type) {
            case "poisson" -> {
                Double rate = positive(f, "rate", Units.Kind.RATE);
                yield rate == null ? null : new Arrival.Poisson(rate);
            }
            case "deterministic" -> {
                Double interval = positive(f, "interval", Units.Kind.TIME);
                yield interval == null ? null : new Arrival.Deterministic(interval);
            }
            default -> closed(f);
        };
        return problems.size() > before ? null : a;
    }

    private Arrival closed(Fields f) {
        Integer users = f.integer("users", 1);
        if (users != null && users < 1) {
            problems.add(f.node("users"), "users must be at least 1, got " + users);
            return null;
        }
        Double think = f.quantity("think", Units.Kind.TIME);
        if (think != null && think < 0) {
            problems.add(f.node("think"), "think must be >= 0, got " + f.node("think").describe());
            return null;
        }
        String distribution = f.choice("think_distribution", THINK, "think distribution", "exponential");
        if (users == null || think == null || distribution == null) {
            return null;
        }
        return new Arrival.Closed(users, think, distribution.equals("exponential"));
    }

    private Double positive(Fields f, String key, Units.Kind kind) {
        Double v = f.quantity(key, kind);
        if (v != null && !(v > 0)) {
            problems.add(f.node(key), key + " must be positive, got " + f.node(key).describe());
            return null;
        }
        return v;
    }

    /**
     * Condition name to probability. Weights already summing to 1 (within 1e-12) are kept as
     * written, so that a written-out scenario reads back to exactly the same numbers.
     */
    private Map<String, Double> mix(Fields f) {
        Map<String, Double> weights = new LinkedHashMap<>();
        YamlNode node = f.node("mix");
        if (node == null) {
            if (profile != null && !profile.conditions().containsKey(DEFAULT_CONDITION)) {
                f.missing("mix", "no mix given, and the profile has no condition '" + DEFAULT_CONDITION
                        + "' to default to (it has: " + conditionList() + ")");
            }
            mixNames.add(DEFAULT_CONDITION);
            return Map.of(DEFAULT_CONDITION, 1.0);
        }
        YamlNode.Mapping m = Values.mapping(node, problems);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        double sum = 0;
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            String name = e.getKey();
            if (profile != null && !profile.conditions().containsKey(name)) {
                problems.addAtKey(e.getValue(), "unknown condition '" + name + "'"
                        + Suggest.hint(name, profile.conditions().keySet()) + " (the profile has: " + conditionList() + ")");
            } else {
                mixNames.add(name);
            }
            Double w = Values.number(e.getValue(), problems);
            if (w != null && w < 0) {
                problems.add(e.getValue(), "weight must be >= 0, got " + Values.s(w));
            } else if (w != null) {
                weights.put(name, w);
                sum += w;
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (!(sum > 0)) {
            problems.add(node, "the weights sum to 0: at least one must be positive");
            return null;
        }
        if (Math.abs(sum - 1) > 1e-12) {
            double total = sum;
            weights.replaceAll((k, w) -> w / total);
        }
        return weights;
    }

    private String conditionList() {
        return String.join(", ", new TreeSet<>(profile.conditions().keySet()));
    }
}
