package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.TimeStats;
import org.eesim.scenario.Arrival;
import org.eesim.scenario.Placement;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.ServiceTimeModel;
import org.eesim.scenario.TierSpec;
import org.junit.jupiter.api.Test;

/** Offered loads and run sizes against hand computations. */
class OfferedLoadTest {

    private static double load(OfferedLoad l, String tier) {
        return l.resources().stream().filter(r -> r.tier().equals(tier)).findFirst().orElseThrow().load();
    }

    @Test
    void aDeviceServingEveryRequestHasLoadLambdaTimesServiceOverSpeed() {
        var b = Fixtures.builder(Fixtures.oneLayer(0.2, 0));
        b.time = ServiceTimeModel.MEAN;
        b.arrival = new Arrival.Poisson(1.75);
        b.device = new TierSpec(3, 1, 0.5);
        b.run = Fixtures.requests(9_000, 600, 2, 1);
        OfferedLoad l = OfferedLoad.of(b.build(), 1);
        // 1.75/s x 0.2 s / speed 0.5 on one core
        assertEquals(0.7, load(l, "device"), 1e-12);
        // 9,600 births from 3 devices at 1.75/s each: 1,828.57 s, no queue to drain
        assertEquals(9_600 / (3 * 1.75), l.seconds(), 1e-9);
        assertEquals(9_600, l.births(), 1e-6);
        assertEquals(9_000, l.measured());
    }

    @Test
    void edgesSharedInTurnSplitTheDevicesEvenly() {
        var b = Fixtures.builder(Fixtures.oneLayer(0.3, 1_000));
        b.time = ServiceTimeModel.MEAN;
        b.arrival = new Arrival.Deterministic(2.0); // 0.5/s per device
        b.device = new TierSpec(3, 1, 1);
        b.edge = new TierSpec(2, 1, 1);
        b.uplink = Fixtures.link(100_000, 0.01, true);
        b.placement = new Placement(0, 1);
        // static: devices 0 and 2 on edge 0 (and its access point): 1/s x 0.3 s
        assertEquals(0.3, load(OfferedLoad.of(b.build(), 1), "edge"), 1e-12);
        b.assignment = org.eesim.scenario.EdgeAssignment.ROUND_ROBIN;
        OfferedLoad l = OfferedLoad.of(b.build(), 1);
        // in turn: 1.5/s over 2 edges; the access points stay the devices' own (2 devices on one)
        assertEquals(0.75 * 0.3, load(l, "edge"), 1e-12);
        assertEquals(1.0 * 8_000 / 100_000, load(l, "uplink"), 1e-12);
    }

    @Test
    void aSharedUplinkAndAnEdgeAddUpTheirDevices() {
        var b = Fixtures.builder(Fixtures.oneLayer(0.3, 1_000));
        b.time = ServiceTimeModel.MEAN;
        b.arrival = new Arrival.Deterministic(2.0); // 0.5/s per device
        b.device = new TierSpec(8, 1, 1);
        b.edge = new TierSpec(2, 3, 1.5);
        b.uplink = Fixtures.link(100_000, 0.01, true);
        b.placement = new Placement(0, 1);
        OfferedLoad l = OfferedLoad.of(b.build(), 1);
        assertEquals(0, load(l, "device"), 0);
        // 4 devices per edge machine (d mod 2) and per access point: 2/s x 8,000 bits / 100 kbps
        assertEquals(0.16, load(l, "uplink"), 1e-12);
        // 2/s x 0.3 s / 1.5 on 3 cores
        assertEquals(2 * 0.3 / 1.5 / 3, load(l, "edge"), 1e-12);
        assertEquals(List.of("device", "uplink", "edge"), l.resources().stream().map(OfferedLoad.Resource::tier).toList());
    }

    @Test
    void pastALoadOfOneTheRunLastsUntilTheBottleneckHasDrained() {
        var b = Fixtures.builder(Fixtures.oneLayer(0.5, 0));
        b.time = ServiceTimeModel.MEAN;
        b.arrival = new Arrival.Poisson(4); // load 2
        b.run = new RunControl(new RunControl.Span.Time(100), new RunControl.Span.Time(10), 1, 1);
        OfferedLoad l = OfferedLoad.of(b.build(), 1);
        assertEquals(2, load(l, "device"), 1e-12);
        // 110 s of arrivals take 220 s to serve; arrivals go on meanwhile
        assertEquals(220, l.seconds(), 1e-9);
        assertEquals(4 * 220, l.births(), 1e-9);
        assertEquals(400, l.measured(), 1e-9);
    }

    /**
     * Half the inputs exit at b1 on the device (confidence 0.9 against a threshold of 0.8): only
     * the other half crosses the uplink. The share is estimated from 1,000 planned requests, so
     * its standard error is sqrt(0.25/1000) = 0.016; 0.07 is over four of them (seeded, so the
     * test cannot flake, but a wrong reach probability of 1 or 0 would fail it).
     */
    @Test
    void onlyTheRequestsThatReachALinkLoadIt() {
        Layer first = new Layer("a", TimeStats.constant(0.01), 4_000, List.of(), 0);
        Layer second = new Layer("b", TimeStats.constant(0.02), 40, List.of(), 0);
        Condition.Trace half = new Condition.Trace("pristine", Map.of(), 2, 2, new float[] {0.9f, 1f, 0.1f, 1f},
                new float[4], new boolean[] {true, true, true, true});
        Profile p = new Profile("half", "", Map.of(), 8_000, List.of(first, second),
                List.of(new Branch("b1", 1, TimeStats.constant(0.001))), Map.of("pristine", half), "test");
        var b = Fixtures.builder(p);
        b.time = ServiceTimeModel.MEAN;
        b.arrival = new Arrival.Poisson(10);
        b.edge = new TierSpec(1, 1, 1);
        b.uplink = Fixtures.link(1e6, 0, true);
        b.placement = new Placement(1, 2);
        OfferedLoad l = OfferedLoad.of(b.build(), 7);
        double reach = load(l, "uplink") / (10 * 32_000 / 1e6);
        assertEquals(0.5, reach, 0.07);
        assertEquals(0.5, load(l, "edge") / (10 * 0.02), 0.07);
        assertEquals(reach, load(l, "edge") / (10 * 0.02), 1e-9, "the same requests cross and reach the edge");
        // every request runs layer a and branch b1 on the device
        assertEquals(10 * 0.011, load(l, "device"), 1e-12);
    }

    @Test
    void aClosedLoopLimitsItselfAndHasNoLoad() {
        var b = Fixtures.builder(Fixtures.oneLayer(0.5, 0));
        b.arrival = new Arrival.Closed(3, 1, true);
        OfferedLoad l = OfferedLoad.of(b.build(), 1);
        assertFalse(l.open());
        assertTrue(l.resources().isEmpty());
        assertTrue(Double.isNaN(l.births()));
    }
}
