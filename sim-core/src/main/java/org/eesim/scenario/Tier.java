package org.eesim.scenario;

/** The three tiers of the path, in path order: where layers run. */
public enum Tier {
    DEVICE, EDGE, CLOUD;

    /** {@code device}, {@code edge}, {@code cloud}: as in scenario keys and metric names. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
