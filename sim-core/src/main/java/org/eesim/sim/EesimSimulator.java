package org.eesim.sim;

import java.io.Serializable;

import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.eventlists.EventListPriorityQueue;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;
import nl.tudelft.simulation.dsol.simulators.RunState;

/**
 * DSOL's discrete-event simulator, tuned for headless batch runs.
 *
 * <ul>
 * <li>{@link #scheduleEvent} skips DSOL's trace-log line, whose {@code event.toString()} is built
 * eagerly for every event even with tracing off: about half of DSOL's time per event here
 * (../shared/FINDINGS.md).</li>
 * <li>A binary-heap event list instead of the default red-black tree: cheaper adds and removes
 * for the short event lists of this model.</li>
 * <li>Errors throw ({@link ErrorStrategy#WARN_AND_THROW}); the default pauses, which would hang a
 * headless run.</li>
 * <li>{@link #runHere()} runs the event loop on the calling thread, so a replication needs no
 * hand-off to DSOL's worker thread and its exceptions reach the caller.</li>
 * </ul>
 */
public final class EesimSimulator extends DevsSimulator<Double> {

    private static final long serialVersionUID = 1L;

    public EesimSimulator(Serializable id) {
        super(id);
        this.eventList = new EventListPriorityQueue<>();
        setErrorStrategy(ErrorStrategy.WARN_AND_THROW);
    }

    @Override
    public SimEventInterface<Double> scheduleEvent(SimEventInterface<Double> event) throws SimRuntimeException {
        // No lock: each simulator is driven by exactly one thread (see runHere).
        if (event.getAbsoluteExecutionTime() < this.simulatorTime) {
            throw new SimRuntimeException("cannot schedule an event in the past: t=" + this.simulatorTime
                    + ", event at " + event.getAbsoluteExecutionTime());
        }
        this.eventList.add(event);
        return event;
    }

    /**
     * Runs the initialised replication to its end, or until {@link #finish()} is called, on the
     * calling thread. An exception in an event propagates as a {@link SimRuntimeException}.
     */
    public void runHere() {
        this.runUntilTime = getReplication().getEndTime();
        this.runUntilIncluding = true;
        this.runState = RunState.STARTED;
        run();
        this.runState = RunState.STOPPED;
    }

    /** Ends the event loop after the current event: the model has all it needs. */
    public void finish() {
        this.runState = RunState.STOPPING;
    }
}
