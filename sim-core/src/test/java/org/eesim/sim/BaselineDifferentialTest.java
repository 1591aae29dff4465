package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Link;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DSOL model (one event per station visit, end times computed at admission) and the textbook
 * loop (arrival and departure events, explicit queues) share the planner and the streams, so on
 * the same seed they see identical requests: every metric must agree to rounding, under load, on
 * shared and private links, with open and closed arrivals.
 */
class BaselineDifferentialTest {

    private static Fixtures.ScenarioBuilder loaded(boolean sharedLinks) {
        var b = PathOracleTest.threeTiers(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of(), Set.of()));
        b.device = new TierSpec(6, 1, 0.5);
        b.edge = new TierSpec(2, 2, 1);
        b.cloud = new TierSpec(1, 3, 2);
        b.uplink = new Link(2e6, 0.004, sharedLinks);
        b.wan = new Link(5e6, 0.010, sharedLinks);
        b.arrival = new Arrival.Poisson(8);
        b.time = ServiceTimeModel.EXPONENTIAL;
        b.run = Fixtures.requests(5_000, 500, 2, 21);
        return b;
    }

    private static void assertSame(org.eesim.scenario.Scenario s) {
        for (int rep = 0; rep < s.run().replications(); rep++) {
            Map<String, Double> dsol = ReplicationRunner.run(s, rep).metrics();
            Map<String, Double> bare = new BaselineLoop(s, rep).run();
            assertEquals(dsol.keySet(), bare.keySet());
            for (String k : dsol.keySet()) {
                double a = dsol.get(k);
                double b = bare.get(k);
                assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)), k + " (replication " + rep + ")");
            }
            System.out.println("replication " + rep + ": latency.mean " + dsol.get("latency.mean") + ", util.edge "
                    + dsol.get("util.edge") + ", queue.uplink " + dsol.get("queue.uplink"));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void openArrivalsUnderLoad(boolean shared) {
        assertSame(loaded(shared).build());
    }

    @Test
    void closedLoopWithTimeWindows() {
        var b = loaded(true);
        b.arrival = new Arrival.Closed(3, 0.05, true);
        b.run = new RunControl(new RunControl.Span.Time(200), new RunControl.Span.Time(20), 2, 22);
        assertSame(b.build());
    }

    @Test
    void nothingOnTheDeviceOrEdge() {
        var b = loaded(true);
        b.placement = new org.eesim.scenario.Placement(0, 0);
        b.arrival = new Arrival.Poisson(2);
        assertSame(b.build());
    }
}
