package org.eesim.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.Scenario;

/**
 * One replication of the model, on any {@link Clock}: devices that generate requests, each of
 * which walks the route its {@link Planner} gave it over the {@link Topology}'s resources. The
 * parts: the topology (stations and who uses which), the planner (input, exit, work, route), the
 * {@link PolicyDriver} (decisions while the run goes), the measurement {@link Window}, and the
 * arrival processes here. {@link OffloadModel} runs it on DSOL.
 *
 * <p>Events per request: its birth, plus one event per leg after the first. A resource computes
 * a job's end at its arrival (see {@link Stations}), so there are no departure events, and the
 * completion time is known when the last leg is admitted (a threshold controller, which must
 * learn a latency only once it has happened, adds one event at the end).
 */
final class Replica {

    /** About 250 MB of requests and their events: far past any stable queue of this model. */
    static final long MAX_IN_SYSTEM = 1_000_000;

    private final Scenario scenario;
    private final Topology topology;
    /** By {@link Topology.Kind#ordinal()}. */
    private final Resources[] resources;
    private final Planner planner;
    private final Metrics metrics;
    private final Streams streams;
    private final PolicyDriver policy;
    private final Window window;
    private final Arrival arrival;
    private final Clock events;
    /** Null when the scenario has no energy section. */
    private final EnergyMeter energy;

    /** Open arrivals: every device's next birth; one event on the list for the earliest. Null in a closed loop. */
    private final Arrivals arrivals;
    private final nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable nextArrival = this::arrive;
    private long completed;
    /** tiers.device.in_flight: a device's requests on their way at most (0: no limit). */
    private final int inFlightLimit;
    /** With a limit: each device's requests in flight, and those held on it until one is answered (made on first use). */
    private final int[] inFlight;
    private final ArrayDeque<Request>[] held;
    /** Requests in the system past which a queue is taken to grow without bound (memory stays bounded). */
    private final long maxInSystem;

    Replica(Clock clock, Scenario scenario, Streams streams) {
        this.events = clock;
        this.scenario = scenario;
        this.streams = streams;
        this.topology = new Topology(scenario, streams.named("bandwidth/uplink"), streams.named("bandwidth/wan"));
        this.resources = topology.resources();
        this.planner = new Planner(scenario, topology);
        this.metrics = new Metrics(scenario.profile().exitCount(), scenario.workload().deadlineSeconds());
        this.arrival = scenario.workload().arrival();
        this.policy = new PolicyDriver(events, scenario, planner, topology.uplink(), streams);
        List<Stations> stations = new ArrayList<>();
        for (Resources r : resources) {
            stations.add(r.stations());
        }
        this.window = new Window(events, scenario.run(), stations);
        int users = arrival instanceof Arrival.Closed closed ? closed.users() : 1;
        int devices = scenario.tiers().device().count();
        this.maxInSystem = Math.max(MAX_IN_SYSTEM, 4L * devices * users);
        // the calendar's width: the mean gap between two births of all devices
        this.arrivals = arrival instanceof Arrival.Poisson p
                ? new Arrivals(streams, devices, 1 / (devices * p.ratePerSecond()))
                : arrival instanceof Arrival.Deterministic det ? new Arrivals(streams, devices, det.intervalSeconds() / devices)
                : null;
        this.energy = scenario.energy() == null ? null : new EnergyMeter(scenario);
        this.inFlightLimit = scenario.tiers().device().inFlight();
        this.inFlight = inFlightLimit > 0 ? new int[devices] : null;
        @SuppressWarnings("unchecked")
        ArrayDeque<Request>[] queues = inFlightLimit > 0 ? (ArrayDeque<Request>[]) new ArrayDeque<?>[devices] : null;
        this.held = queues;
    }

    /** Schedules the first events: the window's opening, every source's first birth, the monitor's first probe. */
    public void start() {
        window.start();
        int devices = scenario.tiers().device().count();
        if (arrival instanceof Arrival.Closed closed) {
            for (int d = 0; d < devices; d++) {
                for (int u = 0; u < closed.users(); u++) {
                    final int device = d;
                    final int user = u;
                    events.at(0.0, () -> birth(device, user)); // every user sends its first request at once
                }
            }
        } else {
            for (int d = 0; d < devices; d++) {
                arrivals.add(d, arrival instanceof Arrival.Poisson p ? arrivals.nextExponential(d, 1.0 / p.ratePerSecond())
                        : arrivals.nextDouble(d) * ((Arrival.Deterministic) arrival).intervalSeconds());
            }
            events.at(arrivals.firstTime(), nextArrival);
        }
        policy.start();
    }

    /** The earliest device's arrival: its birth, and the event of the next earliest. */
    private void arrive() {
        birth(arrivals.firstDevice(), 0); // which puts the device's next birth in its place
        events.at(arrivals.firstTime(), nextArrival);
    }

    private void birth(int device, int user) {
        double now = events.now();
        boolean measured = window.birth(now);
        if (window.births() - completed > maxInSystem) {
            throw overloaded(now);
        }
        Request r = planner.newRequest(device, user, now, measured, streams);
        if (arrival instanceof Arrival.Poisson p) {
            arrivals.replaceFirst(now + arrivals.nextExponential(device, 1.0 / p.ratePerSecond()));
        } else if (arrival instanceof Arrival.Deterministic det) {
            arrivals.replaceFirst(now + det.intervalSeconds());
        }
        if (r.legCount == 0) {
            complete(r, now);
        } else {
            leg(r, 0, now);
        }
    }

    /**
     * The request reaches leg {@code i}'s resource at {@code now}: it is admitted, and its
     * arrival at the next leg's becomes an event, which keeps every resource's arrivals in time order.
     */
    private void leg(Request r, int i, double now) {
        if (i == r.uplinkLeg && inFlightLimit > 0 && !r.inFlight) {
            int d = r.device;
            if (inFlight[d] >= inFlightLimit) { // held on its device until one of its requests is answered
                if (held[d] == null) {
                    held[d] = new ArrayDeque<>();
                }
                held[d].add(r);
                return;
            }
            inFlight[d]++;
            r.inFlight = true;
        }
        Resources resource = resources[r.legKind[i]];
        double served = resource.serve(r.legMember[i], now, r.legWork[i]);
        if (i == r.uplinkLeg && energy != null) {
            energy.sent(r, resource.stations().lastStart(), served);
        }
        double leave = served + r.legDelay[i];
        if (i + 1 == r.legCount) {
            complete(r, leave);
        } else {
            events.at(leave, () -> leg(r, i + 1, leave));
        }
    }

    private void complete(Request r, double end) {
        completed++;
        if (r.inFlight) {
            int d = r.device;
            events.at(end, () -> answered(d, end));
        }
        policy.completed(end, end - r.birth);
        if (r.measured) {
            metrics.record(r, end - r.birth);
            if (energy != null) {
                energy.record(r);
            }
            policy.measured(r);
            window.completed();
        }
        if (arrival instanceof Arrival.Closed closed) {
            SplitMix s = streams.arrivals(r.device, r.user);
            double think = closed.exponentialThink() ? s.nextExponential(closed.thinkSeconds()) : closed.thinkSeconds();
            int device = r.device;
            int user = r.user;
            events.at(end + think, () -> birth(device, user));
        }
    }

    /** One of device {@code d}'s requests is answered at {@code now}: its oldest held request, if any, is sent. */
    private void answered(int d, double now) {
        inFlight[d]--;
        Request next = held[d] == null ? null : held[d].poll();
        if (next != null) {
            inFlight[d]++;
            next.inFlight = true;
            leg(next, next.uplinkLeg, now);
        }
    }

    private RunAborted overloaded(double now) {
        String busiest = null;
        int most = -1;
        for (Resources r : resources) {
            Stations s = r.stations();
            for (int m = 0; m < s.count(); m++) {
                int waiting = s.waiting(m, now);
                if (waiting > most) {
                    most = waiting;
                    busiest = s.name(m);
                }
            }
        }
        return new RunAborted("more than " + maxInSystem + " requests in the system at t = "
                + String.format(java.util.Locale.ROOT, "%.4g", now) + " s, most of them queued at " + busiest
                + ": a resource is offered more than it can serve (see the warning on offered load), so its"
                + " queue grows without bound. Lower the load, or raise that resource's capacity");
    }

    /** Whether the replication has all it needs: its stopping condition (see ReplicationRunner). */
    public boolean done() {
        return window.complete();
    }

    /** The replication's metrics; call after the run. */
    public Map<String, Double> results() {
        if (window.complete() && window.measuredBirths() == 0) {
            throw new RunAborted("no request was born in the measured window of "
                    + org.eesim.yaml.Values.s(window.seconds()) + " s: lengthen run.duration or raise the"
                    + " arrival rate");
        }
        if (!window.complete()) {
            throw new IllegalStateException("replication ended before all measured requests completed ("
                    + window.completedMeasured() + " of " + window.measuredBirths() + ")");
        }
        Map<String, Double> m = metrics.toMap(scenario.profile(), topology.stations(Topology.Kind.EDGE).count() > 0,
                topology.stations(Topology.Kind.CLOUD).count() > 0);
        m.put("window.seconds", window.seconds());
        policy.putInto(m);
        putTiers(m, topology, window.seconds());
        if (energy != null) {
            energy.putInto(m, m.get("requests"), window.seconds());
        }
        return m;
    }

    /** Utilisation and queue length of every kind of resource (the baseline loop's differ only in how it counts). */
    static void putTiers(Map<String, Double> m, Topology t, double span) {
        for (Topology.Kind kind : Topology.Kind.values()) {
            Stations stations = t.stations(kind);
            double busy = 0;
            double wait = 0;
            int cores = 0;
            for (int s = 0; s < stations.count(); s++) {
                busy += stations.busyIntegral(s);
                wait += stations.waitIntegral(s);
                cores += stations.cores();
            }
            Metrics.putTier(m, kind.key(), stations.count(), cores, busy, wait, span);
        }
    }

    /** Quantile (fraction) to latency (s) of the measured requests; call after the run. */
    public Map<Double, Double> latencyDistribution() {
        Map<Double, Double> d = new java.util.LinkedHashMap<>();
        double[] v = metrics.latencyQuantiles();
        for (int i = 0; i < v.length; i++) {
            d.put(Metrics.QUANTILES[i], v[i]);
        }
        return d;
    }

    public long births() {
        return window.births();
    }
}
