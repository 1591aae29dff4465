package org.eesim.sim;

import java.io.Serializable;

import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;
import nl.tudelft.simulation.dsol.model.DsolModel;
import nl.tudelft.simulation.dsol.simulators.ReplicationState;
import nl.tudelft.simulation.dsol.simulators.RunState;
import nl.tudelft.simulation.dsol.simulators.SimulatorInterface;

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
 * <li>{@link #initialize} therefore starts no worker thread either: DSOL's starts one per
 * replication and then polls, sleeping 1 ms at a time, until it waits, which made up most of a
 * short run's fixed cost (bench's ParallelBenchmark measures both).</li>
 * </ul>
 * The first two can be switched off ({@code tuned = false}) to measure what they are worth, and
 * the worker thread switched back on ({@code dsolWorker = true}).
 */
public final class EesimSimulator extends DevsSimulator<Double> {

    private static final long serialVersionUID = 1L;

    private final boolean tuned;
    private final boolean dsolWorker;
    private long nextEventId;

    public EesimSimulator(Serializable id) {
        this(id, true);
    }

    /** @param tuned false keeps DSOL's stock event list and scheduling, for benchmarks */
    public EesimSimulator(Serializable id, boolean tuned) {
        this(id, tuned, !tuned);
    }

    /**
     * @param tuned      false keeps DSOL's stock event list and scheduling, for benchmarks
     * @param dsolWorker true initialises through DSOL's own {@code initialize}, which starts a
     *                   worker thread that {@link #runHere()} never uses (benchmarks only)
     */
    public EesimSimulator(Serializable id, boolean tuned, boolean dsolWorker) {
        super(id);
        this.tuned = tuned;
        this.dsolWorker = dsolWorker;
        if (tuned) {
            this.eventList = new HeapEventList();
        }
        setErrorStrategy(ErrorStrategy.WARN_AND_THROW);
    }

    /**
     * DSOL's {@code initialize} (Simulator's and DevsSimulator's) without the worker thread: the
     * same state, the same model construction and the same warm-up and end events in the same
     * order, so a replication's numbers do not change.
     */
    @Override
    public void initialize(DsolModel<Double, ? extends SimulatorInterface<Double>> model,
                           Replication<Double> replication, boolean cleanUp) throws SimRuntimeException {
        if (dsolWorker) {
            super.initialize(model, replication, cleanUp);
            return;
        }
        if (model == null || replication == null) {
            throw new SimRuntimeException("initialize needs a model and a replication");
        }
        if (isStartingOrRunning()) {
            throw new SimRuntimeException("Cannot initialize a running simulator");
        }
        synchronized (this.semaphore) {
            if (this.worker != null && cleanUp) {
                cleanUp();
            }
            this.eventList.clear();
            this.replication = replication;
            this.model = model;
            this.simulatorTime = replication.getStartTime();
            this.model.getOutputStatistics().clear();
            this.model.constructModel();
            this.runState = RunState.INITIALIZED;
            this.replicationState = ReplicationState.INITIALIZED;
            this.runflag = false;
            scheduleEvent(new SimEvent<Double>(replication.getWarmupTime(),
                    (short) (SimEventInterface.MAX_PRIORITY + 1), this, "warmup", null));
            scheduleEvent(new SimEvent<Double>(replication.getEndTime(),
                    (short) (SimEventInterface.MIN_PRIORITY - 1), this, "endReplication", null));
        }
    }

    /** DSOL's, minus the nudge to a worker thread that does not exist here. */
    @Override
    public void endReplication() throws SimRuntimeException {
        if (this.worker != null) {
            super.endReplication();
            return;
        }
        this.replicationState = ReplicationState.ENDING;
        if (isStartingOrRunning()) {
            this.runState = RunState.STOPPING;
        }
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
