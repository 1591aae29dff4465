package org.eesim.scenario;

import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eesim.yaml.Problem;
import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of the deployment's mechanisms: read, defaulted to off, and refused where wrong. */
class MechanismsReaderTest {

    @Test
    void readsTheMechanisms() throws ProblemsException {
        Scenario s = ScenarioReader.read(resource("scenarios/mechanisms.yaml"));
        assertEquals(new Answer(405), s.answer());
        assertEquals(0.0015, s.tiers().device().messageSeconds(), 1e-15);
        assertEquals(0.001, s.tiers().device().messageSdSeconds(), 1e-15);
        assertEquals(0, s.tiers().edge().messageSdSeconds(), "a time alone: constant");
        assertEquals(1, s.tiers().device().inFlight());
        assertEquals(0.0004, s.tiers().edge().messageSeconds(), 1e-15);
        assertEquals(0.002, s.tiers().cloud().messageSeconds(), 1e-15);
        assertEquals(1600, s.links().uplink().burstBytes());
        assertEquals(new Framing(371, 66, 1448), s.links().uplink().framing());
        assertEquals(0, s.links().wan().burstBytes());
        assertEquals(new Framing(386, 66, 1448), s.links().wan().framing());
    }

    @Test
    void everyMechanismIsOffByDefault() throws ProblemsException {
        Scenario s = ScenarioReader.read(resource("scenarios/full.yaml"));
        assertNull(s.answer(), "no answer section: requests end where they exit");
        assertEquals(0, s.tiers().edge().messageSeconds());
        assertEquals(0, s.tiers().device().inFlight(), "no limit on a device's requests in flight");
        assertEquals(0, s.links().uplink().burstBytes());
        assertEquals(Framing.NONE, s.links().uplink().framing());
        assertTrue(!ScenarioWriter.toYaml(s).contains("per_message") && !ScenarioWriter.toYaml(s).contains("burst")
                && !ScenarioWriter.toYaml(s).contains("answer") && !ScenarioWriter.toYaml(s).contains("in_flight"), "absent keys are not written: plan hashes are unchanged");
    }

    @Test
    void badValuesAreLocated(@TempDir Path tmp) throws Exception {
        Path file = new ScenarioFiles(tmp).scenario("mechanisms.yaml");
        edit(file, "packet: 66 B, mss: 1448 B}}\n  wan:", "packet: 66 B}}\n  wan:");
        edit(file, "per_message: 400 us", "per_message: -1 ms");
        edit(file, "answer: {bytes: 405 B}", "answer: {bytes: 405 B, header: 1 B}");
        edit(file, "burst: 1600 B", "burst: 1.5 B");
        edit(file, "in_flight: 1", "in_flight: 0");
        edit(file, "cloud:  {count: 1,", "cloud:  {count: 1, in_flight: 2,");
        List<Problem> problems = ScenarioFiles.problems(file);
        String all = problems.toString();
        assertTrue(all.contains("links.uplink.framing: a per-packet overhead needs mss"), all);
        assertTrue(all.contains("tiers.edge.per_message: per_message must be >= 0"), all);
        assertTrue(all.contains("answer.header: unknown key 'header'"), all);
        assertTrue(all.contains("links.uplink.burst: burst must be a whole number of bytes"), all);
        assertTrue(all.contains("tiers.device.in_flight: in_flight must be at least 1"), all);
        assertTrue(all.contains("tiers.cloud.in_flight: unknown key 'in_flight'"), all);
        assertEquals(6, problems.size(), all);
    }
}
