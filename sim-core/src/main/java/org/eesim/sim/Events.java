package org.eesim.sim;

import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.simulators.DevsSimulatorInterface;

/**
 * How the model makes events: through DSOL's public {@code scheduleEvent}, with lean
 * {@link ModelEvent}s numbered in scheduling order (ties in time run in that order), on any DSOL
 * discrete-event simulator: eesim's, or DSOL's stock one (bench/ runs both).
 */
final class Events implements Clock {

    private final DevsSimulatorInterface<Double> simulator;
    /** The same simulator when it is eesim's, whose clock can be read unboxed; null otherwise. */
    private final EesimSimulator eesim;
    private long nextId;

    Events(DevsSimulatorInterface<Double> simulator) {
        this.simulator = simulator;
        this.eesim = simulator instanceof EesimSimulator e ? e : null;
    }

    @Override
    public void at(double time, Executable body) {
        double now = now();
        if (!(time >= now)) {
            throw new SimRuntimeException("cannot schedule an event at t=" + time + ": the clock is at " + now);
        }
        simulator.scheduleEvent(new ModelEvent(time, nextId++, body));
    }

    @Override
    public double now() {
        return eesim != null ? eesim.time() : simulator.getSimulatorTime();
    }
}
