package org.eesim.scenario;

import static org.eesim.yaml.ProblemAssertions.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"full.yaml", "minimal.yaml", "rates.yaml", "popex.yaml", "tinyml.yaml", "expert.yaml",
        "mechanisms.yaml"})
    void writtenScenarioReadsBackEqual(String name, @TempDir Path tmp) throws Exception {
        Scenario original = ScenarioReader.read(resource("scenarios/" + name));
        Path written = tmp.resolve("resolved.yaml");
        Files.writeString(written, ScenarioWriter.toYaml(original));
        Scenario back = ScenarioReader.read(written);
        // Profile holds arrays, which records compare by identity, so it is compared by its hash; the
        // source file differs by construction. Everything else must be equal.
        assertEquals(original.profile().sha256(), back.profile().sha256());
        assertEquals(withoutProfileAndSource(original), withoutProfileAndSource(back),
                () -> "written as:\n" + ScenarioWriter.toYaml(original));
        assertEquals(ScenarioWriter.toYaml(original), ScenarioWriter.toYaml(back), "writing is stable");
    }

    private static List<Object> withoutProfileAndSource(Scenario s) {
        return java.util.Arrays.asList(s.name(), s.tiers(), s.links(), s.placement(), s.workload(), s.exitRule(),
                s.serviceTime(), s.run(), s.output(), s.policy(), java.util.Objects.toString(s.energy()), s.answer());
    }

    @Test
    void writesUnitsAndDefaults() throws ProblemsException {
        String yaml = ScenarioWriter.toYaml(ScenarioReader.read(resource("scenarios/minimal.yaml")), "../p");
        assertTrue(yaml.contains("name: minimal\nprofile: ../p\n"), yaml);
        assertTrue(yaml.contains("device:\n    count: 1\n    cores: 1\n    speed: 1.0\n"), yaml);
        assertTrue(yaml.contains("interval: 500 ms"), yaml);
        assertTrue(yaml.contains("mix:\n    pristine: 1.0\n"), yaml);
        assertTrue(yaml.contains("rule: max_softmax"), yaml);
        assertTrue(yaml.contains("service_time: empirical"), yaml);
        assertTrue(yaml.contains("warmup: 0\n  replications: 10\n  seed: 1\n"), yaml);
        assertTrue(yaml.contains("output:\n  dir: results\n"), yaml);
    }

    @Test
    void writesQuantitiesWithReadableUnits() throws ProblemsException {
        String yaml = ScenarioWriter.toYaml(ScenarioReader.read(resource("scenarios/full.yaml")), "p");
        assertTrue(yaml.contains("bandwidth: 18.8 Mbps\n    delay: 5 ms\n    shared: true"), yaml);
        assertTrue(yaml.contains("rate: 2/s"), yaml);
        assertTrue(yaml.contains("deadline: 100 ms"), yaml);
        assertTrue(yaml.contains("disabled:\n  - b2"), yaml);
        String rates = ScenarioWriter.toYaml(ScenarioReader.read(resource("scenarios/rates.yaml")), "p");
        assertTrue(rates.contains("duration: 10 min"), rates);
        assertTrue(rates.contains("bandwidth: 20 Mbps"), rates);
    }

    @Test
    void aScenarioWithoutASourceFileNeedsAnExplicitProfileReference() throws ProblemsException {
        Scenario s = ScenarioReader.read(resource("scenarios/minimal.yaml"));
        Scenario orphan = new Scenario(s.name(), null, s.profile(), s.tiers(), s.links(), s.placement(),
                s.workload(), s.exitRule(), s.serviceTime(), s.run(), s.output());
        assertThrows(IllegalArgumentException.class, () -> ScenarioWriter.toYaml(orphan));
    }
}
