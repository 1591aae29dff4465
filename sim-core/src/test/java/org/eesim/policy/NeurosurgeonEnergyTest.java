package org.eesim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.scenario.Energy;
import org.eesim.scenario.Placement;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.Tier;
import org.eesim.scenario.TierSpec;
import org.eesim.sim.ReplicationRunner;
import org.eesim.sim.Runs;
import org.junit.jupiter.api.Test;

/**
 * Neurosurgeon's energy objective: the cut of least expected device energy, checked by hand on
 * TwoTierPoliciesTest's network, against a brute force over every cut on random networks, and
 * against a run whose measured device energy must equal the expected one.
 */
class NeurosurgeonEnergyTest {

    /** The scenario with an energy section and the energy objective. */
    static Scenario minimisingEnergy(Scenario s, Energy e) {
        PolicyConfig p = new PolicyConfig(PolicyConfig.Kind.NEUROSURGEON, List.of(), null, false, null, null, null,
                List.of(), true);
        return new Scenario(s.name(), s.sourceFile(), s.profile(), s.tiers(), s.links(), null, s.workload(),
                s.exitRule(), s.serviceTime(), s.run(), s.output(), p, e);
    }

    private static Energy energy(double idle, double busy, Energy.Radio radio) {
        return new Energy(new Energy.TierPower(idle, busy), null, new Energy.TierPower(100, 300), radio);
    }

    /**
     * Device 2 J per compute second (1 W idle, 3 W busy); radio 1 W and 0.5 J/Mb sending, a tail
     * of 0.5 s at 0.4 W (0.2 J). At 8 Mbps, cut 0 sends 800,000 bits: 0.1 + 0.4 + 0.2 = 0.7 J;
     * cut 1: 0.04 + (0.04 + 0.16) + 0.2 = 0.44 J; cut 2: 0.16 + (0.005 + 0.02) + 0.2 = 0.385 J;
     * device only: 0.24 J, the least (latency would choose cut 1). Without the tail and at 10 J
     * per compute second (1 W, 11 W): 0.5, 0.2 + 0.2 = 0.4, 0.8 + 0.025, 1.2 J: cut 1.
     */
    @Test
    void handComputedCuts() {
        Scenario base = TwoTierPoliciesTest.scenario(PolicyConfig.Kind.NEUROSURGEON, 8e6);
        Scenario tail = minimisingEnergy(base, energy(1, 3, new Energy.Radio(1, 0.5, 0, 0, 0.5, 0.4)));
        NetworkCosts costs = new NetworkCosts(tail);
        Reach all = costs.reach(Policies.of(tail).decide(8e6).exitRule());
        double[] expected = {0.7, 0.44, 0.385, 0.24};
        for (int l = 0; l <= 3; l++) {
            assertEquals(expected[l], costs.expectedDeviceJoules(l, l == 3 ? 3 : l, all, 8e6), 1e-12, "cut " + l);
        }
        Decision d = Policies.of(tail).decide(8e6);
        assertEquals(new Placement(3, 3), d.placement());
        assertEquals(0.120, d.expectedSeconds(), 1e-12, "the expected time of the cut chosen, device only");
        Scenario noTail = minimisingEnergy(base, energy(1, 11, new Energy.Radio(1, 0.5, 0, 0, 0, 0)));
        Decision e = Policies.of(noTail).decide(8e6);
        assertEquals(new Placement(1, 1), e.placement());
        assertEquals(0.0825, e.expectedSeconds(), 1e-12);
        assertEquals(new Placement(1, 1), Policies.of(base).decide(8e6).placement(), "latency: cut 1 as before");
    }

    /**
     * Random networks, tiers, links and powers: the decision's expected energy is the least over
     * every single cut, each computed here directly from the profile (no branch runs, every
     * request reaches every layer): busy-over-idle per second x device seconds of layers 1..l,
     * plus, when l < n, send power x bits / rate + per-megabit energy x megabits + a whole tail.
     */
    @Test
    void theChosenCutIsTheLeastEnergyOfAllCuts() {
        Random r = new Random(2026);
        int deviceOnly = 0;
        int offloaded = 0;
        for (int k = 0; k < 300; k++) {
            Scenario s = RandomNetworks.scenario(r, RandomNetworks.popex());
            boolean edge = r.nextBoolean();
            TierSpec dev = new TierSpec(1, 1 + r.nextInt(2), s.tiers().device().speed());
            s = new Scenario(s.name(), s.sourceFile(), s.profile(),
                    new org.eesim.scenario.Tiers(dev, edge ? s.tiers().edge() : null, edge ? null : s.tiers().cloud()),
                    new org.eesim.scenario.Links(s.links().uplink(), null), null, s.workload(), s.exitRule(),
                    s.serviceTime(), s.run(), s.output(), s.policy());
            double idle = 5 * r.nextDouble();
            Energy.Radio radio = new Energy.Radio(2 * r.nextDouble(), r.nextDouble(), 0, 0, r.nextDouble(),
                    r.nextDouble());
            Energy e = new Energy(new Energy.TierPower(idle, idle + 20 * r.nextDouble()), null, null, radio);
            Scenario m = minimisingEnergy(s, e);
            double rate = RandomNetworks.rate(r);
            Decision d = Policies.of(m).decide(rate);
            double[] byCut = bruteForce(m, rate);
            double least = java.util.Arrays.stream(byCut).min().orElseThrow();
            int cut = d.placement().cut1();
            assertEquals(least, byCut[cut], 1e-12 * Math.max(1, least), "network " + k + ": cut " + cut);
            int n = s.profile().layers().size();
            assertEquals(edge || cut == n ? n : cut, d.placement().cut2());
            assertEquals(new NetworkCosts(m).expectedSeconds(cut, d.placement().cut2(),
                    new NetworkCosts(m).reach(d.exitRule()), rate), d.expectedSeconds(), 1e-12);
            if (cut == n) {
                deviceOnly++;
            } else {
                offloaded++;
            }
        }
        System.out.println("device only " + deviceOnly + ", offloaded " + offloaded + " of 300");
        assertTrue(deviceOnly > 20 && offloaded > 20, "both outcomes are exercised");
    }

    private static double[] bruteForce(Scenario s, double rate) {
        Profile p = s.profile();
        int n = p.layers().size();
        Energy e = s.energy();
        double perSecond = (e.device().busyWatts() - e.device().idleWatts()) / s.tiers().device().cores();
        double[] j = new double[n + 1];
        for (int l = 0; l <= n; l++) {
            double compute = 0;
            for (int i = 0; i < l; i++) {
                Layer layer = p.layers().get(i);
                compute += layer.time().meanSeconds() / s.tiers().of(Tier.DEVICE).speed();
            }
            j[l] = perSecond * compute;
            if (l < n) {
                double bits = p.bytesAfter(l) * 8.0;
                j[l] += e.radio().sendWatts() * bits / rate + e.radio().sendJoulesPerMegabit() * bits / 1e6
                        + e.radio().tailWatts() * e.radio().tailSeconds();
            }
        }
        return j;
    }

    /**
     * The run follows the expected energy: requests are 10 s apart (a 0.5 s tail is never cut) and
     * nothing waits, so each replication's energy.device is the expected energy of the cut chosen:
     * 0.4 J at cut 1 without a tail; 0.24 J device only with one.
     */
    @Test
    void theMeasuredDeviceEnergyIsTheExpectedOne() {
        Scenario base = TwoTierPoliciesTest.scenario(PolicyConfig.Kind.NEUROSURGEON, 8e6);
        Scenario noTail = minimisingEnergy(base, energy(1, 11, new Energy.Radio(1, 0.5, 0, 0, 0, 0)));
        for (ReplicationRunner.Outcome o : Runs.of(noTail, 2)) {
            assertEquals(1.0, o.metrics().get("policy.cut1"));
            assertEquals(0.4, o.metrics().get("energy.device"), 1e-12);
        }
        Scenario tail = minimisingEnergy(base, energy(1, 3, new Energy.Radio(1, 0.5, 0, 0, 0.5, 0.4)));
        for (ReplicationRunner.Outcome o : Runs.of(tail, 2)) {
            assertEquals(3.0, o.metrics().get("policy.cut1"));
            assertEquals(0.24, o.metrics().get("energy.device"), 1e-12);
            assertEquals(0.0, o.metrics().get("energy.device_radio"));
        }
    }
}
