package org.eesim.sim;

import java.util.ArrayList;
import java.util.List;

import org.eesim.policy.Decision;
import org.eesim.policy.Policies;
import org.eesim.scenario.Arrival;
import org.eesim.scenario.Link;
import org.eesim.scenario.RunControl.Span;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.TierSpec;

/**
 * What a replication of a scenario asks of each resource, known before it runs: the offered
 * load of the busiest machine or link of each tier (arrivals x share that reaches it x mean
 * service time / cores; bits / bandwidth for a link), the simulated time a replication will
 * span, and how many requests it will create.
 *
 * <p>The mean service demands come from {@link #SAMPLES} requests planned by the model's own
 * {@link Planner} under the policy's first decision (so the exit rule is the simulator's, not
 * a second copy of it), without queueing. Links are taken at their nominal bandwidth, framing
 * included, a shaper's bucket left out (an upper bound: the bucket only shortens transfers). Closed
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
        Streams streams = Streams.of(s, 0, baseSeed);
        Topology topology = new Topology(s, streams.named("bandwidth/uplink"), streams.named("bandwidth/wan"));
        double[] demand = meanDemand(s, topology, streams);
        double perDevice = perDeviceRate(s.workload().arrival());
        boolean open = !Double.isNaN(perDevice);
        List<Resource> out = new ArrayList<>();
        double bottleneck = 0;
        if (open) {
            for (Topology.Kind kind : Topology.Kind.values()) {
                if (topology.stations(kind).count() > 0) {
                    // the busiest machine of the kind: the most devices feed it
                    double load = topology.maxDevicesPer(kind) * perDevice * demand[kind.ordinal()] / topology.cores(kind);
                    out.add(new Resource(kind.key(), load));
                    bottleneck = Math.max(bottleneck, load);
                }
            }
        }
        double total = open ? perDevice * s.tiers().device().count() : Double.NaN;
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

    /**
     * Mean seconds of service a request asks of each kind of resource (by {@link Topology.Kind}
     * ordinal), over the legs of requests planned as the model plans them; a link's at its
     * nominal rate. A request that does not reach a resource asks nothing of it.
     */
    private static double[] meanDemand(Scenario s, Topology topology, Streams streams) {
        Planner planner = new Planner(s, topology);
        Link up = s.links().uplink();
        Decision d = Policies.of(s).decide(up == null ? Double.NaN : up.bandwidthBps());
        planner.apply(d.placement(), d.exitRule());
        double[] sum = new double[Topology.Kind.values().length];
        int devices = s.tiers().device().count();
        for (int i = 0; i < SAMPLES; i++) {
            Request r = planner.newRequest(i % devices, 0, 0.0, false, streams);
            for (int k = 0; k < r.legCount; k++) {
                Topology.Kind kind = Topology.Kind.of(r.legKind[k]);
                LinkModel link = topology.linkOf(kind);
                sum[r.legKind[k]] += link == null ? r.legWork[k]
                        : link.nominalSeconds(r.legWork[k], Topology.returning(kind));
            }
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
