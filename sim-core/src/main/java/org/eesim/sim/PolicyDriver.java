package org.eesim.sim;

import java.util.Map;

import org.eesim.policy.Decision;
import org.eesim.policy.OffloadPolicy;
import org.eesim.policy.Policies;
import org.eesim.policy.ThresholdController;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.Scenario;

/**
 * The policy of one replication at work: its first decision, the uplink monitor's probes that
 * may make it decide again, and the threshold controller that learns from latencies. It tells
 * the {@link Planner} what to plan new requests with; requests keep what they were born with.
 */
final class PolicyDriver {

    private final Clock events;
    private final Planner planner;
    private final OffloadPolicy policy;
    private final UplinkMonitor monitor;
    private final LinkModel uplink;
    private final ThresholdController controller;
    private final PolicyTrace trace = new PolicyTrace();
    private final boolean reported;
    private Decision current;
    private double estimate = Double.NaN;

    PolicyDriver(Clock events, Scenario s, Planner planner, LinkModel uplink, Streams streams) {
        this.events = events;
        this.planner = planner;
        this.uplink = uplink;
        this.policy = Policies.of(s);
        PolicyConfig.Monitor m = s.policy().monitor();
        this.monitor = m == null ? null : new UplinkMonitor(m, streams.named("monitor"));
        PolicyConfig.Adaptation a = s.policy().adaptation();
        this.controller = a == null ? null : new ThresholdController(a, s.exitRule());
        this.reported = s.policy().kind() != PolicyConfig.Kind.FIXED || controller != null;
        decide(s.links().uplink() == null ? Double.NaN : s.links().uplink().bandwidthBps());
    }

    /** Schedules the monitor's first probe, when there is a monitor. */
    void start() {
        if (monitor != null) {
            events.at(monitor.periodSeconds(), this::probe);
        }
    }

    /** Probes the uplink now; the sample is known after the monitor's lag. */
    private void probe() {
        double now = events.now();
        double sample = monitor.sample(uplink.rateAt(now));
        events.at(now + monitor.lagSeconds(), () -> {
            double e = monitor.add(sample);
            if (e != estimate) {
                estimate = e;
                decide(e);
            }
        });
        events.at(now + monitor.periodSeconds(), this::probe);
    }

    /** Asks the policy again with the uplink estimate {@code uplinkBps}; applies what it decides. */
    private void decide(double uplinkBps) {
        current = policy.decide(uplinkBps);
        apply();
        trace.decided(current);
    }

    /** The policy's current cuts, with the controller's threshold when one adapts it. */
    private void apply() {
        planner.apply(current.placement(), controller == null ? current.exitRule() : controller.apply(current.exitRule()));
    }

    /**
     * A request ended at {@code end} after {@code latency}: a controller learns it then, not
     * when its last station admitted it, which can be earlier.
     */
    void completed(double end, double latency) {
        if (controller != null) {
            events.at(end, () -> {
                if (controller.observe(latency)) {
                    apply();
                    trace.thresholdChanged();
                }
            });
        }
    }

    void measured(Request r) {
        trace.record(r);
    }

    /** The policy's metrics, for runs whose policy is not fixed (fixed runs keep the metrics they always had). */
    void putInto(Map<String, Double> m) {
        if (reported) {
            trace.putInto(m);
        }
    }
}
