package org.eesim.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eesim.profile.Condition;
import org.eesim.profile.Profile;
import org.eesim.units.Units;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;

/**
 * The {@code policy} section, checked against the tiers, links and profile: a policy may only
 * place layers on tiers that exist and cross links that are described; the fixed policy needs
 * {@code placement} and no other policy takes one.
 */
final class PolicyReader {

    static final List<String> KINDS = Arrays.stream(PolicyConfig.Kind.values()).map(PolicyConfig.Kind::key).toList();
    static final List<String> INDEXING = List.of("stated", "published");
    static final List<String> OBJECTIVES = List.of("latency", "energy");

    private final Problems problems;

    PolicyReader(Problems problems) {
        this.problems = problems;
    }

    /** The policy; {@code null} (reported) when invalid. */
    PolicyConfig read(Fields scenario, boolean edge, boolean cloud, Links links, Profile profile, Map<String, Double> mix) {
        YamlNode node = scenario.node("policy");
        int before = problems.size();
        Fields f = Fields.of(node, problems, "type", "thresholds", "latency_requirement", "indexing", "monitor",
                "expert", "adaptation", "minimise");
        String type = node == null ? "fixed" : f.choice("type", KINDS, "policy", "fixed");
        if (type == null) {
            return null;
        }
        PolicyConfig.Kind kind = PolicyConfig.Kind.valueOf(type.toUpperCase(Locale.ROOT));
        PolicyConfig.Expert expert = f.has("expert") ? new ExpertReader(problems).read(f.node("expert"), profile, mix)
                : null;
        // Thresholds must be tabulated wherever a request can take its exit data from.
        Set<String> reached = mix == null ? null : ExpertReader.reachable(profile, mix.keySet(), expert);
        List<Double> thresholds = new ArrayList<>();
        List<Map<String, Double>> perBranch = new ArrayList<>();
        if (onlyFor(f, "thresholds", kind, PolicyConfig.Kind.POPEX)) {
            popexThresholds(f.sequence("thresholds"), thresholds, perBranch, profile, reached);
        }
        Double latency = onlyFor(f, "latency_requirement", kind, PolicyConfig.Kind.POPEX)
                ? f.quantity("latency_requirement", Units.Kind.TIME, null) : null;
        if (latency != null && !(latency > 0)) {
            problems.add(f.node("latency_requirement"), "latency requirement must be positive, got "
                    + f.node("latency_requirement").describe());
        }
        boolean published = onlyFor(f, "indexing", kind, PolicyConfig.Kind.TINYML)
                && "published".equals(f.choice("indexing", INDEXING, "indexing", "stated"));
        boolean energy = onlyFor(f, "minimise", kind, PolicyConfig.Kind.NEUROSURGEON)
                && "energy".equals(f.choice("minimise", OBJECTIVES, "objective", "latency"));
        if (energy && !scenario.has("energy")) {
            problems.addAtKey(f.node("minimise"), "minimise: energy needs the scenario's energy section, which says"
                    + " what the device and its radio draw (energy: {} takes the defaults)");
        }
        PolicyConfig.Monitor monitor = f.has("monitor") ? monitor(f, kind, links) : null;
        PolicyConfig.Adaptation adaptation = f.has("adaptation") ? adaptation(f.node("adaptation"), profile, reached)
                : null;
        checkPlacement(scenario, f, kind);
        checkTiers(f, kind, edge, cloud, links);
        if (problems.size() > before) {
            return null;
        }
        return new PolicyConfig(kind, thresholds, latency, published, monitor, expert, adaptation, perBranch, energy);
    }

    private boolean onlyFor(Fields f, String key, PolicyConfig.Kind kind, PolicyConfig.Kind owner) {
        if (!f.has(key)) {
            return false;
        }
        if (kind != owner) {
            problems.addAtKey(f.node(key), key + " is a setting of policy " + owner.key() + ", not of " + kind.key());
            return false;
        }
        return true;
    }

    private PolicyConfig.Adaptation adaptation(YamlNode node, Profile profile, Set<String> reached) {
        int before = problems.size();
        Fields a = Fields.of(node, problems, "target", "thresholds", "batch");
        Double target = a.quantity("target", Units.Kind.TIME);
        if (target != null && !(target > 0)) {
            problems.add(a.node("target"), "target must be positive, got " + a.node("target").describe());
        }
        YamlNode.Sequence stepList = a.required("thresholds") == null ? null : a.sequence("thresholds");
        List<Double> steps = thresholdList(stepList == null ? List.of() : stepList.items(), profile, reached);
        for (int i = 1; i < steps.size(); i++) {
            if (!(steps.get(i) > steps.get(i - 1))) {
                problems.add(a.node("thresholds"), "thresholds must increase, got " + Values.s(steps.get(i))
                        + " after " + Values.s(steps.get(i - 1)));
            }
        }
        if (stepList != null && steps.size() < 2 && problems.size() == before) {
            problems.add(stepList, "adaptation needs at least two thresholds to move between, got " + steps.size());
        }
        Integer batch = a.integer("batch", 100);
        if (batch != null && batch < 1) {
            problems.add(a.node("batch"), "batch must be at least 1, got " + batch);
        }
        return problems.size() > before || a.mapping() == null ? null
                : new PolicyConfig.Adaptation(target, steps, batch);
    }

    /**
     * POPEX's configurations: a number is one threshold for every branch; a mapping names a
     * threshold per branch, which only trace conditions can apply.
     */
    private void popexThresholds(YamlNode.Sequence seq, List<Double> uniform, List<Map<String, Double>> perBranch,
                                 Profile profile, Set<String> reached) {
        if (seq == null) {
            return;
        }
        List<YamlNode> numbers = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping m)) {
                numbers.add(item);
                continue;
            }
            Map<String, Double> config = new java.util.LinkedHashMap<>();
            List<String> names = profile == null ? List.of()
                    : profile.branches().stream().map(org.eesim.profile.Branch::name).toList();
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                if (profile != null && !names.contains(e.getKey())) {
                    problems.addAtKey(e.getValue(), "unknown branch '" + e.getKey() + "'"
                            + org.eesim.yaml.Suggest.hint(e.getKey(), names) + " (the profile's branches: "
                            + String.join(", ", names) + ")");
                }
                Double t = Values.probability(e.getValue(), "threshold", problems);
                if (t != null) {
                    config.put(e.getKey(), t);
                }
            }
            for (String c : reached == null ? Set.<String>of() : reached) {
                if (profile != null && profile.conditions().get(c) instanceof Condition.Rates) {
                    problems.add(item, "condition '" + c + "' is a rate table, which cannot express a threshold per"
                            + " branch (give one threshold for all branches)");
                }
            }
            perBranch.add(config);
        }
        uniform.addAll(thresholdList(numbers, profile, reached));
        if (seq.items().isEmpty()) {
            problems.add(seq, "thresholds must list at least one threshold");
        }
    }

    /** Thresholds of a list, each tabulated in every rate-table condition a request can reach. */
    private List<Double> thresholdList(List<YamlNode> items, Profile profile, Set<String> reached) {
        List<Double> out = new ArrayList<>();
        for (YamlNode item : items) {
            Double t = Values.probability(item, "threshold", problems);
            if (t == null) {
                continue;
            }
            out.add(t);
            if (profile == null || reached == null) {
                continue;
            }
            for (String c : reached) {
                if (profile.conditions().get(c) instanceof Condition.Rates rates && rates.row(t) == null) {
                    problems.add(item, "threshold " + Values.s(t) + " is not tabulated: condition '" + c
                            + "' is a rate table with thresholds " + rates.rows().stream()
                            .map(r -> Values.s(r.threshold())).collect(Collectors.joining(", ")));
                }
            }
        }
        return out;
    }

    private PolicyConfig.Monitor monitor(Fields f, PolicyConfig.Kind kind, Links links) {
        if (!kind.usesUplink()) {
            problems.addAtKey(f.node("monitor"), "policy " + kind.key() + " does not use the uplink estimate, so a"
                    + " monitor has nothing to feed (it feeds popex, tinyml and neurosurgeon)");
            return null;
        }
        int before = problems.size();
        Fields m = Fields.of(f.node("monitor"), problems, "period", "samples", "error", "lag");
        Double period = m.quantity("period", Units.Kind.TIME);
        if (period != null && !(period > 0)) {
            problems.add(m.node("period"), "period must be positive, got " + m.node("period").describe());
        }
        Integer samples = m.integer("samples", 5);
        if (samples != null && samples < 1) {
            problems.add(m.node("samples"), "samples must be at least 1, got " + samples);
        }
        Double error = m.number("error", 0.0);
        if (error != null && !(error >= 0 && error < 1)) {
            problems.add(m.node("error"), "error is a relative standard deviation in [0, 1), got " + Values.s(error));
        }
        Double lag = m.quantity("lag", Units.Kind.TIME, 0.0);
        if (lag != null && lag < 0) {
            problems.add(m.node("lag"), "lag must be >= 0, got " + m.node("lag").describe());
        }
        if (links != null && links.uplink() == null) {
            problems.addAtKey(f.node("monitor"), "a monitor probes the uplink, but there is none (add links.uplink)");
        }
        return problems.size() > before || m.mapping() == null ? null
                : new PolicyConfig.Monitor(period, samples, error, lag);
    }

    private void checkPlacement(Fields scenario, Fields f, PolicyConfig.Kind kind) {
        if (kind == PolicyConfig.Kind.FIXED && !scenario.has("placement")) {
            scenario.required("placement"); // reports it missing
        } else if (kind != PolicyConfig.Kind.FIXED && scenario.has("placement")) {
            problems.addAtKey(scenario.node("placement"), "placement is used only by the fixed policy; policy "
                    + kind.key() + " decides the cuts itself (remove placement, or set policy.type: fixed)");
        }
    }

    private void checkTiers(Fields f, PolicyConfig.Kind kind, boolean edge, boolean cloud, Links links) {
        YamlNode at = f.node("type");
        switch (kind) {
            case EDGE_ONLY:
                need(at, edge, kind, "an edge tier (tiers.edge)");
                break;
            case CLOUD_ONLY:
                need(at, cloud, kind, "a cloud tier (tiers.cloud)");
                break;
            case POPEX:
            case TINYML:
            case NEUROSURGEON:
                need(at, edge || cloud, kind, "an edge or cloud tier to offload to");
                break;
            default:
                return;
        }
        if (links == null) {
            return; // invalid links are reported already
        }
        need(at, !(edge || cloud) || links.uplink() != null, kind, "the uplink (links.uplink)");
        boolean crossesWan = kind == PolicyConfig.Kind.CLOUD_ONLY || kind == PolicyConfig.Kind.POPEX;
        need(at, !(crossesWan && edge && cloud) || links.wan() != null, kind, "the wan (links.wan)");
    }

    private void need(YamlNode at, boolean ok, PolicyConfig.Kind kind, String what) {
        if (!ok && at != null) {
            problems.add(at, "policy " + kind.key() + " needs " + what);
        }
    }
}
