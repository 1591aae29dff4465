package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.EdgeAssignment;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Placement;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.eesim.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * Which edge serves a request: the planner's choice checked request by request against the rule
 * (round robin, least loaded on hand-set station states), the route following the chosen edge,
 * and a run whose latency is known exactly only if the edges share the load.
 */
class EdgeAssignmentTest {

    /** PathOracleTest's network (b1 on the device, b2 at the edge, final in the cloud) over 2 edges, 2 clouds. */
    private static Scenario twoEdges(EdgeAssignment a, int devices) {
        var b = PathOracleTest.threeTiers(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of(), Set.of()));
        b.device = new TierSpec(devices, 1, 0.5);
        b.edge = new TierSpec(2, 1, 2);
        b.cloud = new TierSpec(2, 1, 4);
        b.uplink = Fixtures.link(10e6, 0.005, true);
        b.wan = Fixtures.link(100e6, 0.020, false);
        b.assignment = a;
        return b.build();
    }

    @Test
    void roundRobinTakesTheEdgesInTurnAndRequestsThatStayTakeNoTurn() {
        Scenario s = twoEdges(EdgeAssignment.ROUND_ROBIN, 3);
        Topology t = new Topology(s, null, null);
        Planner p = new Planner(s, t);
        Streams streams = Streams.of(s, 0);
        int turn = 0;
        int stayed = 0;
        for (int k = 0; k < 200; k++) {
            int device = k % 3;
            Request r = p.newRequest(device, 0, k, true, streams);
            if (!r.crossesUplink) {
                assertEquals(device % 2, r.edge, "a request that stays keeps its static edge");
                stayed++;
                continue;
            }
            assertEquals(turn, r.edge, "request " + k);
            turn = 1 - turn;
            assertRoute(t, r, device);
        }
        assertTrue(stayed > 20 && stayed < 180, "both kinds of request were seen: " + stayed + " stayed");
    }

    /** The uplink is the device's access point; edge, WAN and cloud are those of the chosen edge. */
    private static void assertRoute(Topology t, Request r, int device) {
        for (int i = 0; i < r.legCount; i++) {
            int m = r.legMember[i];
            switch (Topology.Kind.of(r.legKind[i])) {
                case DEVICE -> assertEquals(device, m);
                case UPLINK -> assertEquals(t.of(Topology.Kind.UPLINK, device), m, "access point of the static edge");
                case EDGE -> assertEquals(r.edge, m);
                case WAN -> assertEquals(t.wanOfEdge(r.edge), m);
                case CLOUD -> assertEquals(t.cloudOfEdge(r.edge), m);
                default -> throw new AssertionError();
            }
        }
        assertEquals("cloud-" + r.edge % 2, t.stations(Topology.Kind.CLOUD).name(t.cloudOfEdge(r.edge)),
                "edge e -> cloud e mod 2");
        assertEquals("wan-" + r.edge, t.stations(Topology.Kind.WAN).name(t.wanOfEdge(r.edge)), "unshared WAN: one per edge");
    }

    @Test
    void staticIsDeviceModEdges() {
        Scenario s = twoEdges(EdgeAssignment.STATIC, 5);
        Topology t = new Topology(s, null, null);
        Planner p = new Planner(s, t);
        Streams streams = Streams.of(s, 0);
        for (int k = 0; k < 50; k++) {
            Request r = p.newRequest(k % 5, 0, k, true, streams);
            assertEquals(k % 5 % 2, r.edge);
            assertEquals(t.of(Topology.Kind.EDGE, k % 5), r.edge);
        }
    }

    /**
     * Least loaded on station states set by hand (edges of one core, jobs of 2 s): edge 0 busy
     * until 5 s, edge 1 until 3 s. At t = 1, edge 1 frees first (3 < 5); its job keeps it busy to
     * 5 s. At t = 2 both free at 5 s: the tie goes to edge 0, busy to 7 s. At t = 6 edge 1 is
     * idle (5 <= 6), edge 0 is not: edge 1, busy to 8 s. At t = 9 both are idle: edge 0, to 11 s.
     */
    @Test
    void leastLoadedTakesTheEdgeFreeFirstAtBirth() {
        var b = Fixtures.builder(Fixtures.oneLayer(2.0, 0));
        b.device = new TierSpec(1, 1, 1);
        b.edge = new TierSpec(2, 1, 1);
        b.uplink = Fixtures.link(1e6, 0, true);
        b.placement = new Placement(0, 1);
        b.time = ServiceTimeModel.MEAN;
        b.assignment = EdgeAssignment.LEAST_LOADED;
        Scenario s = b.build();
        Topology t = new Topology(s, null, null);
        Planner p = new Planner(s, t);
        Streams streams = Streams.of(s, 0);
        Stations edges = t.stations(Topology.Kind.EDGE);
        edges.admit(0, 0, 5);
        edges.admit(1, 0, 3);
        int[] expected = {1, 0, 1, 0};
        double[] at = {1, 2, 6, 9};
        for (int k = 0; k < at.length; k++) {
            Request r = p.newRequest(0, 0, at[k], true, streams);
            assertEquals(expected[k], r.edge, "request at t = " + at[k]);
            int edgeLeg = r.legCount - 1;
            assertEquals(Topology.Kind.EDGE.ordinal(), r.legKind[edgeLeg]);
            assertEquals(r.edge, r.legMember[edgeLeg]);
            t.resources(Topology.Kind.EDGE).serve(r.legMember[edgeLeg], at[k], r.legWork[edgeLeg]);
        }
        assertEquals(11.0, edges.earliestFree(0));
        assertEquals(8.0, edges.earliestFree(1));
    }

    /**
     * One device, a request every second, edge service 1.5 s on edges of one core, no compute on
     * the device: one edge alone is overloaded (static), two in turn are not. Round robin sends
     * every other request to each edge (2 s apart); least loaded does the same here (at each birth
     * the edge that took the previous request is still busy). Either way no request waits, so
     * every latency is the path time exactly, and each edge is busy 1.5 s of every 2.
     */
    @Test
    void sharedEdgesServeWithoutWaitingWhereOneWouldQueue() {
        double service = 1.5;
        double path = 1_000 * 8 / 1e6 + 0.002 + service;
        for (EdgeAssignment a : new EdgeAssignment[] {EdgeAssignment.ROUND_ROBIN, EdgeAssignment.LEAST_LOADED}) {
            Map<String, Summary> s = Fixtures.summarise(edgeRun(a, service));
            assertEquals(path, s.get("latency.mean").mean(), 1e-12, a + ": no request waits");
            assertEquals(path, s.get("latency.max").mean(), path * 1e-3, a.toString());
            assertEquals(0.0, s.get("queue.edge").mean(), 1e-12, a.toString());
            assertEquals(service / 2, s.get("util.edge").mean(), 1e-3, a + ": each edge busy 1.5 s in 2");
        }
        Map<String, Summary> one = Fixtures.summarise(edgeRun(EdgeAssignment.STATIC, service));
        assertTrue(one.get("latency.mean").mean() > 100 * path, "static: edge 0 takes every request and queues "
                + one.get("latency.mean"));
    }

    private static Scenario edgeRun(EdgeAssignment a, double service) {
        var b = Fixtures.builder(Fixtures.oneLayer(service, 1_000));
        b.device = new TierSpec(1, 1, 1);
        b.edge = new TierSpec(2, 1, 1);
        b.uplink = Fixtures.link(1e6, 0.002, true);
        b.placement = new Placement(0, 1);
        b.time = ServiceTimeModel.MEAN;
        b.arrival = new Arrival.Deterministic(1);
        b.assignment = a;
        b.run = Fixtures.requests(2_000, 100, 3, 7);
        return b.build();
    }
}
