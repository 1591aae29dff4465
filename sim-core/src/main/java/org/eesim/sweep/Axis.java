package org.eesim.sweep;

import java.util.List;

import org.eesim.yaml.YamlNode;

/**
 * One swept key and its values.
 *
 * @param key    the scenario key path the values replace, e.g. {@code links.uplink.bandwidth}
 * @param entry  the sweep entry that declared it (its location is where problems point)
 * @param values the values, each a YAML node located where it was written (or, for generated
 *               range values, at the range), in the order the points take them
 */
public record Axis(String key, YamlNode entry, List<YamlNode> values) {
    public Axis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an axis needs at least one value");
        }
    }
}
