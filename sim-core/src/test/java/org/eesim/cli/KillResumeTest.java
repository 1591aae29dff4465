package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eesim.cli.MainTest.Result;
import org.eesim.sweep.SweepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill: a child JVM runs a sweep, is killed with SIGKILL (no shutdown hook, no flush)
 * once some runs are recorded, and the same command run again must finish with exactly the
 * tables of a run that was never stopped.
 */
class KillResumeTest {

    static final String SWEEP = """
            sweep:
              over:
                - {key: workload.arrival.rate, values: [10/s, 20/s, 30/s]}
                - {key: early_exit.threshold, values: [0.6, 0.9]}
            """;

    @Test
    void killedWithSigkillThenResumedEqualsUninterrupted(@TempDir Path dir) throws Exception {
        Path f = SweepFiles.write(dir.resolve("killed"), "s", 20_000, 4, SWEEP);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.eesim.cli.Main", "run", f.toString(),
                "--quiet", "--threads", "1")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        Path runs = null;
        int recorded = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (recorded < 3) {
            if (!child.isAlive()) {
                fail("the child ended before it could be killed (exit " + child.exitValue() + "): "
                        + Files.readString(dir.resolve("child.log")));
            }
            if (System.nanoTime() > deadline) {
                child.destroyForcibly();
                fail("no runs recorded within 120 s: " + Files.readString(dir.resolve("child.log")));
            }
            Thread.sleep(5);
            runs = runsFile(dir.resolve("killed/results"));
            recorded = runs == null ? 0 : (int) Files.readAllLines(runs).stream().filter(l -> !l.startsWith("point"))
                    .count();
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        int atKill = Files.readAllLines(runs).size() - 1;
        assertTrue(atKill < 24, "killed before the end: " + atKill + " of 24 runs recorded");
        System.out.println("KillResumeTest: SIGKILL with " + atKill + " of 24 runs recorded");

        Result resumed = MainTest.eesim("run", f.toString(), "--quiet", "--threads", "2");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("resumed: "), resumed.out());
        Path whole = SweepCommandsTest.run(SweepFiles.write(dir.resolve("whole"), "s", 20_000, 4, SWEEP),
                "--threads", "2");
        SweepCommandsTest.assertSameTables(whole, runs.getParent());
        assertEquals(25, Files.readAllLines(runs).size(), "each run recorded once");
    }

    private static Path runsFile(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return null;
        }
        try (var s = Files.list(results)) {
            List<Path> found = s.map(p -> p.resolve("runs.csv")).filter(Files::isRegularFile).toList();
            return found.isEmpty() ? null : found.get(0);
        }
    }
}
