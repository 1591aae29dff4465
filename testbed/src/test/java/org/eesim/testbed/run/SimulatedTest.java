package org.eesim.testbed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.eesim.scenario.Framing;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated scenario carries the calibration's numbers, and each mechanism can be left out. */
class SimulatedTest {

    static final String CALIBRATION = """
            format: eesim-testbed-calibration/1
            settings:
            - uplink_nominal: 4 Mbps
              uplink: {bandwidth: 3997538 bps, delay: 5413 us, burst: 1.6 kB, framing: {message: 259 B, packet: 66 B, mss: 1448 B}}
              answer: {bytes: 262 B}
              wan: {bandwidth: 18626991 bps, delay: 20554 us, burst: 1.6 kB, framing: {message: 258 B, packet: 66 B, mss: 1448 B}}
              per_message:
                device: {mean: 2409 us, sd: 1239 us}
                edge: {mean: 344 us, sd: 223 us}
                cloud: 2789 us
            """;

    static TestbedFile files(Path tmp) throws Exception {
        Path tiny = SetupTest.tinyProfile();
        Path cal = tmp.resolve("profiles/cal");
        Files.createDirectories(cal.resolve("traces"));
        try (var s = Files.walk(tiny)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path to = cal.resolve(tiny.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        Files.writeString(cal.resolve("calibration.yaml"), CALIBRATION);
        Files.writeString(tmp.resolve("scn.yaml"), "name: scn\nprofile: " + tiny + "\ntiers:\n" + SetupTest.TIERS
                + "links:\n" + SetupTest.LINKS + "placement: {cut1: 0, cut2: 1}\nworkload:\n"
                + "  arrival: {type: poisson, rate: 2/s}\nearly_exit: {threshold: 0.8}\n"
                + "run: {duration: 30 s, warmup: 5 s, replications: 3, seed: 1}\n");
        Files.writeString(tmp.resolve("tb.yaml"), "scenario: scn.yaml\nnetwork: {name: tiny, net: tiny}\n"
                + "calibration: {out: profiles/cal}\n");
        return TestbedFile.read(tmp.resolve("tb.yaml"));
    }

    @Test
    void everyMechanismFromTheCalibration(@TempDir Path tmp) throws Exception {
        Path f = Simulated.write(files(tmp), tmp.resolve("out/sim.yaml"), Set.of(), Set.of(), 7, tmp.resolve("results"), "");
        Scenario s = ScenarioReader.read(f);
        assertEquals("scn-simulated", s.name());
        assertEquals(3997538, s.links().uplink().bandwidthBps());
        assertEquals(0.005413, s.links().uplink().delaySeconds(), 1e-12);
        assertEquals(1600, s.links().uplink().burstBytes());
        assertEquals(new Framing(259, 66, 1448), s.links().uplink().framing());
        assertEquals(18626991, s.links().wan().bandwidthBps());
        assertEquals(262, s.answer().bytes());
        assertEquals(0.002409, s.tiers().device().messageSeconds(), 1e-12);
        assertEquals(0.001239, s.tiers().device().messageSdSeconds(), 1e-12);
        assertEquals(0.002789, s.tiers().cloud().messageSeconds(), 1e-12);
        assertEquals(0, s.tiers().cloud().messageSdSeconds());
        assertEquals(7, s.run().replications());
        assertEquals(0, s.tiers().device().inFlight(), "in_flight only when asked for");
        org.junit.jupiter.api.Assertions.assertTrue(Files.readString(f).contains("profile: " + tmp.resolve("profiles/cal")),
                "the calibrated profile's folder");
    }

    @Test
    void mechanismsLeftOut(@TempDir Path tmp) throws Exception {
        Path f = Simulated.write(files(tmp), tmp.resolve("out/sim.yaml"), Set.of("answer", "burst", "message_spread"), Set.of("in_flight"), 7,
                tmp.resolve("results"), "-x");
        Scenario s = ScenarioReader.read(f);
        assertNull(s.answer());
        assertEquals(0, s.links().uplink().burstBytes());
        assertEquals(new Framing(259, 66, 1448), s.links().uplink().framing(), "framing kept");
        assertEquals(0.002409, s.tiers().device().messageSeconds(), 1e-12, "the mean kept");
        assertEquals(0, s.tiers().device().messageSdSeconds(), "its spread left out");
        assertEquals(1, s.tiers().device().inFlight(), "asked for: a device's requests one after another");
        assertEquals("scn-simulated-x", s.name());
    }
}
