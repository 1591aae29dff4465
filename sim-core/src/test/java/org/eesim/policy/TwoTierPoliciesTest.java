package org.eesim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.TimeStats;
import org.eesim.scenario.Link;
import org.eesim.scenario.Links;
import org.eesim.scenario.Placement;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.TierSpec;
import org.eesim.scenario.Tiers;
import org.eesim.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * Neurosurgeon and TinyML on a hand-made three-layer network between a device and a cloud,
 * against costs worked out by hand.
 *
 * <p>Layers (profiled s): 0.010, 0.030, 0.020; outputs 40,000, 5,000, 100 B; input 100,000 B;
 * branch b1 after layer 1 (0.002 s) exits every sample with confidence 0.9 (half of them).
 * Device speed 0.5, cloud speed 4; uplink delay 10 ms.
 * Device times 0.020, 0.060, 0.040; cloud 0.0025, 0.0075, 0.005.
 * Without exits, at rate R (bps): cut 0: 800,000/R + 0.010 + 0.015; cut 1: 0.020 + 320,000/R
 * + 0.010 + 0.0125; cut 2: 0.080 + 40,000/R + 0.010 + 0.005; cut 3: 0.120.
 * At 8 Mbps: 0.125, 0.0825, 0.1, 0.12 -> cut 1. At 100 Mbps: 0.033, 0.0457, 0.0954, 0.12 -> cut 0.
 * At 1 Mbps: 0.825, 0.3625, 0.135, 0.12 -> cut 3.
 */
class TwoTierPoliciesTest {

    static Profile profile() {
        List<Layer> layers = List.of(new Layer("l1", TimeStats.constant(0.010), 40_000, List.of(), 0),
                new Layer("l2", TimeStats.constant(0.030), 5_000, List.of(), 0),
                new Layer("l3", TimeStats.constant(0.020), 100, List.of(), 0));
        float[] conf = {0.9f, 1f, 0.1f, 1f};
        Condition.Trace t = new Condition.Trace("pristine", Map.of(), 2, 2, conf, new float[4],
                new boolean[] {true, true, false, true});
        return new Profile("hand", "", Map.of(), 100_000, layers,
                List.of(new Branch("b1", 1, TimeStats.constant(0.002))), Map.of("pristine", t), "test");
    }

    static Scenario scenario(PolicyConfig.Kind kind, double rate) {
        Tiers tiers = new Tiers(new TierSpec(1, 1, 0.5), null, new TierSpec(1, 1, 4));
        return RandomNetworks.scenario(profile(), tiers, new Links(new Link(rate, 0.010, true), null),
                new PolicyConfig(kind, List.of(), null, false, null), 0.8);
    }

    @Test
    void neurosurgeonPicksTheHandComputedCut() {
        assertEquals(new Placement(1, 1), decide(PolicyConfig.Kind.NEUROSURGEON, 8e6).placement());
        assertEquals(0.0825, decide(PolicyConfig.Kind.NEUROSURGEON, 8e6).expectedSeconds(), 1e-12);
        assertEquals(new Placement(0, 0), decide(PolicyConfig.Kind.NEUROSURGEON, 100e6).placement());
        assertEquals(new Placement(3, 3), decide(PolicyConfig.Kind.NEUROSURGEON, 1e6).placement());
        assertEquals(Set.of("b1"), decide(PolicyConfig.Kind.NEUROSURGEON, 8e6).exitRule().disabled());
    }

    /** TinyML has no delay term: cut 1 at 8 Mbps costs 0.020 + 0.04 + 0.0125 = 0.0725, still the least. */
    @Test
    void tinyMlPicksTheHandComputedSplit() {
        assertEquals(new Placement(1, 1), decide(PolicyConfig.Kind.TINYML, 8e6).placement());
        assertEquals(0.0725, decide(PolicyConfig.Kind.TINYML, 8e6).expectedSeconds(), 1e-12);
        // at 100 Mbps: edge only 0.008 + 0.015 = 0.023; mixed at 1: 0.020 + 0.0032 + 0.0125 -> edge only
        assertEquals(new Placement(0, 0), decide(PolicyConfig.Kind.TINYML, 100e6).placement());
        assertEquals(0.023, decide(PolicyConfig.Kind.TINYML, 100e6).expectedSeconds(), 1e-12);
        // at 1 Mbps: device only 0.120 beats mixed at 2: 0.080 + 0.040 + 0.005 = 0.125
        assertEquals(new Placement(3, 3), decide(PolicyConfig.Kind.TINYML, 1e6).placement());
        assertEquals(0.120, decide(PolicyConfig.Kind.TINYML, 1e6).expectedSeconds(), 1e-12);
    }

    /** The run follows the decision: no early exit at all, and the hand-computed latency. */
    @Test
    void neurosurgeonRunsWithoutExits() {
        Map<String, Summary> m = PopexBruteForceTest.summarise(scenario(PolicyConfig.Kind.NEUROSURGEON, 8e6));
        assertEquals(0.0, m.get("exit.b1").mean());
        assertEquals(1.0, m.get("exit.final").mean());
        assertEquals(0.0825, m.get("latency.mean").mean(), 1e-9);
        assertEquals(1.0, m.get("policy.cut1").mean());
    }

    /** POPEX with the branch: half the requests stop after layer 1, which makes the device cut 1 cheaper. */
    @Test
    void popexCountsTheBranch() {
        Decision d = decide(PolicyConfig.Kind.POPEX, 8e6);
        // cut 1 with the branch on the device: 0.020 + 0.004 + 0.5 * (0.040 + 0.010 + 0.0125) = 0.05525
        assertEquals(new Placement(1, 1), d.placement());
        assertEquals(0.05525, d.expectedSeconds(), 1e-12);
        Map<String, Summary> m = PopexBruteForceTest.summarise(scenario(PolicyConfig.Kind.POPEX, 8e6));
        assertTrue(m.get("latency.mean").contains(0.05525), m.get("latency.mean").toString());
    }

    private static Decision decide(PolicyConfig.Kind kind, double rate) {
        return Policies.of(scenario(kind, rate)).decide(rate);
    }
}
