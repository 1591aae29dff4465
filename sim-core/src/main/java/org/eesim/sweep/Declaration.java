package org.eesim.sweep;

import java.util.List;

import org.eesim.yaml.YamlNode;

/**
 * A scenario's {@code sweep} section, read and checked.
 *
 * @param combine how axes combine: every combination (grid) or value by value (zip)
 * @param seeds   {@link Seeds#PER_POINT}: each point's streams come from the scenario seed and the
 *                point's own key=value assignment; {@link Seeds#COMMON}: every point uses the
 *                scenario's seeds (common random numbers, for comparing points on the same
 *                requests)
 * @param axes    the swept keys, in the order written
 * @param node    the section, for locating problems about it as a whole
 * @param baseline {@code baseline}: swept key to the value (as written) of the point the others are
 *                compared with, paired replication by replication (common seeds only); null
 *                when not given (the first point then)
 */
public record Declaration(Combine combine, Seeds seeds, List<Axis> axes, YamlNode node, YamlNode.Mapping baseline) {

    public enum Combine { GRID, ZIP }

    public enum Seeds { PER_POINT, COMMON }

    public Declaration {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one axis");
        }
    }
}
