package org.eesim.sim;

import java.io.Serializable;

import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.model.DsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;
import nl.tudelft.simulation.dsol.simulators.ReplicationState;
import nl.tudelft.simulation.dsol.simulators.RunState;
import nl.tudelft.simulation.dsol.simulators.SimulatorInterface;

/**
 * DSOL 4.3.2's discrete-event simulator for headless batch runs. What is DSOL's and what is not:
 * <ul>
 * <li>DSOL's: the simulator, its clock, replication, states and error strategy
 * ({@link ErrorStrategy#WARN_AND_THROW}: the default pauses, which would hang a headless run);
 * the event list through {@link #setEventList} (a {@link HeapEventList}, lock-free, as DSOL's
 * {@code EventListInterface} allows); events as {@link SimEventInterface} implementations
 * ({@link ModelEvent}); ending a replication through its stopping condition, checked after every
 * event as DSOL's own loop does, which calls {@link #endReplication()}.</li>
 * <li>Overridden, each for a measured reason (bench/, README "Speed"):
 * <ul>
 * <li>{@link #scheduleEvent}, the funnel of all of DSOL's schedule methods: DSOL builds a trace-log
 * string ({@code event.toString()}) for every event although tracing is off, and takes a lock;
 * that was about half of DSOL's time per event (../shared/FINDINGS.md).</li>
 * <li>{@link #run()}, which DSOL leaves to subclasses (its animators override it too): the same
 * loop without a lock per event and without building a TIME_CHANGED event nobody listens to.</li>
 * <li>{@link #initialize} and {@link #endReplication()}: DSOL starts a worker thread per
 * replication and polls, 1 ms at a time, until it waits; eesim runs the loop on the calling
 * thread ({@link #runHere()}), so the thread was most of a short run's fixed cost (10x, bench's
 * ParallelBenchmark). They do what DevsSimulator's do, minus the thread. DSOL's initial method
 * calls ({@link #addScheduledMethodOnInitialize}) would be skipped by that, so they are refused.</li>
 * </ul></li>
 * </ul>
 * DSOL's stock simulator runs the same model unchanged (bench/ compares the two).
 */
public final class EesimSimulator extends DevsSimulator<Double> {

    private static final long serialVersionUID = 1L;

    public EesimSimulator(Serializable id) {
        super(id);
        setEventList(new HeapEventList());
        setErrorStrategy(ErrorStrategy.WARN_AND_THROW);
    }

    /** DevsSimulator's initialize, without Simulator's worker thread: the same state, events and order. */
    @Override
    public void initialize(DsolModel<Double, ? extends SimulatorInterface<Double>> model,
                           Replication<Double> replication, boolean cleanUp) throws SimRuntimeException {
        if (model == null || replication == null) {
            throw new SimRuntimeException("initialize needs a model and a replication");
        }
        if (isStartingOrRunning()) {
            throw new SimRuntimeException("Cannot initialize a running simulator");
        }
        synchronized (this.semaphore) {
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

    /** Refused: {@link #initialize} runs no initial method calls (DSOL's list of them is private). */
    @Override
    public void addScheduledMethodOnInitialize(Object target, String method, Object[] args) {
        throw new UnsupportedOperationException("eesim's simulator runs no initial method calls: schedule an event");
    }

    /** DevsSimulator's endReplication minus the nudge to a worker thread that does not exist here. */
    @Override
    public void endReplication() throws SimRuntimeException {
        this.replicationState = ReplicationState.ENDING;
        if (isStartingOrRunning()) {
            this.runState = RunState.STOPPING;
        }
        this.eventList.clear();
    }

    @Override
    public SimEventInterface<Double> scheduleEvent(SimEventInterface<Double> event) throws SimRuntimeException {
        // No lock: each simulator is driven by exactly one thread (see runHere). NaN is refused too.
        if (!(event.getAbsoluteExecutionTime() >= this.simulatorTime)) {
            throw new SimRuntimeException("cannot schedule an event at t=" + event.getAbsoluteExecutionTime()
                    + ": the clock is at " + this.simulatorTime);
        }
        this.eventList.add(event);
        return event;
    }

    /**
     * DevsSimulator's event loop, its stopping-condition check included (the condition and the
     * warm-up time looked up once, not per event), without a lock per event (one thread drives
     * this simulator) and firing TIME_CHANGED only when someone listens.
     */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void run() {
        this.runflag = true;
        boolean notify = hasListeners();
        double until = this.runUntilTime;
        // DSOL's checkStoppingCondition, its look-ups done once: the same test after every event
        java.util.function.Predicate stop = getReplication().getStoppingCondition();
        double warmup = getReplication().getWarmupTime();
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
                if (stop != null && t > warmup && stop.test(getModel())) {
                    endReplication();
                }
            } catch (RuntimeException e) {
                handleSimulationException(e);
            }
        }
    }

    /**
     * Runs the initialised replication on the calling thread until its stopping condition holds
     * (or its end time), as {@code start()} would on DSOL's worker thread. An exception in an event
     * propagates as a {@link SimRuntimeException}.
     */
    public void runHere() {
        this.runUntilTime = getReplication().getEndTime();
        this.runUntilIncluding = true;
        this.runState = RunState.STARTED;
        run();
        this.runState = RunState.STOPPED;
    }
}
