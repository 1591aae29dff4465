package org.eesim.scenario;

/** How a layer's (or branch's) processing time is drawn from its profiled measurements. */
public enum ServiceTimeModel {
    /**
     * One of the profile's raw repetitions, drawn once per request for all of its layers and
     * branches (the layers of one forward pass are correlated); a layer without samples takes its
     * mean, which must then have no spread ({@link ServiceTimeCheck}).
     */
    EMPIRICAL,
    /** Always the profiled mean: deterministic service. */
    MEAN,
    /** Exponentially distributed with the profiled mean (for queueing-theory checks). */
    EXPONENTIAL,
    /**
     * Log-normal with each layer's profiled mean and sd, drawn independently per layer (a layer
     * with sd 0 takes its mean): for profiles that give a spread but no samples.
     */
    LOGNORMAL
}
