package org.eesim.profile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One early-exit network measured on one kind of hardware, and what its exits do on one data set
 * under each input condition (DESIGN.md, "Profiles"). Read from {@code profiles/<name>/profile.yaml}
 * by {@link ProfileReader}.
 *
 * @param name        short identifier
 * @param description free text
 * @param provenance  where the numbers come from: source, hardware, software, notes (free keys)
 * @param inputBytes  size of the raw input sent when the first cut is before layer 1
 * @param layers      the ordered layers (blocks), 1..n
 * @param branches    the side exits in network order; the final exit after layer n is implicit and
 *                    named {@link #FINAL_EXIT}
 * @param conditions  input condition name (e.g. {@code pristine}, {@code blur-3}) to its exit data
 * @param sha256      hash of the profile's files, written into every result for provenance
 * @param unusableSamples why the raw time samples cannot stand for single passes (quantised timer
 *                    ticks, say: a layer cannot take 0 s), from the profile's
 *                    {@code time_samples: {usable: false, reason: ...}}; {@code null} when usable
 */
public record Profile(
        String name,
        String description,
        Map<String, String> provenance,
        long inputBytes,
        List<Layer> layers,
        List<Branch> branches,
        Map<String, Condition> conditions,
        String sha256,
        String unusableSamples) {

    public static final String FINAL_EXIT = "final";

    /** A profile whose time samples, if any, are usable. */
    public Profile(String name, String description, Map<String, String> provenance, long inputBytes,
            List<Layer> layers, List<Branch> branches, Map<String, Condition> conditions, String sha256) {
        this(name, description, provenance, inputBytes, layers, branches, conditions, sha256, null);
    }

    public Profile {
        Objects.requireNonNull(name, "name");
        provenance = Map.copyOf(provenance);
        layers = List.copyOf(layers);
        branches = List.copyOf(branches);
        conditions = Map.copyOf(conditions);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one layer");
        }
        if (inputBytes < 0) {
            throw new IllegalArgumentException("input bytes must be >= 0");
        }
        int previous = 0;
        for (Branch b : branches) {
            if (b.afterLayer() < 1 || b.afterLayer() > layers.size()) {
                throw new IllegalArgumentException("branch " + b.name() + " is after layer " + b.afterLayer()
                        + ", outside 1.." + layers.size());
            }
            if (b.afterLayer() < previous) {
                throw new IllegalArgumentException("branches must be listed in network order");
            }
            previous = b.afterLayer();
        }
        for (Condition c : conditions.values()) {
            if (c.exitCount() != branches.size() + 1) {
                throw new IllegalArgumentException("condition " + c.name() + " describes " + c.exitCount()
                        + " exits, the network has " + (branches.size() + 1) + " (branches + final)");
            }
        }
    }

    /** Number of exits including the final one. */
    public int exitCount() {
        return branches.size() + 1;
    }

    /** Name of exit {@code i}, 0-based, the last being {@link #FINAL_EXIT}. */
    public String exitName(int i) {
        return i == branches.size() ? FINAL_EXIT : branches.get(i).name();
    }

    /** Bytes sent over a cut after {@code layersDone} layers (0: the raw input). */
    public long bytesAfter(int layersDone) {
        return layersDone == 0 ? inputBytes : layers.get(layersDone - 1).outputBytes();
    }
}
