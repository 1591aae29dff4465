package org.eesim.analysis.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * {@code resolved.yaml} as a tree, read by dotted key paths ({@code links.uplink.bandwidth}).
 * Kept untyped on purpose: analysis must read folders written by older and newer sim-cores
 * whose scenario records differ, and only needs the few keys a figure's axis names.
 */
public final class ResolvedScenario {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final JsonNode root;

    public ResolvedScenario(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    public static ResolvedScenario read(Path file) {
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw ResultsException.at(file, 1, null, "expected a YAML mapping");
            }
            return new ResolvedScenario(file, root);
        } catch (NoSuchFileException e) {
            throw ResultsException.at(file, 0, null, "file not found");
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ResultsException.at(file, line, null, e.getOriginalMessage());
        } catch (IOException e) {
            throw new ResultsException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The node at a dotted path, if every step exists. */
    public Optional<JsonNode> node(String keyPath) {
        JsonNode n = root;
        for (String step : keyPath.split("\\.")) {
            n = n.get(step);
            if (n == null || n.isNull()) {
                return Optional.empty();
            }
        }
        return Optional.of(n);
    }

    /** The scalar at {@code keyPath} with its unit; fails naming the file and key. */
    public Quantity quantity(String keyPath) {
        JsonNode n = node(keyPath).orElseThrow(
                () -> ResultsException.at(file, 0, keyPath, "no such key"));
        if (!n.isValueNode()) {
            throw ResultsException.at(file, 0, keyPath, "is a " + n.getNodeType()
                    + ", not a number with a unit");
        }
        try {
            return Quantity.parse(n.asText());
        } catch (IllegalArgumentException e) {
            throw ResultsException.at(file, 0, keyPath, e.getMessage());
        }
    }

    /**
     * The input-condition mix as a short label: {@code pristine}, or
     * {@code blur2 0.5, pristine 0.5} when mixed. Used to split series by condition.
     */
    public String mixLabel() {
        Optional<JsonNode> mix = node("workload.mix");
        if (mix.isEmpty() || !mix.get().isObject()) {
            return "";
        }
        Map<String, Double> weights = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mix.get().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            weights.put(e.getKey(), e.getValue().asDouble());
        }
        if (weights.size() == 1) {
            return weights.keySet().iterator().next();
        }
        StringJoiner label = new StringJoiner(", ");
        weights.forEach((k, w) -> label.add(k + " " + trim(w)));
        return label.toString();
    }

    private static String trim(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }
}
