package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.eesim.scenario.Answer;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Framing;
import org.eesim.scenario.Link;
import org.eesim.scenario.Placement;
import org.eesim.scenario.TierSpec;
import org.eesim.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * The testbed's mechanisms against hand computations: the answer's way back (issue 12), the
 * token-bucket shaper, framing, per-message costs. With one device sending every 10 s nothing
 * waits and every bucket is full at each start, so a path's latency is a sum computed by hand,
 * exactly (1e-12 s), not within an interval.
 */
class LinkMechanismsTest {

    static final Framing UP_FRAMING = new Framing(200, 66, 1448);
    static final Framing WAN_FRAMING = new Framing(100, 66, 1448);
    static final Link UP = new Link(10e6, 0.005, true, 0, null, 1600, UP_FRAMING);
    static final Link WAN = new Link(100e6, 0.020, true, 0, null, 0, WAN_FRAMING);

    @Test
    void framingByHand() {
        // 20000 + 200 = 20200 B in 14 packets of at most 1448 B (13 x 1448 = 18824): + 14 x 66 = 924
        assertEquals(21124, UP_FRAMING.wireBytes(20000, true), 1e-9);
        // an answer carries its own header: 120 B, one packet
        assertEquals(186, UP_FRAMING.wireBytes(120, false), 1e-9);
        assertEquals(1448 + 66, new Framing(0, 66, 1448).wireBytes(1448, true), 1e-9, "exactly one full packet");
        assertEquals(1449 + 132, new Framing(0, 66, 1448).wireBytes(1449, true), 1e-9, "one byte more: two");
        assertEquals(500, Framing.NONE.wireBytes(500, true), 0, "no framing: the payload");
    }

    @Test
    void tokenBucketByHand() {
        // 8 Mbps = 1e6 B/s, a bucket of 1000 B
        Link l = new Link(8e6, 0, true, 0, null, 1000, Framing.NONE);
        Resources t = new LinkModel(l, null).transmitters(new Stations("t", 2, 1), false);
        assertEquals(0.002, t.serve(0, 0, 3000), 1e-15, "full bucket: (3000 - 1000) B at 1e6 B/s");
        assertEquals(0.0025, t.serve(0, 0, 500), 1e-15, "queued behind it, the bucket empty: 500 B at the rate");
        assertEquals(0.0005, t.serve(1, 0, 1500), 1e-15, "the other transmitter has its own full bucket");
        assertEquals(10.0, t.serve(0, 10, 400), 1e-15, "10 s later the bucket is full again: 400 B pass at once");
        assertEquals(10.0004, t.serve(0, 10.0001, 1000), 1e-12, "600 B left + 100 B refilled: 300 B to wait for");
        // without a bucket the same transfers take their full time
        Resources plain = new LinkModel(new Link(8e6, 0, true), null).transmitters(new Stations("p", 1, 1), false);
        assertEquals(0.003, plain.serve(0, 0, 3000), 1e-15);
    }

    /** Device l1 (+ b1), edge l2..l3 (+ b2), cloud l4, the PathOracleTest network, every mechanism on. */
    static Fixtures.ScenarioBuilder path(ExitRule rule, boolean answer) {
        var b = PathOracleTest.threeTiers(rule);
        b.device = new TierSpec(1, 1, PathOracleTest.DEV_SPEED, 0.001);
        b.edge = new TierSpec(1, 1, PathOracleTest.EDGE_SPEED, 0.002);
        b.cloud = new TierSpec(1, 1, PathOracleTest.CLOUD_SPEED, 0.003);
        b.uplink = UP;
        b.wan = WAN;
        b.placement = new Placement(1, 3);
        b.answer = answer ? new Answer(120) : null;
        b.run = Fixtures.requests(200, 0, 2, 5);
        return b;
    }

    static final ExitRule ALL_TO_THE_CLOUD = new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of(), Set.of("b1", "b2"));

    @Test
    void theWholePathByHand() {
        // device: l1 20 ms / 0.5 + 1 ms per message                            = 21 ms
        // uplink: 21124 B on the wire, 1600 B of it from the full bucket:
        //         19524 B * 8 / 10 Mbps = 15.6192 ms, + 5 ms delay              = 20.6192 ms
        // edge:   (l2 + l3) 50 ms / 2 + 2 ms per message (b2 disabled)         = 27 ms
        // WAN:    800 + 100 B = 900 B, one packet: 966 B * 8 / 100 Mbps = 0.07728 ms, + 20 ms
        // cloud:  l4 40 ms / 4 + 3 ms per message                              = 13 ms
        // back:   the 120 B answer, 186 B on the wire: 0.01488 ms on the WAN + 20 ms, then at
        //         once from the downlink's full bucket + 5 ms
        double forward = 0.021 + 0.0156192 + 0.005 + 0.027 + 0.00007728 + 0.020 + 0.013;
        double back = 0.00001488 + 0.020 + 0.005;
        Map<String, Summary> with = Fixtures.summarise(path(ALL_TO_THE_CLOUD, true).build());
        assertEquals(forward + back, with.get("latency.mean").mean(), 1e-12);
        assertEquals(0, with.get("latency.mean").sd(), 1e-12, "no request waits: every latency is the same");
        Map<String, Summary> without = Fixtures.summarise(path(ALL_TO_THE_CLOUD, false).build());
        assertEquals(forward, without.get("latency.mean").mean(), 1e-12, "no answer section: ends in the cloud");
        assertTrue(with.containsKey("util.downlink") && with.containsKey("util.wan_down"), with.keySet().toString());
        assertFalse(without.containsKey("util.downlink"), "no return transmitters without an answer section");
        assertEquals(0, with.get("util.downlink").mean(), 1e-15, "the answer passed on the bucket alone");
        // the bytes metrics stay the tensors' payloads
        assertEquals(20000, with.get("bytes.uplink").mean(), 1e-9);
        assertEquals(800, with.get("bytes.wan").mean(), 1e-9);
    }

    @Test
    void aRequestAnsweredOnTheDeviceSendsNothingBack() {
        ExitRule atB1 = new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.0, Map.of(), Set.of());
        Map<String, Summary> s = Fixtures.summarise(path(atB1, true).build());
        // (l1 10 ms + b1 2 ms) / 0.5 + 1 ms per message
        assertEquals(0.025, s.get("latency.mean").mean(), 1e-12);
        assertEquals(0, s.get("offload.device_to_next").mean(), 0);
    }

    @Test
    void aLogNormalPerMessageCostHasItsMeanAndSd() {
        // everything on the device, exiting at b1: l1 + b1 = 24 ms at speed 0.5, plus a cost of
        // mean 10 ms and sd 5 ms drawn per request; 20 replications of 200 requests (one per 10 s)
        var b = path(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.0, Map.of(), Set.of()), false);
        b.device = new TierSpec(1, 1, PathOracleTest.DEV_SPEED, 0.010, 0.005);
        b.run = Fixtures.requests(200, 0, 20, 5);
        Map<String, Summary> s = Fixtures.summarise(b.build(), 0.999);
        // 99.9% interval over 20 replications: the mean's standard error is 5 ms / sqrt(4000) = 0.08 ms
        assertTrue(s.get("latency.mean").contains(0.034), s.get("latency.mean").toString());
        // log-normal with mean m and sd s: median m / sqrt(1 + s^2/m^2) = 10 / sqrt(1.25) = 8.944 ms
        assertEquals(0.024 + 0.008944, s.get("latency.p50").mean(), 0.0004, "the median of a log-normal");
        assertTrue(s.get("latency.max").mean() > 0.024 + 0.030, "a long right tail");
    }

    @Test
    void anEdgeWithoutLayersStillHandlesTheMessageItsCostSays() {
        var b = path(ALL_TO_THE_CLOUD, true);
        b.placement = new Placement(1, 1); // nothing at the edge: it forwards
        // uplink as above; WAN: l1's 20000 B + 100 B = 20100 B, 14 packets: 21024 B = 1.68192 ms + 20 ms;
        // cloud: (l2 + l3 + l4) / 4 = 22.5 ms + 3 ms; the edge's 2 ms per message is paid on the way
        double expected = 0.021 + 0.0156192 + 0.005 + 0.002 + 0.00168192 + 0.020 + 0.0255
                + 0.00001488 + 0.020 + 0.005;
        assertEquals(expected, Fixtures.summarise(b.build()).get("latency.mean").mean(), 1e-12);
    }

    /**
     * Over 2 edges (round robin), 2 clouds and an unshared WAN, the way back takes the return
     * transmitter beside the forward one the request used: the same WAN member, the same access
     * point; in path order, after the cloud. Without an answer section those kinds have no members.
     */
    @Test
    void theWayBackUsesTheReturnTransmittersBesideTheForwardOnes() {
        var b = PathOracleTest.threeTiers(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, 0.8, Map.of(), Set.of()));
        b.device = new TierSpec(3, 1, 0.5);
        b.edge = new TierSpec(2, 1, 2);
        b.cloud = new TierSpec(2, 1, 4);
        b.uplink = Fixtures.link(10e6, 0.005, true);
        b.wan = Fixtures.link(100e6, 0.020, false);
        b.assignment = org.eesim.scenario.EdgeAssignment.ROUND_ROBIN;
        b.answer = new Answer(120);
        var s = b.build();
        Topology t = new Topology(s, null, null);
        assertEquals(t.stations(Topology.Kind.WAN).count(), t.stations(Topology.Kind.WAN_DOWN).count());
        assertEquals(t.stations(Topology.Kind.UPLINK).count(), t.stations(Topology.Kind.DOWNLINK).count());
        assertEquals(t.maxDevicesPer(Topology.Kind.WAN), t.maxDevicesPer(Topology.Kind.WAN_DOWN), 0);
        assertEquals(t.maxDevicesPer(Topology.Kind.UPLINK), t.maxDevicesPer(Topology.Kind.DOWNLINK), 0);
        Planner p = new Planner(s, t);
        Streams streams = Streams.of(s, 0);
        int crossedWan = 0;
        for (int k = 0; k < 200; k++) {
            Request r = p.newRequest(k % 3, 0, k, true, streams);
            int[] member = new int[Topology.Kind.values().length];
            java.util.Arrays.fill(member, -1);
            for (int i = 0; i < r.legCount; i++) {
                member[r.legKind[i]] = r.legMember[i];
            }
            int last = r.legCount == 0 ? -1 : r.legKind[r.legCount - 1];
            if (!r.crossesUplink) {
                assertEquals(-1, member[Topology.Kind.DOWNLINK.ordinal()], "answered on its device: nothing sent back");
                continue;
            }
            assertEquals(Topology.Kind.DOWNLINK.ordinal(), last, "the downlink is the last leg");
            assertEquals(member[Topology.Kind.UPLINK.ordinal()], member[Topology.Kind.DOWNLINK.ordinal()]);
            assertEquals(member[Topology.Kind.WAN.ordinal()], member[Topology.Kind.WAN_DOWN.ordinal()]);
            if (r.crossesWan) {
                crossedWan++;
                assertEquals(t.wanOfEdge(r.edge), member[Topology.Kind.WAN_DOWN.ordinal()]);
                assertEquals(Topology.Kind.WAN_DOWN.ordinal(), r.legKind[r.legCount - 2], "after the cloud");
            }
        }
        assertTrue(crossedWan > 10, crossedWan + " requests reached the cloud");
        b.answer = null;
        Topology without = new Topology(b.build(), null, null);
        assertEquals(0, without.stations(Topology.Kind.WAN_DOWN).count());
        assertEquals(0, without.stations(Topology.Kind.DOWNLINK).count());
        assertEquals(-1, without.of(Topology.Kind.DOWNLINK, 0));
        assertEquals(-1, without.wanDownOfEdge(0));
    }
}
