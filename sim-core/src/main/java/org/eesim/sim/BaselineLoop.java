package org.eesim.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.Link;
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
    private final Planner planner;
    private final Streams streams;
    private final Metrics metrics;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long seq;
    private final Arrival arrival;
    private final Link uplink;
    private final Link wan;
    private final Queue[] devices;
    private final Queue[] edges;
    private final Queue[] clouds;
    private final Queue[] uplinks;
    private final Queue[] wans;
    private final List<Queue> all = new ArrayList<>();
    private final boolean deviceHasLayers;
    private final boolean edgeHasLayers;

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
            if (l != null && (l.variation() != null || l.jitterSeconds() > 0)) {
                throw new IllegalArgumentException("the baseline loop runs constant links only");
            }
        }
        this.planner = new Planner(scenario);
        this.streams = Streams.of(scenario, replication);
        this.metrics = new Metrics(scenario.profile().exitCount(), scenario.workload().deadlineSeconds());
        this.arrival = scenario.workload().arrival();
        this.warmupRequests = scenario.run().warmupRequests();
        this.measuredRequests = scenario.run().measuredRequests();
        this.uplink = scenario.links().uplink();
        this.wan = scenario.links().wan();
        var t = scenario.tiers();
        this.devices = queues(t.device().count(), t.device().cores());
        this.edges = t.hasEdge() ? queues(t.edge().count(), t.edge().cores()) : new Queue[0];
        this.clouds = t.hasCloud() ? queues(t.cloud().count(), t.cloud().cores()) : new Queue[0];
        int up = uplink == null ? 0 : uplink.shared() ? (edges.length > 0 ? edges.length : clouds.length) : devices.length;
        this.uplinks = queues(up, 1);
        int w = wan == null || edges.length == 0 || clouds.length == 0 ? 0 : wan.shared() ? clouds.length : edges.length;
        this.wans = queues(w, 1);
        this.deviceHasLayers = scenario.placement().cut1() >= 1;
        this.edgeHasLayers = t.hasEdge() && scenario.placement().cut2() > scenario.placement().cut1();
    }

    private Queue[] queues(int n, int cores) {
        Queue[] q = new Queue[n];
        for (int i = 0; i < n; i++) {
            q[i] = new Queue(cores);
            all.add(q[i]);
        }
        return q;
    }

    private void schedule(double time, int kind, int a, int b, Request r, Queue q) {
        events.add(new Event(time, seq++, kind, a, b, r, q));
    }

    /** Runs the replication and returns its metrics (the same names as the DSOL model's). */
    public Map<String, Double> run() {
        int users = arrival instanceof Arrival.Closed c ? c.users() : 1;
        for (int d = 0; d < devices.length; d++) {
            for (int u = 0; u < users; u++) {
                SplitMix s = streams.arrivals(d, u);
                double first = arrival instanceof Arrival.Poisson p ? s.nextExponential(1.0 / p.ratePerSecond())
                        : arrival instanceof Arrival.Deterministic det ? s.nextDouble() * det.intervalSeconds() : 0.0;
                schedule(first, BIRTH, d, u, null, null);
            }
        }
        if (scenario.run().warmup() instanceof Span.Time w) {
            schedule(w.seconds(), OPEN, 0, 0, null, null);
        } else if (warmupRequests == 0) {
            openWindow(0.0);
        }
        while (!(closed && completedMeasured == measuredBirths)) {
            Event e = events.poll();
            eventCount++;
            switch (e.kind) {
                case BIRTH -> birth(e.time, e.a, e.b);
                case ARRIVE -> {
                    if (e.station == null) {
                        route(e.time, e.request, e.a); // off the wire after link hop e.a
                    } else {
                        arrive(e.time, e.station, e.request, e.a);
                    }
                }
                case DEPART -> depart(e.time, e.station, e.request, e.a);
                case OPEN -> openWindow(e.time);
                default -> closeWindow(e.time);
            }
        }
        Map<String, Double> m = metrics.toMap(scenario.profile(), edges.length > 0, clouds.length > 0);
        double span = windowEnd - windowStart;
        m.put("window.seconds", span);
        put(m, "device", devices, span);
        put(m, "uplink", uplinks, span);
        put(m, "edge", edges, span);
        put(m, "wan", wans, span);
        put(m, "cloud", clouds, span);
        return m;
    }

    public long events() {
        return eventCount;
    }

    private static void put(Map<String, Double> m, String tier, Queue[] qs, double span) {
        double busy = 0;
        double wait = 0;
        int cores = 0;
        for (Queue q : qs) {
            busy += q.busyIntegral;
            wait += q.waitIntegral;
            cores += q.cores;
        }
        Metrics.putTier(m, tier, qs.length, cores, busy, wait, span);
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
        route(now, r, -1);
    }

    /** Sends the request from hop {@code h} to the next station it visits, or completes it. */
    private void route(double now, Request r, int h) {
        for (int k = h + 1; k <= 4; k++) {
            boolean visits = switch (k) {
                case 0 -> deviceHasLayers;
                case 1 -> r.crossesUplink;
                case 2 -> edgeHasLayers && r.exitTier >= Request.EDGE;
                case 3 -> r.crossesWan;
                default -> r.exitTier == Request.CLOUD;
            };
            if (visits) {
                if (k == 0) {
                    arrive(now, devices[r.device], r, 0);
                } else {
                    schedule(now, ARRIVE, k, 0, r, stationOf(r, k));
                }
                return;
            }
        }
        complete(now, r);
    }

    private Queue stationOf(Request r, int hop) {
        return switch (hop) {
            case 0 -> devices[r.device];
            case 1 -> uplinks[uplink.shared() ? (r.edge >= 0 ? r.edge : r.cloud) : r.device];
            case 2 -> edges[r.edge];
            case 3 -> wans[wan.shared() ? r.cloud : r.edge];
            default -> clouds[r.cloud];
        };
    }

    private double service(Request r, int hop) {
        return switch (hop) {
            case 0 -> r.compute[Request.DEVICE];
            case 1 -> uplink.serialisationSeconds(r.uplinkBytes);
            case 2 -> r.compute[Request.EDGE];
            case 3 -> wan.serialisationSeconds(r.wanBytes);
            default -> r.compute[Request.CLOUD];
        };
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
        double delay = hop == 1 ? uplink.delaySeconds() : hop == 3 ? wan.delaySeconds() : 0;
        if (delay > 0) {
            // propagation: the request is on the wire, in no queue
            schedule(now + delay, ARRIVE, hop, 0, r, null);
        } else {
            route(now, r, hop);
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
