package org.eesim.profile;

/**
 * A side exit.
 *
 * @param name       exit name used in scenarios (thresholds, disabling) and results
 * @param afterLayer the number of layers run before it (1..n)
 * @param time       its own processing time
 */
public record Branch(String name, int afterLayer, TimeStats time) {
}
