package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.Energy;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Placement;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.junit.jupiter.api.Test;

/**
 * Energy per request against sums worked by hand, per replication, to 1e-12 J: the path of
 * PathOracleTest (l1 and b1 on the device at speed 0.5; l2, l3 and b2 at the edge at speed 2;
 * l4 in the cloud at speed 4; 20,000 B over a 10 Mbps uplink), mean service times, one device.
 *
 * <p>Powers: device idle 1 W, busy 5 W, one core (4 J per compute second); edge 20 W and 60 W on
 * 2 cores (20 J per core-second); cloud 100 W and 300 W on 4 cores (50 J per core-second). Radio:
 * 1.5 W and 0.4 J per megabit sending, a tail of 2 s at 0.8 W.
 *
 * <p>By hand: device compute (10 + 2) ms / 0.5 = 24 ms, 0.096 J (20 ms, 0.08 J with b1
 * disabled); sending 160,000 bits takes 16 ms: 1.5 x 0.016 + 0.4 x 0.16 = 0.088 J; a whole tail
 * 1.6 J; edge (20 + 30 + 4) ms / 2 = 27 ms, 0.54 J; cloud 40 ms / 4 = 10 ms, 0.5 J.
 */
class EnergyOracleTest {

    static final Energy POWER = new Energy(new Energy.TierPower(1, 5), new Energy.TierPower(20, 60),
            new Energy.TierPower(100, 300), new Energy.Radio(1.5, 0.4, 1.0, 0.1, 2.0, 0.8));
    static final double SEND = 1.5 * 0.016 + 0.4 * 0.16;
    static final double TAIL = 2.0 * 0.8;
    static final double EDGE = 0.027 * 20;
    static final double CLOUD = 0.010 * 50;

    private static Fixtures.ScenarioBuilder path(Set<String> disabled, double interval, int requests) {
        var b = PathOracleTest.threeTiers(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of(), disabled));
        b.edge = new TierSpec(1, 2, PathOracleTest.EDGE_SPEED);
        b.cloud = new TierSpec(1, 4, PathOracleTest.CLOUD_SPEED);
        b.arrival = new Arrival.Deterministic(interval);
        b.time = ServiceTimeModel.MEAN;
        b.energy = POWER;
        b.run = Fixtures.requests(requests, 0, 4, 9);
        return b;
    }

    /**
     * A request every 10 s: every tail runs its whole 2 s. Per replication, with u the share that
     * leaves the device and c the share that reaches the cloud (the exits drawn):
     * device = 0.096 + u (0.088 + 1.6), edge = 0.54 u, cloud = 0.5 c; idle = watts x window / n.
     */
    @Test
    void wholeTailsWhenRequestsAreFarApart() {
        List<ReplicationRunner.Outcome> runs = Runs.of(path(Set.of(), 10, 500).build(), 2);
        for (ReplicationRunner.Outcome o : runs) {
            Map<String, Double> m = o.metrics();
            double u = m.get("offload.device_to_next");
            double c = m.get("offload.edge_to_cloud");
            double n = m.get("requests");
            double w = m.get("window.seconds");
            System.out.println("replication " + o.replication() + ": u = " + u + ", c = " + c + ", energy.device = "
                    + m.get("energy.device"));
            assertFalse(u == 0 || u == 1 || c == 0, "every path is taken");
            assertEquals(4 * 0.024 + u * (SEND + TAIL), m.get("energy.device"), 1e-12);
            assertEquals(u * (SEND + TAIL), m.get("energy.device_radio"), 1e-12);
            assertEquals(u * EDGE, m.get("energy.edge"), 1e-12);
            assertEquals(c * CLOUD, m.get("energy.cloud"), 1e-12);
            assertEquals(1 * w / n, m.get("energy.device_idle"), 1e-12);
            assertEquals(20 * w / n, m.get("energy.edge_idle"), 1e-12);
            assertEquals(100 * w / n, m.get("energy.cloud_idle"), 1e-12);
        }
    }

    /**
     * A request every second, b1 disabled so that every request sends: request k's transfer
     * starts 20 ms after its birth and ends 16 ms later, the next one starts 1 s after it, so each
     * tail is cut at 0.984 s, except the last measured request's: the replication ends before the
     * next transfer starts (the next request is born 1 s later, after the last answer), so that tail
     * is whole. device = 0.08 + 0.088 + ((n - 1) 0.984 + 2) 0.8 / n; every request computes at the
     * edge, 0.54 J.
     */
    @Test
    void aTailIsCutShortByTheDevicesNextTransfer() {
        int n = 1_000;
        List<ReplicationRunner.Outcome> runs = Runs.of(path(Set.of("b1"), 1, n).build(), 2);
        double tails = ((n - 1) * Math.min(2.0, 1 - 0.016) + 2.0) * 0.8 / n;
        for (ReplicationRunner.Outcome o : runs) {
            Map<String, Double> m = o.metrics();
            assertEquals(1.0, m.get("offload.device_to_next"));
            assertEquals(4 * 0.020 + SEND + tails, m.get("energy.device"), 1e-12);
            assertEquals(SEND + tails, m.get("energy.device_radio"), 1e-12);
            assertEquals(EDGE, m.get("energy.edge"), 1e-12);
            assertEquals(m.get("offload.edge_to_cloud") * CLOUD, m.get("energy.cloud"), 1e-12);
        }
    }

    /**
     * Ten devices on a shared access point with no tail: requests queue for the uplink (its
     * utilisation is 0.64), but a request is charged for its 16 ms of sending only, so every
     * request's radio energy is 0.088 J however long it waited.
     */
    @Test
    void queueingForTheUplinkCostsNoRadioEnergy() {
        var b = path(Set.of("b1"), 1, 5_000);
        b.device = new TierSpec(10, 1, PathOracleTest.DEV_SPEED);
        b.arrival = new Arrival.Poisson(4);
        b.energy = new Energy(POWER.device(), POWER.edge(), POWER.cloud(), new Energy.Radio(1.5, 0.4, 0, 0, 0, 0));
        b.run = Fixtures.requests(5_000, 500, 2, 3);
        for (ReplicationRunner.Outcome o : Runs.of(b.build(), 2)) {
            Map<String, Double> m = o.metrics();
            assertEquals(0.64, m.get("util.uplink"), 0.03);
            assertFalse(m.get("queue.uplink") < 0.1, "requests wait for the uplink: " + m.get("queue.uplink"));
            assertEquals(SEND, m.get("energy.device_radio"), 1e-12);
        }
    }

    @Test
    void noEnergySectionNoEnergyMetrics() {
        var b = path(Set.of(), 10, 100);
        b.energy = null;
        Map<String, Double> m = Runs.of(b.build(), 1).get(0).metrics();
        assertNull(m.get("energy.device"));
        assertFalse(m.keySet().stream().anyMatch(k -> k.startsWith("energy.")), m.keySet().toString());
    }

    @Test
    void onlyTheTiersPresentReportEnergy() {
        var b = Fixtures.builder(Fixtures.oneLayer(0.01, 1_000));
        b.edge = new TierSpec(1, 1, 1);
        b.uplink = Fixtures.link(1e6, 0, true);
        b.placement = new Placement(0, 1);
        b.energy = Energy.defaults(true, false);
        b.run = Fixtures.requests(100, 0, 1, 1);
        Map<String, Double> m = Runs.of(b.build(), 1).get(0).metrics();
        assertEquals(Set.of("energy.device", "energy.device_radio", "energy.edge", "energy.device_idle",
                "energy.edge_idle"), Set.copyOf(m.keySet().stream().filter(k -> k.startsWith("energy.")).toList()));
        assertEquals(0.0, m.get("energy.device") - m.get("energy.device_radio"), 1e-15, "nothing computes on the device");
    }
}
