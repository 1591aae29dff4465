package org.eesim.yaml;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.units.Units;

/**
 * Reads the entries of one mapping whose keys are declared up front, so that an unexpected key
 * is reported at once, with the declared keys as the list of what was expected.
 *
 * <p>Accessors return {@code null} when a required value is missing or any value is invalid
 * (after reporting it), and the default when an optional value is absent. When the mapping itself
 * is absent or not a mapping, nothing more is reported about its keys: the one problem with the
 * mapping says enough.
 */
public final class Fields {

    private final YamlNode.Mapping mapping;
    private final String path;
    private final Problems problems;
    private final List<String> keys;
    /** Declared keys that an unknown key was taken for a misspelling of. */
    private final Set<String> suggested = new HashSet<>();

    private Fields(YamlNode.Mapping mapping, String path, Problems problems, List<String> keys) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
        this.keys = keys;
    }

    /**
     * A reader of {@code node}'s entries, reporting every key not in {@code keys}.
     * {@code node} may be {@code null} (an absent optional section: all values take defaults).
     */
    public static Fields of(YamlNode node, Problems problems, String... keys) {
        List<String> declared = List.of(keys);
        if (node == null) {
            return new Fields(null, "", problems, declared);
        }
        YamlNode.Mapping m = Values.mapping(node, problems);
        if (m == null) {
            return new Fields(null, node.path(), problems, declared);
        }
        Fields fields = new Fields(m, m.path(), problems, declared);
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            if (!declared.contains(e.getKey())) {
                String guess = Suggest.closest(e.getKey(), declared);
                if (guess != null) {
                    fields.suggested.add(guess);
                }
                problems.addAtKey(e.getValue(), "unknown key '" + e.getKey() + "'"
                        + Suggest.hint(e.getKey(), declared) + " (expected one of: " + String.join(", ", declared) + ")");
            }
        }
        return fields;
    }

    /** The mapping read, or {@code null} when absent or not a mapping. */
    public YamlNode.Mapping mapping() {
        return mapping;
    }

    public Problems problems() {
        return problems;
    }

    /** The value under {@code key}, or {@code null} when absent. */
    public YamlNode node(String key) {
        if (!keys.contains(key)) {
            throw new IllegalStateException("key '" + key + "' was not declared");
        }
        return mapping == null ? null : mapping.entries().get(key);
    }

    public boolean has(String key) {
        return node(key) != null;
    }

    /** The full key path of {@code key} under this mapping. */
    public String path(String key) {
        return YamlNode.child(path, key);
    }

    /** The value under {@code key}; reports it missing (see {@link #missing}) when absent. */
    public YamlNode required(String key) {
        YamlNode n = node(key);
        if (n == null) {
            missing(key, "missing required key '" + key + "'");
        }
        return n;
    }

    /**
     * Reports a problem about an absent {@code key}, located at this mapping's key; not when an
     * unknown key was reported as its likely misspelling, which says it better.
     */
    public void missing(String key, String reason) {
        if (mapping != null && !suggested.contains(key)) {
            problems.add(mapping.file(), mapping.keyAt().line(), mapping.keyAt().column(), path(key), reason);
        }
    }

    /** Whether an unknown key was reported as a likely misspelling of {@code key}. */
    public boolean misspelt(String key) {
        return suggested.contains(key);
    }

    /** Reports a problem about this mapping as a whole, located at its key. */
    public void problem(String reason) {
        if (mapping != null) {
            problems.add(mapping.file(), mapping.keyAt().line(), mapping.keyAt().column(), mapping.path(), reason);
        }
    }

    public String string(String key) {
        YamlNode n = required(key);
        return n == null ? null : Values.string(n, problems);
    }

    public String string(String key, String absent) {
        YamlNode n = node(key);
        return n == null ? absent : Values.string(n, problems);
    }

    public Integer integer(String key) {
        YamlNode n = required(key);
        return n == null ? null : Values.integer(n, problems);
    }

    public Integer integer(String key, int absent) {
        YamlNode n = node(key);
        return n == null ? Integer.valueOf(absent) : Values.integer(n, problems);
    }

    public Long longInteger(String key) {
        YamlNode n = required(key);
        return n == null ? null : Values.longInteger(n, problems);
    }

    public Long longInteger(String key, Long absent) {
        YamlNode n = node(key);
        return n == null ? absent : Values.longInteger(n, problems);
    }

    public Double number(String key) {
        YamlNode n = required(key);
        return n == null ? null : Values.number(n, problems);
    }

    public Double number(String key, Double absent) {
        YamlNode n = node(key);
        return n == null ? absent : Values.number(n, problems);
    }

    public Double probability(String key, String what) {
        YamlNode n = required(key);
        return n == null ? null : Values.probability(n, what, problems);
    }

    public Boolean bool(String key, boolean absent) {
        YamlNode n = node(key);
        return n == null ? Boolean.valueOf(absent) : Values.bool(n, problems);
    }

    public Double quantity(String key, Units.Kind kind) {
        YamlNode n = required(key);
        return n == null ? null : Values.quantity(n, kind, problems);
    }

    public Double quantity(String key, Units.Kind kind, Double absent) {
        YamlNode n = node(key);
        return n == null ? absent : Values.quantity(n, kind, problems);
    }

    /**
     * A size in whole bytes {@code >= 0}; {@code absent} (may be {@code null}: required) when the key
     * is absent; {@code null} after reporting a bad one.
     */
    public Long wholeBytes(String key, Long absent) {
        Double v = absent == null ? quantity(key, Units.Kind.SIZE) : quantity(key, Units.Kind.SIZE, absent.doubleValue());
        if (v == null) {
            return null;
        }
        if (!(v >= 0) || v != Math.rint(v) || v > 1e15) {
            problems.add(node(key), key + " must be a whole number of bytes >= 0, got " + node(key).describe());
            return null;
        }
        return Math.round(v);
    }

    /** One of {@code options}; {@code absent} (may be {@code null}: required) when the key is absent. */
    public String choice(String key, List<String> options, String what, String absent) {
        YamlNode n = absent == null ? required(key) : node(key);
        if (n == null) {
            return absent;
        }
        return Values.choice(n, options, what, problems);
    }

    /** An optional nested mapping: {@code null} when absent or (reported) not a mapping. */
    public YamlNode.Mapping mapping(String key) {
        YamlNode n = node(key);
        return n == null ? null : Values.mapping(n, problems);
    }

    /** An optional list: {@code null} when absent or (reported) not a list. */
    public YamlNode.Sequence sequence(String key) {
        YamlNode n = node(key);
        return n == null ? null : Values.sequence(n, problems);
    }
}
