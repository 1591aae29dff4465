package org.eesim.testbed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The testbed file: what the shipped ones say, and mistakes located at their line and key. */
class TestbedFileTest {

    static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        return p.getFileName().toString().equals("testbed") ? p.getParent() : p;
    }

    @Test
    void readsTheShippedFiles() throws ProblemsException {
        TestbedFile tf = TestbedFile.read(repo().resolve("testbed/validation-4mbps.yaml"));
        assertEquals(repo().resolve("testbed/scenarios/validation-4mbps.yaml"), tf.scenario());
        assertEquals("alexnet", tf.net());
        assertEquals(0.25, tf.width());
        assertEquals("0", tf.cpus().get("edge"));
        assertEquals(1600, tf.burstBytes());
        assertEquals(repo().resolve("profiles/testbed-alexnet-fmnist"), tf.calibration().out());
        assertEquals(repo().resolve("testbed/target/weights/tb-alexnet-fmnist/standard.params"), tf.weights());
        assertTrue(tf.train().contains("--epochs"));
    }

    @Test
    void mistakesAreLocated(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "scenario: s.yaml\nnetwork: {name: n, net: alexnat}\nprocesses:\n"
                + "  cpus: {edge: zero}\n  burst: 1000 B\n  encodng: json\n");
        ProblemsException e = assertThrows(ProblemsException.class, () -> TestbedFile.read(f));
        String all = e.problems().toString();
        assertTrue(all.contains("bad.yaml:2") && all.contains("network.net") && all.contains("alexnet"), all);
        assertTrue(all.contains("bad.yaml:4") && all.contains("processes.cpus.edge"), all);
        assertTrue(all.contains("bad.yaml:5") && all.contains("1514 B"), all);
        assertTrue(all.contains("bad.yaml:6") && all.contains("did you mean 'encoding'"), all);
    }
}
