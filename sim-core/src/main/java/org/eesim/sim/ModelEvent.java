package org.eesim.sim;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * A DSOL event that runs a lambda, without what DSOL's {@code LambdaSimEvent} pays for on every
 * event: a {@code synchronized} execute, a JVM-wide atomic id counter shared by all simulators
 * (contended when replications run in parallel), and re-boxing the time on every comparison.
 * Ids come from the owning simulator, so ties break in scheduling order within a replication.
 * The time is kept unboxed ({@link HeapEventList} orders by it) and boxed only when DSOL asks
 * for it: once per event, when the simulator's loop sets its clock.
 */
final class ModelEvent implements SimEventInterface<Double> {

    final double time;
    final long id;
    private final Executable body;

    ModelEvent(double time, long id, Executable body) {
        this.time = time;
        this.id = id;
        this.body = body;
    }

    @Override
    public void execute() {
        body.execute();
    }

    @Override
    public Double getAbsoluteExecutionTime() {
        return time; // boxed when asked: the event list and eesim's loop read the primitive
    }

    @Override
    public short getPriority() {
        return NORMAL_PRIORITY;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public String toString() {
        return "ModelEvent[t=" + time + ", id=" + id + "]";
    }
}
