package org.eesim.sim;

import java.io.Serializable;

import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
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
 * <li>A lock-free binary-heap event list ({@link HeapEventList}) and lean events
 * ({@link ModelEvent}) instead of the red-black tree and {@code LambdaSimEvent}, and an event
 * loop ({@link #run()}) that skips what this model does not use.</li>
 * <li>Errors throw ({@link ErrorStrategy#WARN_AND_THROW}); the default pauses, which would hang a
 * headless run.</li>
 * <li>{@link #runHere()} runs the event loop on the calling thread, so a replication needs no
 * hand-off to DSOL's worker thread and its exceptions reach the caller.</li>
 * </ul>
 * The first two can be switched off ({@code tuned = false}) to measure what they are worth.
 */
public final class EesimSimulator extends DevsSimulator<Double> {

    private static final long serialVersionUID = 1L;

    private final boolean tuned;
    private long nextEventId;

    public EesimSimulator(Serializable id) {
        this(id, true);
    }

    /** @param tuned false keeps DSOL's stock event list and scheduling, for benchmarks */
    public EesimSimulator(Serializable id, boolean tuned) {
        super(id);
        this.tuned = tuned;
        if (tuned) {
            this.eventList = new HeapEventList();
        }
        setErrorStrategy(ErrorStrategy.WARN_AND_THROW);
    }

    @Override
    public SimEventInterface<Double> scheduleEvent(SimEventInterface<Double> event) throws SimRuntimeException {
        if (!tuned) {
            return super.scheduleEvent(event);
        }
        // No lock: each simulator is driven by exactly one thread (see runHere).
        if (event.getAbsoluteExecutionTime() < this.simulatorTime) {
            throw new SimRuntimeException("cannot schedule an event in the past: t=" + this.simulatorTime
                    + ", event at " + event.getAbsoluteExecutionTime());
        }
        this.eventList.add(event);
        return event;
    }

    /** Schedules {@code body} at absolute time {@code time}: the model's one way to make events. */
    public void schedule(double time, Executable body) {
        if (!tuned) {
            scheduleEventAbs(time, body);
            return;
        }
        if (time < this.simulatorTime) {
            throw new SimRuntimeException("cannot schedule an event in the past: t=" + this.simulatorTime
                    + ", event at " + time);
        }
        this.eventList.add(new ModelEvent(time, nextEventId++, body));
    }

    /**
     * DSOL's event loop without the per-event costs this model does not use: a lock (one thread
     * drives this simulator), a TIME_CHANGED event object built and looked up in the listener map
     * on every time step (fired only when someone listens), and the per-event stopping-condition
     * check (this model stops itself through {@link #finish()}).
     */
    @Override
    public void run() {
        if (!tuned) {
            super.run();
            return;
        }
        this.runflag = true;
        boolean notify = hasListeners();
        double until = this.runUntilTime;
        while (this.runState == RunState.STARTED) {
            SimEventInterface<Double> event = this.eventList.first();
            if (event == null || event.getAbsoluteExecutionTime() > until) {
                this.simulatorTime = this.runUntilTime;
                this.runState = RunState.STOPPING;
                break;
            }
            this.eventList.removeFirst();
            Double t = event.getAbsoluteExecutionTime();
            if (notify && !t.equals(this.simulatorTime)) {
                fireUnverifiedTimedEvent(TIME_CHANGED_EVENT, null, t);
            }
            this.simulatorTime = t;
            try {
                event.execute();
            } catch (RuntimeException e) {
                handleSimulationException(e);
            }
        }
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
