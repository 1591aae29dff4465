package org.eesim.sweep;

import static org.eesim.yaml.ProblemAssertions.copyTree;
import static org.eesim.yaml.ProblemAssertions.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scenario files with a sweep section, on the tiny test profile, in a temporary folder. */
public final class SweepFiles {

    private SweepFiles() {
    }

    /**
     * A small scenario on the tiny profile (3 layers, device, edge and cloud) followed by
     * {@code sweep} (the section's text, starting with {@code sweep:}), written to
     * {@code dir/name.yaml}; results go to {@code dir/results}.
     */
    public static Path write(Path dir, String name, int requests, int replications, String sweep) {
        try {
            if (!Files.isDirectory(dir.resolve("profiles/tiny"))) {
                Files.createDirectories(dir.resolve("profiles"));
                copyTree(resource("profiles/tiny"), dir.resolve("profiles/tiny"));
            }
            Path f = dir.resolve(name + ".yaml");
            Files.writeString(f, """
                    name: %s
                    profile: profiles/tiny
                    tiers:
                      device: {count: 4, speed: 0.5}
                      edge: {cores: 2, speed: 2}
                      cloud: {cores: 4, speed: 8}
                    links:
                      uplink: {bandwidth: 18.8 Mbps, delay: 5 ms}
                      wan: {bandwidth: 100 Mbps, delay: 20 ms}
                    placement: {cut1: 1, cut2: 2}
                    workload:
                      arrival: {type: poisson, rate: 20/s}
                      mix: {pristine: 1}
                      deadline: 30 ms
                    early_exit: {threshold: 0.8}
                    run: {requests: %d, warmup: 100, replications: %d, seed: 11}
                    output: {dir: %s}
                    """.formatted(name, requests, replications, dir.resolve("results")) + sweep);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
