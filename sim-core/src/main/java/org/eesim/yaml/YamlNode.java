package org.eesim.yaml;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a parsed YAML document that knows where it came from. Nodes are plain values built
 * once per parse (never shared between positions), so a node's location is a field, not a
 * lookup.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    Path file();

    /** {@code links.uplink.bandwidth}, {@code layers[2].time_s} (indexes from 0); "" for the root. */
    String path();

    /** Where the value starts. */
    Mark at();

    /** Where the key naming this value is; for the root and list items, the same as {@link #at()}. */
    Mark keyAt();

    /** How the node reads in a message: {@code 'abc'}, {@code a mapping}, {@code nothing}. */
    String describe();

    /** A 1-based line and column. */
    record Mark(int line, int column) {
    }

    enum ScalarType { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    /**
     * @param text  the scalar as written (for a plain {@code yes}, "yes")
     * @param value a {@link java.math.BigInteger}, {@link Double}, {@link Boolean}, the text for a
     *              string, or {@code null}, as the YAML parser resolved it
     */
    record Scalar(Path file, String path, Mark at, Mark keyAt, ScalarType type, String text, Object value)
            implements YamlNode {
        @Override
        public String describe() {
            return type == ScalarType.NULL ? "nothing" : "'" + text + "'";
        }
    }

    /** A mapping; entries keep the file's order. */
    record Mapping(Path file, String path, Mark at, Mark keyAt, Map<String, YamlNode> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(Path file, String path, Mark at, Mark keyAt, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
