package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training sweep through the commands an inference sweep goes through: validate, run on one or
 * two threads, in shards and merged, and run again (nothing left to do): the same tables.
 */
class TrainingCommandsTest {

    static Path scenario(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path profile = Path.of("../profiles/cac-mobilenetv3-large-tx2").toAbsolutePath().normalize();
        Path f = dir.resolve("train.yaml");
        Files.writeString(f, """
                name: train
                profile: %s
                training:
                  iterations: 300
                  staleness: 2
                  quantise: int8
                  policy: {type: engine}
                links:
                  uplink: {bandwidth: 10 MiB/s, delay: 2 ms, jitter: 1 ms}
                run: {replications: 2, seed: 9}
                output: {dir: %s}
                sweep:
                  over:
                    - {key: training.staleness, values: [1, 4]}
                    - {key: links.uplink.bandwidth, values: [5 MiB/s, 50 MiB/s]}
                """.formatted(profile, dir.resolve("results")));
        return f;
    }

    @Test
    void runsShardsMergesAndResumesLikeAnyScenario(@TempDir Path dir) throws IOException {
        MainTest.Result v = MainTest.eesim("validate", scenario(dir.resolve("v")).toString());
        assertEquals(0, v.status(), v.err());
        assertTrue(v.out().contains("training profile cac-mobilenetv3-large-tx2: 18 layers, 18 splits, batch 32;"
                + " 4 points x 2 replications = 8 runs"), v.out());
        Path one = SweepCommandsTest.run(scenario(dir.resolve("a")), "--threads", "1");
        Path two = SweepCommandsTest.run(scenario(dir.resolve("b")), "--threads", "2");
        SweepCommandsTest.assertSameTables(one, two);
        String summary = Files.readString(one.resolve("summary.csv"));
        assertTrue(summary.contains(",training.seconds_per_iteration,2,"), summary);
        Path f = scenario(dir.resolve("c"));
        for (int i = 0; i < 2; i++) {
            SweepCommandsTest.run(f, "--shard", i + "/2");
        }
        MainTest.Result merged = MainTest.eesim("merge", f.toString());
        assertEquals(0, merged.status(), merged.err());
        SweepCommandsTest.assertSameTables(one, one.getParent().getParent().getParent().resolve("c/results")
                .resolve(one.getFileName()));
        MainTest.Result again = MainTest.eesim("run", scenario(dir.resolve("a")).toString(), "--quiet");
        assertTrue(again.out().contains("resumed: 8 of 8 runs were done already"), again.out());
        assertEquals(summary, Files.readString(one.resolve("summary.csv")));
    }
}
