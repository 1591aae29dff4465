package org.eesim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.eesim.yaml.YamlNode;

/**
 * Edits of the located YAML tree: a point is the scenario's tree with each swept key's node
 * replaced by the point's value. The value keeps the location where the sweep wrote it, so a
 * problem with it points at the sweep entry, and takes the key path it replaces, so the
 * message names the scenario key.
 */
final class Tree {

    private Tree() {
    }

    /**
     * {@code root} with the value at dotted {@code key} set to {@code value}; missing mappings on
     * the way are made. The value and made mappings are keyed at {@code keyAt} (where the sweep
     * names the key), so a problem with the key itself is located there, once for all points.
     * Returns null when a step on the way is not a mapping.
     */
    static YamlNode.Mapping set(YamlNode.Mapping root, String key, YamlNode value, YamlNode.Mark keyAt) {
        return set(root, key.split("\\."), 0, value, keyAt);
    }

    private static YamlNode.Mapping set(YamlNode.Mapping m, String[] steps, int i, YamlNode value,
                                        YamlNode.Mark keyAt) {
        String path = YamlNode.child(m.path(), steps[i]);
        Map<String, YamlNode> entries = new LinkedHashMap<>(m.entries());
        YamlNode child;
        if (i == steps.length - 1) {
            child = relocate(value, path, value.at(), keyAt);
        } else {
            YamlNode old = entries.get(steps[i]);
            YamlNode.Mapping inner;
            if (old == null) {
                inner = new YamlNode.Mapping(value.file(), path, keyAt, keyAt, Map.of());
            } else if (old instanceof YamlNode.Mapping om) {
                inner = om;
            } else {
                return null;
            }
            child = set(inner, steps, i + 1, value, keyAt);
            if (child == null) {
                return null;
            }
        }
        entries.put(steps[i], child);
        return new YamlNode.Mapping(m.file(), m.path(), m.at(), m.keyAt(), entries);
    }

    /** A copy of {@code node} and its children under key path {@code path}, at the given marks. */
    static YamlNode relocate(YamlNode node, String path, YamlNode.Mark at, YamlNode.Mark keyAt) {
        if (node instanceof YamlNode.Scalar s) {
            return new YamlNode.Scalar(s.file(), path, at, keyAt, s.type(), s.text(), s.value());
        }
        if (node instanceof YamlNode.Mapping m) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> entries.put(k, relocate(v, YamlNode.child(path, k), v.at(), v.keyAt())));
            return new YamlNode.Mapping(m.file(), path, at, keyAt, entries);
        }
        YamlNode.Sequence l = (YamlNode.Sequence) node;
        List<YamlNode> items = new ArrayList<>();
        for (YamlNode v : l.items()) {
            items.add(relocate(v, YamlNode.item(path, items.size()), v.at(), v.keyAt()));
        }
        return new YamlNode.Sequence(l.file(), path, at, keyAt, items);
    }

    /** The value as a person would write it in flow style: {@code 5 Mbps}, {@code {pristine: 1}}. */
    static String text(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            return s.type() == YamlNode.ScalarType.NULL ? "null" : s.text();
        }
        StringJoiner j;
        if (node instanceof YamlNode.Mapping m) {
            j = new StringJoiner(", ", "{", "}");
            m.entries().forEach((k, v) -> j.add(k + ": " + text(v)));
        } else {
            j = new StringJoiner(", ", "[", "]");
            ((YamlNode.Sequence) node).items().forEach(v -> j.add(text(v)));
        }
        return j.toString();
    }

    /** The root without its {@code sweep} entry (what a point's resolved scenario is read from). */
    static YamlNode.Mapping withoutSweep(YamlNode.Mapping root) {
        Map<String, YamlNode> entries = new LinkedHashMap<>(root.entries());
        entries.remove("sweep");
        return new YamlNode.Mapping(root.file(), root.path(), root.at(), root.keyAt(), entries);
    }
}
