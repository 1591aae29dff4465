package org.eesim.scenario;

/** How a layer's (or branch's) processing time is drawn from its profiled measurements. */
public enum ServiceTimeModel {
    /** Resample the profile's raw repetitions (falls back to the mean when there are none). */
    EMPIRICAL,
    /** Always the profiled mean: deterministic service. */
    MEAN,
    /** Exponentially distributed with the profiled mean (for queueing-theory checks). */
    EXPONENTIAL
}
