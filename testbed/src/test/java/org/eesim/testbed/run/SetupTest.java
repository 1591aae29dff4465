package org.eesim.testbed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the deployment can run of a scenario, and the reasons it refuses the rest, all at once. */
class SetupTest {

    static Path tinyProfile() {
        return TestbedFileTest.repo().resolve("sim-core/src/test/resources/profiles/tiny").toAbsolutePath();
    }

    static Scenario scenario(Path tmp, String tiers, String links, String extra) throws Exception {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, "profile: " + tinyProfile() + "\ntiers:\n" + tiers + "links:\n" + links
                + "placement: {cut1: 0, cut2: 1}\nworkload:\n  arrival: {type: poisson, rate: 2/s}\n"
                + "early_exit: {threshold: 0.8, thresholds: {b1: 0.9}, disabled: [b2]}\n" + extra);
        return ScenarioReader.read(f);
    }

    static final String TIERS = "  device: {count: 3}\n  edge: {count: 1}\n  cloud: {count: 1}\n";
    static final String LINKS = "  uplink: {bandwidth: 4 Mbps, delay: 5 ms}\n  wan: {bandwidth: 20 Mbps, delay: 20 ms}\n";

    @Test
    void aDeployableScenario(@TempDir Path tmp) throws Exception {
        Setup s = Setup.of(scenario(tmp, TIERS, LINKS, "run: {duration: 30 s, warmup: 5 s, seed: 1}\n"));
        assertEquals(3, s.devices());
        assertEquals(2, s.ratePerDevice());
        assertEquals(4e6, s.links().get("uplink")[0]);
        assertEquals(0.020, s.links().get("wan")[1]);
        assertEquals(java.util.List.of(0.9, 0.8), s.rule().get("thresholds"));
        assertEquals(java.util.List.of(true, false), s.rule().get("enabled"));
        assertEquals(30, s.durationSeconds());
        assertTrue(s.shares().isEmpty());
    }

    @Test
    void everyReasonAtOnce(@TempDir Path tmp) throws Exception {
        Scenario sc = scenario(tmp, "  device: {count: 3, speed: 0.5}\n  edge: {count: 2, cores: 4}\n  cloud: {speed: 4}\n",
                "  uplink: {bandwidth: 4 Mbps, delay: 5 ms, jitter: 1 ms}\n  wan: {bandwidth: 20 Mbps}\n",
                "run: {requests: 100, seed: 1}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Setup.of(sc));
        String m = e.getMessage();
        for (String want : new String[] {"tiers.edge.count", "tiers.edge.cores", "tiers.cloud.speed", "links.uplink.jitter",
                "run: the testbed runs for a time", "run.warmup"}) {
            assertTrue(m.contains(want), want + " in: " + m);
        }
        assertTrue(!m.contains("tiers.device.speed"), "a slower device is a CPU quota, not a refusal: " + m);
    }
}
