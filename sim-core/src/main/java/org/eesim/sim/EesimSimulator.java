package org.eesim.sim;

import java.io.Serializable;

import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
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
 * loop without a lock per event and without building a TIME_CHANGED event nobody listens to.
 * Before one of eesim's own events it sets the clock unboxed: DSOL's clock is a {@code Double},
 * one allocation per event, which no one reads during most events. {@link #getSimulatorTime()}
 * and the four schedule methods that read DSOL's clock field directly
 * ({@code scheduleEventRel} and {@code scheduleEventNow}, by method name and by
 * {@code Executable}) bring the field up to date first, and so does leaving the loop, so
 * whoever asks sees the time DSOL would show (EesimSimulatorTest); eesim's {@link Events} read
 * {@link #time()}. Measured (README "Speed"): eesim / bare loop of the same algorithm 0.93 instead
 * of 0.90-0.91 on the reference scenario; with a trivial model 34.6 instead of 35.5 ns per event
 * (the bare loop 30.7).</li>
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

    /** The time of the event being executed, when DSOL's boxed clock has not been brought up to it ({@link #run()}). */
    private double now;
    private boolean clockBehind;

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
            this.clockBehind = false;
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
        double t = event instanceof ModelEvent m ? m.time : event.getAbsoluteExecutionTime();
        if (!(t >= time())) {
            throw new SimRuntimeException("cannot schedule an event at t=" + t + ": the clock is at " + time());
        }
        this.eventList.add(event);
        return event;
    }

    /**
     * The simulator time, unboxed: what {@link #getSimulatorTime()} returns, without making the
     * {@code Double} (eesim's {@link Events} read it so).
     */
    public double time() {
        return clockBehind ? now : this.simulatorTime;
    }

    /** DSOL's clock, brought up to the current event first (see {@link #run()}). */
    @Override
    public Double getSimulatorTime() {
        syncClock();
        return this.simulatorTime;
    }

    private void syncClock() {
        if (clockBehind) {
            this.simulatorTime = now;
            clockBehind = false;
        }
    }

    // DSOL's four schedule methods that read its clock field directly rather than through
    // getSimulatorTime (the other variants delegate to these or to scheduleEvent): they bring it
    // up to date first, so that an event that schedules through them sees the right time.

    @Override
    public SimEventInterface<Double> scheduleEventRel(Double relativeDelay, short priority, Object source,
            String methodName, Object[] args) throws SimRuntimeException {
        syncClock();
        return super.scheduleEventRel(relativeDelay, priority, source, methodName, args);
    }

    @Override
    public SimEventInterface<Double> scheduleEventNow(short priority, Object source, String methodName,
            Object[] args) throws SimRuntimeException {
        syncClock();
        return super.scheduleEventNow(priority, source, methodName, args);
    }

    @Override
    public SimEventInterface<Double> scheduleEventRel(Double relativeDelay, short priority, Executable executable)
            throws SimRuntimeException {
        syncClock();
        return super.scheduleEventRel(relativeDelay, priority, executable);
    }

    @Override
    public SimEventInterface<Double> scheduleEventNow(short priority, Executable executable)
            throws SimRuntimeException {
        syncClock();
        return super.scheduleEventNow(priority, executable);
    }

    /**
     * DevsSimulator's event loop, its stopping-condition check included (the condition and the
     * warm-up time looked up once, not per event), without a lock per event (one thread drives
     * this simulator) and firing TIME_CHANGED only when someone listens. Before one of eesim's
     * own events ({@link ModelEvent}) the clock is set unboxed: DSOL's {@code Double} is made
     * only when someone reads it ({@link #getSimulatorTime()} and the schedule methods that read
     * the field bring it up to date; so does leaving the loop). Before any other event, and when
     * someone listens to TIME_CHANGED, it is set as DSOL sets it.
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
        try {
            while (this.runState == RunState.STARTED) {
                SimEventInterface<Double> event = this.eventList.first();
                double t = event == null ? Double.NaN
                        : event instanceof ModelEvent m ? m.time : event.getAbsoluteExecutionTime();
                if (event == null || t > until) {
                    this.clockBehind = false;
                    this.simulatorTime = this.runUntilTime;
                    this.runState = RunState.STOPPING;
                    break;
                }
                this.eventList.removeFirst();
                if (notify || !(event instanceof ModelEvent)) {
                    syncClock();
                    if (notify && t != this.simulatorTime) {
                        fireUnverifiedTimedEvent(TIME_CHANGED_EVENT, null, t);
                    }
                    this.simulatorTime = t;
                } else {
                    this.now = t;
                    this.clockBehind = true;
                }
                try {
                    event.execute();
                    if (stop != null && t > warmup && stop.test(getModel())) {
                        endReplication();
                    }
                } catch (RuntimeException e) {
                    syncClock();
                    handleSimulationException(e);
                }
            }
        } finally {
            syncClock();
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
