package org.eesim.scenario;

import java.util.Locale;

/**
 * Which edge machine a request that leaves its device is served by ({@code tiers.edge.assignment}).
 * The device's access point (its uplink transmitter when the uplink is shared) is always that of
 * its static edge: association with an access point is radio, not per request; the edges are
 * taken to sit behind every access point at no cost. The WAN transmitter and the cloud machine
 * follow the chosen edge.
 */
public enum EdgeAssignment {
    /** Device d uses edge d mod E, for every request (the model before the choice existed). */
    STATIC,
    /** Requests that leave a device take the edges in turn, 0, 1, ..., E-1, 0, ..., in birth order. */
    ROUND_ROBIN,
    /**
     * At its birth, a request that will leave its device is given the edge whose cores free up
     * first (the start a job arriving now would get there, so idle edges tie), ties to the lowest
     * index; the station state known at birth, not at the request's later arrival at the edge.
     */
    LEAST_LOADED;

    /** The name used in scenario files, e.g. {@code round_robin}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
