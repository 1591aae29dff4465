package org.eesim.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.RunControl.Span;
import org.eesim.scenario.Scenario;

/**
 * The same model as {@link OffloadModel}, written the textbook way with no simulation library: a
 * {@link PriorityQueue} of events, an arrival and a departure event per station visit, explicit
 * FIFO queues, and time-weighted integrals updated at every change.
 *
 * <p>It exists for two reasons: as the baseline the benchmark compares DSOL against, and as an
 * independent implementation of the queueing for differential tests. It shares the planner and
 * the random streams with the DSOL model, so both see identical requests and must produce the
 * same latencies.
 */
public final class BaselineLoop {

    private static final int BIRTH = 0;
    private static final int ARRIVE = 1;
    private static final int DEPART = 2;
    private static final int OPEN = 3;
    private static final int CLOSE = 4;

    private static final class Event implements Comparable<Event> {
        final double time;
        final long seq;
        final int kind;
        final int a;
        final int b;
        final Request request;
        final Queue station;

        Event(double time, long seq, int kind, int a, int b, Request request, Queue station) {
            this.time = time;
            this.seq = seq;
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.request = request;
            this.station = station;
        }

        @Override
        public int compareTo(Event o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** A FIFO multi-server queue with time-weighted integrals. */
    private static final class Queue {
        final int cores;
        final ArrayDeque<Request> waiting = new ArrayDeque<>();
        final ArrayDeque<Integer> waitingHop = new ArrayDeque<>();
        int busy;
        double last;
        double busyIntegral;
        double waitIntegral;

        Queue(int cores) {
            this.cores = cores;
        }

        void advance(double now, boolean counting) {
            if (counting) {
                busyIntegral += busy * (now - last);
                waitIntegral += waiting.size() * (now - last);
            }
            last = now;
        }
    }

    private final Scenario scenario;
    private final Topology topology;
    private final Planner planner;
    private final Streams streams;
    private final Metrics metrics;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long seq;
    private final Arrival arrival;
    /** One textbook queue per resource of the topology, by kind ordinal and member. */
    private final Queue[][] queues;
    private final List<Queue> all = new ArrayList<>();

    /** From the run control, read once: -1 where the span is a time. */
    private final long warmupRequests;
    private final long measuredRequests;

    private long births;
    private long measuredBirths;
    private long completedMeasured;
    private boolean open;
    private boolean closed;
    private double windowStart;
    private double windowEnd;
    private long eventCount;

    public BaselineLoop(Scenario scenario, int replication) {
        this.scenario = scenario;
        if (scenario.policy().kind() != org.eesim.scenario.PolicyConfig.Kind.FIXED || scenario.policy().expert() != null) {
            throw new IllegalArgumentException("the baseline loop runs fixed cuts without expert branches only,"
                    + " not policy " + scenario.policy().kind().key());
        }
        for (org.eesim.scenario.Link l : new org.eesim.scenario.Link[] {scenario.links().uplink(), scenario.links().wan()}) {
            if (l != null && (l.variation() != null || l.jitterSeconds() > 0 || l.burstBytes() > 0)) {
                throw new IllegalArgumentException("the baseline loop runs constant links without a shaper's bucket only");
            }
        }
        if (scenario.tiers().device().inFlight() > 0) {
            throw new IllegalArgumentException("the baseline loop does not limit a device's requests in flight");
        }
        if (scenario.tiers().edgeAssignment() == org.eesim.scenario.EdgeAssignment.LEAST_LOADED) {
            // the planner reads the topology's stations, which this loop's own queues leave idle
            throw new IllegalArgumentException("the baseline loop does not run the least_loaded edge assignment");
        }
        this.streams = Streams.of(scenario, replication);
        this.topology = new Topology(scenario, null, null);
        this.planner = new Planner(scenario, topology);
        this.metrics = new Metrics(scenario.profile().exitCount(), scenario.workload().deadlineSeconds());
        this.arrival = scenario.workload().arrival();
        this.warmupRequests = scenario.run().warmupRequests();
        this.measuredRequests = scenario.run().measuredRequests();
        this.queues = new Queue[Topology.Kind.values().length][];
        for (Topology.Kind kind : Topology.Kind.values()) {
            Stations stations = topology.stations(kind);
            queues[kind.ordinal()] = new Queue[stations.count()];
            for (int m = 0; m < stations.count(); m++) {
                queues[kind.ordinal()][m] = new Queue(stations.cores());
                all.add(queues[kind.ordinal()][m]);
            }
        }
    }

    private void schedule(double time, int kind, int a, int b, Request r, Queue q) {
        events.add(new Event(time, seq++, kind, a, b, r, q));
    }

    /** Runs the replication and returns its metrics (the same names as the DSOL model's). */
    public Map<String, Double> run() {
        // as the model's Window: opened before the first births, so 'warmup: 0 s' keeps those at t = 0
        if (scenario.run().warmup() instanceof Span.Time w && w.seconds() > 0) {
            schedule(w.seconds(), OPEN, 0, 0, null, null);
        } else if (warmupRequests <= 0) {
            openWindow(0.0);
        }
        int users = arrival instanceof Arrival.Closed c ? c.users() : 1;
        for (int d = 0; d < scenario.tiers().device().count(); d++) {
            for (int u = 0; u < users; u++) {
                SplitMix s = streams.arrivals(d, u);
                double first = arrival instanceof Arrival.Poisson p ? s.nextExponential(1.0 / p.ratePerSecond())
                        : arrival instanceof Arrival.Deterministic det ? s.nextDouble() * det.intervalSeconds() : 0.0;
                schedule(first, BIRTH, d, u, null, null);
            }
        }
        while (!(closed && completedMeasured == measuredBirths)) {
            Event e = events.poll();
            eventCount++;
            switch (e.kind) {
                case BIRTH -> birth(e.time, e.a, e.b);
                case ARRIVE -> {
                    if (e.station == null) {
                        route(e.time, e.request, e.a + 1); // off the wire after leg e.a
                    } else {
                        arrive(e.time, e.station, e.request, e.a);
                    }
                }
                case DEPART -> depart(e.time, e.station, e.request, e.a);
                case OPEN -> openWindow(e.time);
                default -> closeWindow(e.time);
            }
        }
        Map<String, Double> m = metrics.toMap(scenario.profile(), topology.stations(Topology.Kind.EDGE).count() > 0,
                topology.stations(Topology.Kind.CLOUD).count() > 0);
        double span = windowEnd - windowStart;
        m.put("window.seconds", span);
        for (Topology.Kind kind : Topology.Kind.values()) {
            double busy = 0;
            double wait = 0;
            int cores = 0;
            for (Queue q : queues[kind.ordinal()]) {
                busy += q.busyIntegral;
                wait += q.waitIntegral;
                cores += q.cores;
            }
            Metrics.putTier(m, kind.key(), queues[kind.ordinal()].length, cores, busy, wait, span);
        }
        return m;
    }

    public long events() {
        return eventCount;
    }

    private void birth(double now, int device, int user) {
        if (!open && births == warmupRequests) {
            openWindow(now);
        }
        if (open && !closed && measuredBirths == measuredRequests) {
            closeWindow(now);
        }
        births++;
        boolean measured = open && !closed;
        if (measured) {
            measuredBirths++;
        }
        Request r = planner.newRequest(device, user, now, measured, streams);
        if (arrival instanceof Arrival.Poisson p) {
            schedule(now + streams.arrivals(device, 0).nextExponential(1.0 / p.ratePerSecond()), BIRTH, device, user,
                    null, null);
        } else if (arrival instanceof Arrival.Deterministic det) {
            schedule(now + det.intervalSeconds(), BIRTH, device, user, null, null);
        }
        route(now, r, 0);
    }

    /** Sends the request to leg {@code i} of its route, or completes it after its last. */
    private void route(double now, Request r, int i) {
        if (i == r.legCount) {
            complete(now, r);
        } else if (i == 0 && r.legKind[0] == Topology.Kind.DEVICE.ordinal()) {
            arrive(now, queues[r.legKind[0]][r.legMember[0]], r, 0); // born on the device: no event
        } else {
            schedule(now, ARRIVE, i, 0, r, queues[r.legKind[i]][r.legMember[i]]);
        }
    }

    /** Seconds of service of leg {@code i}: its work on a machine; its bytes (framed) over a (constant) link's rate. */
    private double service(Request r, int i) {
        Topology.Kind kind = Topology.Kind.of(r.legKind[i]);
        LinkModel link = topology.linkOf(kind);
        return link == null ? r.legWork[i] : link.nominalSeconds(r.legWork[i], Topology.returning(kind));
    }

    private void arrive(double now, Queue q, Request r, int hop) {
        q.advance(now, open && !closed);
        if (q.busy < q.cores) {
            q.busy++;
            schedule(now + service(r, hop), DEPART, hop, 0, r, q);
        } else {
            q.waiting.add(r);
            q.waitingHop.add(hop);
        }
    }

    private void depart(double now, Queue q, Request r, int hop) {
        q.advance(now, open && !closed);
        q.busy--;
        if (!q.waiting.isEmpty()) {
            Request next = q.waiting.poll();
            int nextHop = q.waitingHop.poll();
            q.busy++;
            schedule(now + service(next, nextHop), DEPART, nextHop, 0, next, q);
        }
        double delay = r.legDelay[hop];
        if (delay > 0) {
            // propagation: the request is on the wire, in no queue
            schedule(now + delay, ARRIVE, hop, 0, r, null);
        } else {
            route(now, r, hop + 1);
        }
    }

    private void complete(double now, Request r) {
        if (r.measured) {
            metrics.record(r, now - r.birth);
            completedMeasured++;
        }
        if (arrival instanceof Arrival.Closed c) {
            SplitMix s = streams.arrivals(r.device, r.user);
            double think = c.exponentialThink() ? s.nextExponential(c.thinkSeconds()) : c.thinkSeconds();
            schedule(now + think, BIRTH, r.device, r.user, null, null);
        }
    }

    private void openWindow(double t) {
        for (Queue q : all) {
            q.advance(t, false);
        }
        open = true;
        windowStart = t;
        if (scenario.run().length() instanceof Span.Time d) {
            schedule(t + d.seconds(), CLOSE, 0, 0, null, null);
        }
    }

    private void closeWindow(double t) {
        for (Queue q : all) {
            q.advance(t, true);
        }
        closed = true;
        windowEnd = t;
    }
}
