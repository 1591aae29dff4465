package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.Placement;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.eesim.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * {@code tiers.device.in_flight}: a device sends at most that many requests that are not yet
 * answered; one more waits on its device.
 *
 * <p>Oracle: one device, a limit of 1, the one layer at the edge at constant times. Only one
 * request is then ever past the device, so each takes the same round trip R (its transfer, the
 * delay, the layer) once sent, and the wait on the device is an M/D/1 queue of service R:
 * latency = R + rho R / (2 (1 - rho)), rho = lambda R (Pollaczek-Khinchine). Tolerance as in
 * {@link QueueingOracleTest}: the closed form inside the 95% Student-t interval over 10
 * replications of 100,000 requests, whose half-width must be under 3% (a lost waiting term is
 * 40% here, so it cannot pass).
 */
class InFlightOracleTest {

    private static final double LAMBDA = 1.5;
    private static final double LAYER = 0.2;
    private static final long BYTES = 1000;
    private static final double BPS = 80_000;
    private static final double DELAY = 0.1;

    private static Fixtures.ScenarioBuilder oneDeviceAtTheEdge(TierSpec device) {
        var b = Fixtures.builder(Fixtures.oneLayer(LAYER, BYTES));
        b.device = device;
        b.edge = new TierSpec(1, 1, 1);
        b.uplink = Fixtures.link(BPS, DELAY, true);
        b.placement = new Placement(0, 1);
        b.arrival = new Arrival.Poisson(LAMBDA);
        b.time = ServiceTimeModel.MEAN;
        b.run = Fixtures.requests(100_000, 5_000, 10, 21);
        return b;
    }

    @Test
    void oneInFlightIsAnMd1QueueOfTheRoundTrip() {
        Map<String, Summary> s = Fixtures.summarise(oneDeviceAtTheEdge(new TierSpec(1, 1, 1, 0, 0, 1)).build());
        double r = BYTES * 8 / BPS + DELAY + LAYER; // 0.4 s
        double rho = LAMBDA * r; // 0.6
        double expected = r + rho * r / (2 * (1 - rho)); // 0.7 s
        Summary m = s.get("latency.mean");
        String evidence = "closed form " + expected + ", simulated " + m.mean() + " [" + m.ciLow() + ", " + m.ciHigh() + "]";
        System.out.println("in_flight 1: " + evidence);
        assertTrue(m.contains(expected), evidence);
        assertTrue(m.halfWidth() < 0.03 * expected, "interval too wide to be a test: " + evidence);
        assertEquals(0.0, s.get("queue.edge").mean(), 1e-12, "one request past the device at a time: no queue at the edge");
    }

    @Test
    void aLimitNeverReachedChangesNothing() {
        // at 1.5/s, a device never has 1,000 requests unanswered: the same seeds give the same numbers
        Map<String, Summary> limited = Fixtures.summarise(oneDeviceAtTheEdge(new TierSpec(1, 1, 1, 0, 0, 1000)).build());
        Map<String, Summary> free = Fixtures.summarise(oneDeviceAtTheEdge(new TierSpec(1, 1, 1)).build());
        assertEquals(free.keySet(), limited.keySet());
        free.forEach((k, v) -> assertEquals(v.mean(), limited.get(k).mean(), 0.0, k));
        // and without the limit the edge does queue, so the first test's zero could fail
        assertTrue(free.get("queue.edge").mean() > 0.01, "queue.edge " + free.get("queue.edge").mean());
    }
}
