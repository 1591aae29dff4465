package org.eesim.sim;

import java.util.ArrayList;
import java.util.List;

import org.eesim.policy.Decision;
import org.eesim.policy.Policies;
import org.eesim.scenario.Arrival;
import org.eesim.scenario.Link;
import org.eesim.scenario.RunControl.Span;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.Tier;

/**
 * What a replication of a scenario asks of each resource, known before it runs: the offered
 * load of the busiest machine or link of each tier (arrivals x share that reaches it x mean
 * service time / cores; bits / bandwidth for a link), the simulated time a replication will
 * span, and how many requests it will create.
 *
 * <p>The mean service demands come from {@link #SAMPLES} requests planned by the model's own
 * {@link Planner} under the policy's first decision (so the exit rule is the simulator's, not
 * a second copy of it), without queueing. Links are taken at their nominal bandwidth. Closed
 * loops limit themselves (at most one request per user is in the system): for them only the
 * run's size is estimated, no load.
 */
public final class OfferedLoad {

    /** Planned requests whose mean demands stand for the scenario's: about 3% standard error on a mean. */
    static final int SAMPLES = 1000;

    /** The busiest station of one tier ("device", "uplink", "edge", "wan", "cloud") and its offered load. */
    public record Resource(String tier, double load) {
    }

    private final List<Resource> resources;
    private final double seconds;
    private final double births;
    private final double measured;
    private final boolean open;

    private OfferedLoad(List<Resource> resources, double seconds, double births, double measured, boolean open) {
        this.resources = List.copyOf(resources);
        this.seconds = seconds;
        this.births = births;
        this.measured = measured;
        this.open = open;
    }

    /** The estimate for {@code s}, its requests planned from streams of {@code baseSeed}. */
    public static OfferedLoad of(Scenario s, long baseSeed) {
        double[] demand = meanDemand(s, baseSeed);
        Tier dev = s.tiers().device();
        double perDevice = perDeviceRate(s.workload().arrival());
        boolean open = !Double.isNaN(perDevice);
        List<Resource> out = new ArrayList<>();
        int edges = s.tiers().hasEdge() ? s.tiers().edge().count() : 0;
        int clouds = s.tiers().hasCloud() ? s.tiers().cloud().count() : 0;
        // Devices d go to edge d mod E (or cloud d mod C), edge e to cloud e mod C (Planner.newRequest).
        int perEdge = edges == 0 ? 0 : ceilDiv(dev.count(), edges);
        int perCloud = clouds == 0 ? 0 : edges == 0 ? ceilDiv(dev.count(), clouds) : ceilDiv(edges, clouds) * perEdge;
        double bottleneck = 0;
        if (open) {
            out.add(new Resource("device", perDevice * demand[0] / dev.cores()));
            Link up = s.links().uplink();
            if (up != null) {
                int feeding = !up.shared() ? 1 : edges > 0 ? perEdge : perCloud;
                out.add(new Resource("uplink", feeding * perDevice * demand[3] * 8 / up.bandwidthBps()));
            }
            if (edges > 0) {
                out.add(new Resource("edge", perEdge * perDevice * demand[1] / s.tiers().edge().cores()));
            }
            Link wan = s.links().wan();
            if (wan != null && edges > 0 && clouds > 0) {
                int feeding = wan.shared() ? perCloud : perEdge;
                out.add(new Resource("wan", feeding * perDevice * demand[4] * 8 / wan.bandwidthBps()));
            }
            if (clouds > 0) {
                out.add(new Resource("cloud", perCloud * perDevice * demand[2] / s.tiers().cloud().cores()));
            }
            for (Resource r : out) {
                bottleneck = Math.max(bottleneck, r.load());
            }
        }
        double total = open ? perDevice * dev.count() : Double.NaN;
        Span warmup = s.run().warmup();
        Span length = s.run().length();
        double warmSeconds = warmup instanceof Span.Time t ? t.seconds()
                : open ? ((Span.Requests) warmup).count() / total : 0;
        double measuredRequests = length instanceof Span.Requests r ? r.count()
                : open ? total * ((Span.Time) length).seconds() : Double.NaN;
        double arrivalSeconds = length instanceof Span.Time t ? warmSeconds + t.seconds()
                : open ? warmSeconds + measuredRequests / total : Double.NaN;
        // Past a load of 1 the last measured request leaves only when the bottleneck has worked off
        // everything that arrived before it, and arrivals go on meanwhile.
        double seconds = arrivalSeconds * Math.max(1, bottleneck);
        return new OfferedLoad(out, seconds, open ? total * seconds : Double.NaN, measuredRequests, open);
    }

    /** Mean seconds on device, edge, cloud and bytes over uplink and WAN of one request: [5]. */
    private static double[] meanDemand(Scenario s, long baseSeed) {
        Planner planner = new Planner(s);
        Link up = s.links().uplink();
        Decision d = Policies.of(s).decide(up == null ? Double.NaN : up.bandwidthBps());
        planner.apply(d.placement(), d.exitRule());
        Streams streams = Streams.of(s, 0, baseSeed);
        double[] sum = new double[5];
        int devices = s.tiers().device().count();
        for (int i = 0; i < SAMPLES; i++) {
            Request r = planner.newRequest(i % devices, 0, 0.0, false, streams);
            sum[0] += r.compute[Request.DEVICE];
            sum[1] += r.compute[Request.EDGE];
            sum[2] += r.compute[Request.CLOUD];
            sum[3] += r.crossesUplink ? r.uplinkBytes : 0;
            sum[4] += r.crossesWan ? r.wanBytes : 0;
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= SAMPLES;
        }
        return sum;
    }

    /** Requests per second of one device, NaN for a closed loop. */
    private static double perDeviceRate(Arrival a) {
        if (a instanceof Arrival.Poisson p) {
            return p.ratePerSecond();
        }
        if (a instanceof Arrival.Deterministic d) {
            return 1 / d.intervalSeconds();
        }
        return Double.NaN;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** The busiest station of each tier present, in path order (empty for a closed loop). */
    public List<Resource> resources() {
        return resources;
    }

    /** Simulated seconds a replication spans, warm-up and drain included (NaN for a closed loop of requests). */
    public double seconds() {
        return seconds;
    }

    /** Requests a replication creates (NaN for a closed loop). */
    public double births() {
        return births;
    }

    /** Requests a replication measures: as asked, or expected in its time window (NaN: closed loop, time window). */
    public double measured() {
        return measured;
    }

    /** Whether arrivals are open (Poisson or deterministic), so that loads are known. */
    public boolean open() {
        return open;
    }
}
