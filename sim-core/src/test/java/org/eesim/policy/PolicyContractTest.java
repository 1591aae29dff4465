package org.eesim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.Scenario;
import org.eesim.sim.ReplicationRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One contract, every policy: valid cuts at every rate, the same decision and the same
 * replication for the same inputs, and a reaction to the uplink rate exactly when the policy
 * claims to use it (at 1 kbps any transfer costs seconds, so everything stays on the device; at
 * 100 Gbps transfers are free and the faster tiers win).
 */
class PolicyContractTest {

    static final double[] RATES = {1e3, 1e5, 1e6, 5e6, 2e7, 1e8, 1e11};

    static Scenario scenario(PolicyConfig.Kind kind, int seed) {
        PolicyConfig p = new PolicyConfig(kind, kind == PolicyConfig.Kind.POPEX ? List.of(0.3, 0.5, 0.9) : List.of(),
                null, false, null);
        return RandomNetworks.scenario(new Random(seed), p);
    }

    @ParameterizedTest
    @EnumSource(PolicyConfig.Kind.class)
    void cutsAreValidAtEveryRate(PolicyConfig.Kind kind) {
        for (int seed = 0; seed < 40; seed++) {
            Scenario s = scenario(kind, seed);
            NetworkCosts c = new NetworkCosts(s);
            OffloadPolicy p = Policies.of(s);
            for (double rate : RATES) {
                Decision d = p.decide(rate);
                assertTrue(c.valid(d.placement().cut1(), d.placement().cut2()), kind + " " + d);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PolicyConfig.Kind.class)
    void sameInputsSameDecisionAndSameRun(PolicyConfig.Kind kind) {
        Scenario s = scenario(kind, 3);
        for (double rate : RATES) {
            assertEquals(Policies.of(s).decide(rate), Policies.of(s).decide(rate));
        }
        assertEquals(ReplicationRunner.run(s, 1).metrics(), ReplicationRunner.run(s, 1).metrics());
    }

    @ParameterizedTest
    @EnumSource(PolicyConfig.Kind.class)
    void reactsToTheUplinkRateExactlyWhenItUsesIt(PolicyConfig.Kind kind) {
        for (int seed = 0; seed < 10; seed++) {
            Scenario r = scenario(kind, seed);
            // links without delay, so that at 100 Gbps a transfer really costs nothing
            Scenario s = RandomNetworks.scenario(r.profile(), r.tiers(), new org.eesim.scenario.Links(
                    new org.eesim.scenario.Link(1e6, 0, true), new org.eesim.scenario.Link(1e12, 0, true)),
                    r.policy(), 0.5);
            OffloadPolicy p = Policies.of(s);
            Decision slow = p.decide(1e3);
            Decision fast = p.decide(1e11);
            if (kind.usesUplink()) {
                int n = s.profile().layers().size();
                assertEquals(n, slow.placement().cut1(), kind + " keeps everything on the device at 1 kbps");
                // the device is the slowest tier in these networks (speed < 1.2 vs edge > 0.5, cloud > 1)
                if (s.tiers().device().speed() < Math.min(s.tiers().edge().speed(), s.tiers().cloud().speed())) {
                    assertNotEquals(slow.placement(), fast.placement(), kind + " offloads at 100 Gbps, seed " + seed);
                }
            } else {
                assertEquals(slow, fast, kind + " ignores the rate");
            }
        }
    }
}
