package org.eesim.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.tudelft.simulation.dsol.model.AbstractDsolModel;

import org.eesim.policy.Decision;
import org.eesim.policy.OffloadPolicy;
import org.eesim.policy.Policies;
import org.eesim.policy.ThresholdController;
import org.eesim.scenario.Arrival;
import org.eesim.scenario.Link;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.RunControl.Span;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.Tier;

/**
 * The DSOL model of one replication: devices that generate requests, and the FIFO stations a
 * request visits: its device, the uplink transmitter, an edge machine, the WAN transmitter, a
 * cloud machine, stopping at the tier where it exits.
 *
 * <p>Events per request: its birth, plus one arrival event per station after the first. A
 * station computes a job's end at its arrival (see {@link Station}), so there are no departure
 * events, and the completion time is known when the last station admits the request (a threshold
 * controller, which must learn a latency only once it has happened, adds one event at the end).
 * The policy ({@link org.eesim.policy.OffloadPolicy}) decides when the model is built and again
 * whenever the uplink monitor's periodic probes change the estimate; requests keep the cuts they
 * were born with.
 */
public final class OffloadModel extends AbstractDsolModel<Double, EesimSimulator> {

    private static final long serialVersionUID = 1L;

    private final transient Scenario scenario;
    private final transient Planner planner;
    private final transient Metrics metrics;
    private final transient Streams streams;

    private final transient Station[] devices;
    private final transient Station[] edges;
    private final transient Station[] clouds;
    private final transient Station[] uplinks;
    private final transient Station[] wans;
    private final transient List<Station> all = new ArrayList<>();

    private final transient Link uplink;
    private final transient Link wan;
    private final transient LinkModel upModel;
    private final transient LinkModel wanModel;
    private final transient UplinkMonitor monitor;
    private double estimate = Double.NaN;
    private final transient ThresholdController controller;
    private transient Decision current;
    private final transient Arrival arrival;
    private final boolean hasEdge;
    private final transient OffloadPolicy policy;
    private final transient PolicyTrace policyTrace = new PolicyTrace();

    /** From the run control, read once: -1 where the span is a time. */
    private final long warmupRequests;
    private final long measuredRequests;

    private long births;
    private long completed;
    /** Requests in the system past which a queue is taken to grow without bound (memory stays bounded). */
    private final long maxInSystem;
    private long measuredBirths;
    private long completedMeasured;
    private boolean windowOpen;
    private boolean windowClosed;
    private double windowStart = Double.NaN;
    private double windowEnd = Double.NaN;

    /** About 250 MB of requests and their events: far past any stable queue of this model. */
    public static final long MAX_IN_SYSTEM = 1_000_000;

    public OffloadModel(EesimSimulator simulator, Scenario scenario, Streams streams) {
        super(simulator);
        this.scenario = scenario;
        this.streams = streams;
        this.planner = new Planner(scenario);
        this.metrics = new Metrics(scenario.profile().exitCount(), scenario.workload().deadlineSeconds());
        this.arrival = scenario.workload().arrival();
        this.warmupRequests = scenario.run().warmupRequests();
        this.measuredRequests = scenario.run().measuredRequests();
        this.uplink = scenario.links().uplink();
        this.wan = scenario.links().wan();
        this.hasEdge = scenario.tiers().hasEdge();
        this.policy = Policies.of(scenario);
        this.upModel = uplink == null ? null : new LinkModel(uplink, streams.named("bandwidth/uplink"));
        this.wanModel = wan == null ? null : new LinkModel(wan, streams.named("bandwidth/wan"));
        PolicyConfig.Monitor m = scenario.policy().monitor();
        this.monitor = m == null ? null : new UplinkMonitor(m, streams.named("monitor"));
        PolicyConfig.Adaptation a = scenario.policy().adaptation();
        this.controller = a == null ? null : new ThresholdController(a, scenario.exitRule());
        decide(uplink == null ? Double.NaN : uplink.bandwidthBps());
        int users = arrival instanceof Arrival.Closed closed ? closed.users() : 1;
        this.maxInSystem = Math.max(MAX_IN_SYSTEM, 4L * scenario.tiers().device().count() * users);

        Tier dev = scenario.tiers().device();
        Tier edge = scenario.tiers().edge();
        Tier cloud = scenario.tiers().cloud();
        this.devices = stations("device", dev.count(), dev.cores());
        this.edges = edge == null ? new Station[0] : stations("edge", edge.count(), edge.cores());
        this.clouds = cloud == null ? new Station[0] : stations("cloud", cloud.count(), cloud.cores());
        int uplinkCount = uplink == null ? 0 : uplink.shared() ? (edge != null ? edges.length : clouds.length) : dev.count();
        this.uplinks = stations("uplink", uplinkCount, 1);
        int wanCount = wan == null || edge == null || cloud == null ? 0 : wan.shared() ? clouds.length : edges.length;
        this.wans = stations("wan", wanCount, 1);
    }

    private Station[] stations(String kind, int count, int cores) {
        Station[] s = new Station[count];
        for (int i = 0; i < count; i++) {
            s[i] = new Station(kind + "-" + i, cores);
            all.add(s[i]);
        }
        return s;
    }

    @Override
    public void constructModel() {
        EesimSimulator sim = getSimulator();
        // Before the first births: a request born at the warm-up's end is measured ([start, end)
        // windows), and 'warmup: 0 s' keeps the requests born at t = 0 as 'warmup: 0' does.
        if (scenario.run().warmup() instanceof Span.Time t && t.seconds() > 0) {
            sim.schedule(t.seconds(), () -> openWindow(t.seconds()));
        } else if (warmupRequests <= 0) {
            openWindow(0.0);
        }
        int users = arrival instanceof Arrival.Closed closed ? closed.users() : 1;
        for (int d = 0; d < devices.length; d++) {
            for (int u = 0; u < users; u++) {
                final int device = d;
                final int user = u;
                double first = firstArrival(d, u);
                sim.schedule(first, () -> birth(device, user));
            }
        }
        if (monitor != null) {
            sim.schedule(monitor.periodSeconds(), this::probe);
        }
    }

    private double firstArrival(int d, int u) {
        SplitMix s = streams.arrivals(d, u);
        if (arrival instanceof Arrival.Poisson p) {
            return s.nextExponential(1.0 / p.ratePerSecond());
        } else if (arrival instanceof Arrival.Deterministic det) {
            return s.nextDouble() * det.intervalSeconds();
        }
        return 0.0;
    }

    private void birth(int device, int user) {
        EesimSimulator sim = getSimulator();
        double now = sim.getSimulatorTime();
        if (!windowOpen && births == warmupRequests) {
            openWindow(now);
        }
        if (windowOpen && !windowClosed && measuredBirths == measuredRequests) {
            closeWindow(now);
        }
        births++;
        if (births - completed > maxInSystem) {
            throw overloaded(now);
        }
        boolean measured = windowOpen && !windowClosed;
        if (measured) {
            measuredBirths++;
        }
        Request r = planner.newRequest(device, user, now, measured, streams);
        if (upModel != null) {
            r.uplinkDelay = upModel.delay(streams.jitter());
        }
        if (wanModel != null) {
            r.wanDelay = wanModel.delay(streams.jitter());
        }

        if (arrival instanceof Arrival.Poisson p) {
            sim.schedule(now + streams.arrivals(device, 0).nextExponential(1.0 / p.ratePerSecond()),
                    () -> birth(device, user));
        } else if (arrival instanceof Arrival.Deterministic det) {
            sim.schedule(now + det.intervalSeconds(), () -> birth(device, user));
        }
        hop(r, nextHop(r, -1), now);
    }

    /** Stations in path order; a request visits a subsequence of them. */
    private static final int DEVICE_HOP = 0;
    private static final int UPLINK_HOP = 1;
    private static final int EDGE_HOP = 2;
    private static final int WAN_HOP = 3;
    private static final int CLOUD_HOP = 4;

    /**
     * The request reaches station {@code h} at {@code now}: it is admitted, and its arrival at the
     * next station it visits becomes an event, which keeps every station's arrivals in time order.
     */
    private void hop(Request r, int h, double now) {
        double leave = admit(r, h, now);
        int next = nextHop(r, h);
        if (next < 0) {
            complete(r, leave);
        } else {
            getSimulator().schedule(leave, () -> hop(r, next, leave));
        }
    }

    private double admit(Request r, int h, double now) {
        switch (h) {
            case DEVICE_HOP:
                return devices[r.device].admit(now, r.compute[Request.DEVICE]);
            case UPLINK_HOP:
                Station up = uplinks[uplink.shared() ? (r.edge >= 0 ? r.edge : r.cloud) : r.device];
                return upModel.send(up, now, r.uplinkBytes, r.uplinkDelay);
            case EDGE_HOP:
                return edges[r.edge].admit(now, r.compute[Request.EDGE]);
            case WAN_HOP:
                Station w = wans[wan.shared() ? r.cloud : r.edge];
                return wanModel.send(w, now, r.wanBytes, r.wanDelay);
            default:
                return clouds[r.cloud].admit(now, r.compute[Request.CLOUD]);
        }
    }

    /** The first station after {@code h} that the request visits, or -1 when it is done. */
    private int nextHop(Request r, int h) {
        for (int k = h + 1; k <= CLOUD_HOP; k++) {
            if (visits(r, k)) {
                return k;
            }
        }
        return -1;
    }

    private boolean visits(Request r, int h) {
        switch (h) {
            case DEVICE_HOP:
                return r.cut1 >= 1 || r.compute[Request.DEVICE] > 0; // the expert classifier runs there too
            case UPLINK_HOP:
                return r.crossesUplink;
            case EDGE_HOP:
                return hasEdge && r.cut2 > r.cut1 && r.exitTier >= Request.EDGE;
            case WAN_HOP:
                return r.crossesWan;
            default:
                return r.exitTier == Request.CLOUD;
        }
    }

    /** Probes the uplink now; the sample is known after the monitor's lag. */
    private void probe() {
        double now = getSimulator().getSimulatorTime();
        double sample = monitor.sample(upModel.rateAt(now));
        getSimulator().schedule(now + monitor.lagSeconds(), () -> {
            double e = monitor.add(sample);
            if (e != estimate) {
                estimate = e;
                decide(e);
            }
        });
        getSimulator().schedule(now + monitor.periodSeconds(), this::probe);
    }

    /** Asks the policy again with the uplink estimate {@code uplinkBps}; applies what it decides. */
    private void decide(double uplinkBps) {
        current = policy.decide(uplinkBps);
        applyCurrent();
        policyTrace.decided(current);
    }

    /** The policy's current cuts, with the controller's threshold when one adapts it. */
    private void applyCurrent() {
        planner.apply(current.placement(), controller == null ? current.exitRule() : controller.apply(current.exitRule()));
    }

    private void complete(Request r, double end) {
        completed++;
        if (controller != null) {
            // a request's end is known when its last station admits it, which can be earlier
            // than the end itself: the controller must not learn a latency before it has happened
            double latency = end - r.birth;
            getSimulator().schedule(end, () -> {
                if (controller.observe(latency)) {
                    applyCurrent();
                    policyTrace.thresholdChanged();
                }
            });
        }
        if (r.measured) {
            metrics.record(r, end - r.birth);
            policyTrace.record(r);
            completedMeasured++;
            if (windowClosed && completedMeasured == measuredBirths) {
                getSimulator().finish();
            }
        }
        if (arrival instanceof Arrival.Closed closed) {
            SplitMix s = streams.arrivals(r.device, r.user);
            double think = closed.exponentialThink() ? s.nextExponential(closed.thinkSeconds()) : closed.thinkSeconds();
            int device = r.device;
            int user = r.user;
            getSimulator().schedule(end + think, () -> birth(device, user));
        }
    }

    private void openWindow(double t) {
        windowOpen = true;
        windowStart = t;
        for (Station s : all) {
            s.openWindow(t);
        }
        if (scenario.run().length() instanceof Span.Time d) {
            getSimulator().schedule(t + d.seconds(), () -> closeWindow(t + d.seconds()));
        }
    }

    private void closeWindow(double t) {
        windowClosed = true;
        windowEnd = t;
        for (Station s : all) {
            s.closeWindow(t);
        }
        if (completedMeasured == measuredBirths) {
            getSimulator().finish();
        }
    }

    private RunAborted overloaded(double now) {
        StringBuilder busiest = new StringBuilder();
        double worst = -1;
        for (Station s : all) {
            double waiting = s.waiting();
            if (waiting > worst) {
                worst = waiting;
                busiest.setLength(0);
                busiest.append(s.name());
            }
        }
        return new RunAborted("more than " + maxInSystem + " requests in the system at t = "
                + String.format(java.util.Locale.ROOT, "%.4g", now) + " s, most of them queued at " + busiest
                + ": a resource is offered more than it can serve (see the warning on offered load), so its"
                + " queue grows without bound. Lower the load, or raise that resource's capacity");
    }

    /** The replication's metrics; call after the run. */
    public Map<String, Double> results() {
        if (windowClosed && measuredBirths == 0) {
            throw new RunAborted("no request was born in the measured window of "
                    + org.eesim.yaml.Values.s(windowEnd - windowStart) + " s: lengthen run.duration or raise the"
                    + " arrival rate");
        }
        if (!windowClosed || completedMeasured != measuredBirths) {
            throw new IllegalStateException("replication ended before all measured requests completed ("
                    + completedMeasured + " of " + measuredBirths + ")");
        }
        Map<String, Double> m = metrics.toMap(scenario.profile(), edges.length > 0, clouds.length > 0);
        m.put("window.seconds", windowEnd - windowStart);
        if (scenario.policy().kind() != PolicyConfig.Kind.FIXED || controller != null) {
            policyTrace.putInto(m); // fixed runs keep the metrics they always had
        }
        double span = windowEnd - windowStart;
        putTier(m, "device", devices, span);
        putTier(m, "uplink", uplinks, span);
        putTier(m, "edge", edges, span);
        putTier(m, "wan", wans, span);
        putTier(m, "cloud", clouds, span);
        return m;
    }

    private static void putTier(Map<String, Double> m, String tier, Station[] stations, double span) {
        double busy = 0;
        double wait = 0;
        int cores = 0;
        for (Station s : stations) {
            busy += s.busyIntegral();
            wait += s.waitIntegral();
            cores += s.cores();
        }
        Metrics.putTier(m, tier, stations.length, cores, busy, wait, span);
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
        return births;
    }
}
