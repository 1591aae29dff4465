package org.eesim.scenario;

import java.util.List;
import java.util.Map;

import org.eesim.units.Units;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;

/**
 * The {@code energy} section: each tier's power as a preset name or {@code {idle, busy}}, the
 * radio as a preset name or its powers; what is not given takes the defaults of
 * {@link Energy#defaults}. A tier the scenario lacks keeps no power (as a link between absent
 * tiers is left out), but what is written for it is still checked.
 */
final class EnergyReader {

    private final Problems problems;

    EnergyReader(Problems problems) {
        this.problems = problems;
    }

    /** The section, or null when absent or invalid (reported). */
    Energy read(YamlNode node, boolean edge, boolean cloud) {
        if (node == null) {
            return null;
        }
        int before = problems.size();
        Fields f = Fields.of(node, problems, "device", "edge", "cloud", "radio");
        Energy d = Energy.defaults(true, true);
        Energy.TierPower device = power(f, "device", Energy.DEVICE_PRESETS, d.device());
        Energy.TierPower e = power(f, "edge", Map.of(), d.edge());
        Energy.TierPower c = power(f, "cloud", Map.of(), d.cloud());
        Energy.Radio radio = radio(f, d.radio());
        if (problems.size() > before || f.mapping() == null) {
            return null;
        }
        return new Energy(device, edge ? e : null, cloud ? c : null, radio);
    }

    /**
     * A training scenario's section: {@code edge} (the device that trains, with the radio; a
     * preset such as {@code jetson-nano} or {@code {idle, busy}}), {@code cloud} and {@code radio},
     * as an {@link Energy} whose device is that edge; null when absent or invalid (reported).
     */
    Energy readTraining(YamlNode node) {
        if (node == null) {
            return null;
        }
        int before = problems.size();
        Fields f = Fields.of(node, problems, "edge", "cloud", "radio");
        Energy d = Energy.defaults(false, true);
        Energy.TierPower edge = power(f, "edge", Energy.DEVICE_PRESETS, d.device());
        Energy.TierPower c = power(f, "cloud", Map.of(), d.cloud());
        Energy.Radio radio = radio(f, d.radio());
        if (problems.size() > before || f.mapping() == null) {
            return null;
        }
        return new Energy(edge, null, c, radio);
    }

    private Energy.TierPower power(Fields f, String key, Map<String, Energy.TierPower> presets,
                                   Energy.TierPower absent) {
        YamlNode n = f.node(key);
        if (n == null) {
            return absent;
        }
        if (n instanceof YamlNode.Scalar && !presets.isEmpty()) {
            String name = Values.choice(n, List.copyOf(presets.keySet()), key + " preset", problems);
            return name == null ? null : presets.get(name);
        }
        if (!(n instanceof YamlNode.Mapping)) {
            problems.add(n, "expected " + (presets.isEmpty() ? "" : "a preset (" + String.join(", ", presets.keySet())
                    + ") or ") + "{idle: <power>, busy: <power>}, got " + n.describe());
            return null;
        }
        Fields p = Fields.of(n, problems, "idle", "busy");
        Double idle = nonNegative(p, "idle", null);
        Double busy = nonNegative(p, "busy", null);
        if (idle == null || busy == null) {
            return null;
        }
        if (busy < idle) {
            problems.add(p.node("busy"), "busy (" + Units.format(busy, Units.Kind.POWER) + ") must be at least idle ("
                    + Units.format(idle, Units.Kind.POWER) + "): busy is the whole draw with every core computing,"
                    + " idle the draw with none");
            return null;
        }
        return new Energy.TierPower(idle, busy);
    }

    private Energy.Radio radio(Fields f, Energy.Radio absent) {
        YamlNode n = f.node("radio");
        if (n == null) {
            return absent;
        }
        if (n instanceof YamlNode.Scalar) {
            String name = Values.choice(n, List.copyOf(Energy.RADIO_PRESETS.keySet()), "radio preset", problems);
            return name == null ? null : Energy.RADIO_PRESETS.get(name);
        }
        int before = problems.size();
        Fields r = Fields.of(n, problems, "send", "send_per_mbit", "receive", "receive_per_mbit", "tail_time",
                "tail_power");
        if (r.mapping() == null) {
            return null;
        }
        Double send = nonNegative(r, "send", null);
        Double sendPerMbit = energy(r, "send_per_mbit");
        Double receive = nonNegative(r, "receive", 0.0);
        Double receivePerMbit = energy(r, "receive_per_mbit");
        Double tailTime = r.quantity("tail_time", Units.Kind.TIME, 0.0);
        if (tailTime != null && tailTime < 0) {
            problems.add(r.node("tail_time"), "tail_time must be >= 0, got " + r.node("tail_time").describe());
        }
        Double tailPower = nonNegative(r, "tail_power", 0.0);
        if (r.has("tail_power") != r.has("tail_time")) {
            r.problem("give tail_time and tail_power together (or neither: no tail)");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Energy.Radio(send, sendPerMbit, receive, receivePerMbit, tailTime, tailPower);
    }

    /** A power >= 0 under {@code key}; required when {@code absent} is null. */
    private Double nonNegative(Fields f, String key, Double absent) {
        Double v = absent == null ? f.quantity(key, Units.Kind.POWER) : f.quantity(key, Units.Kind.POWER, absent);
        if (v != null && v < 0) {
            problems.add(f.node(key), key + " must be >= 0, got " + f.node(key).describe());
            return null;
        }
        return v;
    }

    /** An energy per megabit >= 0 under {@code key}, 0 when absent. */
    private Double energy(Fields f, String key) {
        Double v = f.quantity(key, Units.Kind.ENERGY, 0.0);
        if (v != null && v < 0) {
            problems.add(f.node(key), key + " must be >= 0, got " + f.node(key).describe());
            return null;
        }
        return v;
    }
}
