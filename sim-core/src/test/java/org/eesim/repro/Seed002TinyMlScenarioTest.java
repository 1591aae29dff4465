package org.eesim.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eesim.policy.Decision;
import org.eesim.policy.Policies;
import org.eesim.profile.Profile;
import org.eesim.scenario.Link;
import org.eesim.scenario.Links;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.eesim.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 in simulation (scenarios/seed-002-tinyml.yaml, the test model's logged ESP32 times):
 * at 4 Mbps the stated rule splits after layer 4 and sends 32 B; the published indexing charges
 * the device for two layers but prices the output of layer 3 (2,048 B), so it splits after layer
 * 2 and actually sends 82,944 B. The simulated mean latency of each must equal the hand sum of
 * mean layer times (device, then edge at speed 1.7) and bytes * 8 / rate, within the 99.9%
 * Student-t interval of 10 replications (layer times resampled from the 180 logged ones).
 */
class Seed002TinyMlScenarioTest {

    static Scenario at(double bps, boolean published) throws Exception {
        Scenario s = ScenarioReader.read(Path.of("../scenarios/seed-002-tinyml.yaml"));
        PolicyConfig p = new PolicyConfig(PolicyConfig.Kind.TINYML, List.of(), null, published, null);
        return new Scenario(s.name(), s.sourceFile(), s.profile(), s.tiers(), new Links(new Link(bps, 0, true), null),
                null, s.workload(), s.exitRule(), s.serviceTime(), s.run(), s.output(), p);
    }

    static double byHand(Profile p, int cut, double bps) {
        double t = 0;
        for (int j = 1; j <= 5; j++) {
            t += p.layers().get(j - 1).time().meanSeconds() / (j <= cut ? 1 : 1.7);
        }
        return t + (cut < 5 ? p.bytesAfter(cut) * 8.0 / bps : 0);
    }

    @Test
    void statedAndPublishedSplitsAtFourMbps() throws Exception {
        for (boolean published : new boolean[] {false, true}) {
            Scenario s = at(4e6, published);
            Decision d = Policies.of(s).decide(4e6);
            int cut = published ? 2 : 4;
            assertEquals(cut, d.placement().cut1(), published ? "published" : "stated");
            assertEquals(5, d.placement().cut2(), "the rest at the edge");
            Summary lat = Seed003PopexTest.latency(s);
            double hand = byHand(s.profile(), cut, 4e6);
            System.out.println((published ? "published" : "stated") + ": cut " + cut + ", by hand " + hand + ", " + lat);
            assertTrue(lat.contains(hand), hand + " outside " + lat);
        }
    }
}
