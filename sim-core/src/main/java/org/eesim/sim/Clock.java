package org.eesim.sim;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;

/**
 * The engine a replication's model runs on: DSOL's simulator ({@link Events}), or, for the
 * benchmark's baseline, a bare event loop; the model cannot tell them apart.
 */
interface Clock {

    /** The current simulated time, seconds. */
    double now();

    /** Runs {@code body} at absolute time {@code time}; a time in the past or NaN is a bug, refused. */
    void at(double time, Executable body);
}
