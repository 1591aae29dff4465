package org.eesim.scenario;

import static org.eesim.yaml.ProblemAssertions.copyTree;
import static org.eesim.yaml.ProblemAssertions.resource;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eesim.yaml.Problem;
import org.eesim.yaml.ProblemsException;

/** A writable copy of the test scenarios and the tiny profile, laid out as in the resources. */
final class ScenarioFiles {

    final Path root;

    ScenarioFiles(Path tmp) {
        root = tmp;
        try {
            Files.createDirectories(tmp.resolve("profiles"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        copyTree(resource("scenarios"), tmp.resolve("scenarios"));
        copyTree(resource("profiles/tiny"), tmp.resolve("profiles/tiny"));
        copyTree(resource("profiles/tiny-expert"), tmp.resolve("profiles/tiny-expert"));
        copyTree(resource("profiles/tiny-training"), tmp.resolve("profiles/tiny-training"));
    }

    Path scenario(String name) {
        return root.resolve("scenarios").resolve(name);
    }

    static List<Problem> problems(Path scenario) {
        return assertThrows(ProblemsException.class, () -> ScenarioReader.read(scenario)).problems();
    }
}
