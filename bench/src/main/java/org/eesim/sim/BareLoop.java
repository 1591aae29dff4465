package org.eesim.sim;

import java.util.PriorityQueue;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;

import org.eesim.scenario.Scenario;

/**
 * The benchmark's baseline: the model's own algorithm ({@link Replica}: the same planner, route,
 * resources, window and lambdas, so the same events per request) on a bare
 * {@link PriorityQueue} event loop instead of DSOL. What DSOL costs is the difference.
 */
public final class BareLoop implements Clock {

    private static final class Event implements Comparable<Event> {
        final double time;
        final long seq;
        final Executable body;

        Event(double time, long seq, Executable body) {
            this.time = time;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public int compareTo(Event o) {
            return time < o.time ? -1 : time > o.time ? 1 : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private double now;
    private long seq;
    private long executed;

    private BareLoop() {
    }

    @Override
    public double now() {
        return now;
    }

    @Override
    public void at(double time, Executable body) {
        if (!(time >= now)) {
            throw new IllegalStateException("cannot schedule an event at t=" + time + ": the clock is at " + now);
        }
        events.add(new Event(time, seq++, body));
    }

    /** A replication on the bare loop, and how many events it executed. */
    public record Result(ReplicationRunner.Outcome outcome, long events) {
    }

    public static Result run(Scenario s, int replication, long baseSeed) {
        BareLoop loop = new BareLoop();
        Replica model = new Replica(loop, s, Streams.of(s, replication, baseSeed));
        model.start();
        while (!model.done()) {
            Event e = loop.events.poll();
            loop.now = e.time;
            e.body.execute();
            loop.executed++;
        }
        return new Result(new ReplicationRunner.Outcome(replication, Streams.replicationSeed(baseSeed, replication),
                model.results(), model.latencyDistribution(), model.births()), loop.executed);
    }
}
