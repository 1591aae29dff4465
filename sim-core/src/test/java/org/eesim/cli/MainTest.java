package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, on the shipped profile and scenarios. */
class MainTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path PROFILE = REPO.resolve("profiles/b-alexnet-carpex");

    record Result(int status, String out, String err) {
    }

    static Result eesim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(status, out.toString(), err.toString());
    }

    static Path scenario(Path dir, String name, long seed) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, """
                name: %s
                profile: %s
                tiers:
                  device: {count: 4, speed: 0.25}
                  edge: {cores: 2}
                  cloud: {cores: 4, speed: 4}
                links:
                  uplink: {bandwidth: 18.8 Mbps, delay: 5 ms}
                  wan: {bandwidth: 100 Mbps, delay: 20 ms}
                placement: {cut1: 6, cut2: 13}
                workload:
                  arrival: {type: poisson, rate: 2/s}
                  deadline: 100 ms
                early_exit: {threshold: 0.8}
                service_time: exponential
                run: {requests: 2000, warmup: 200, replications: 3, seed: %d}
                output: {dir: %s, name: %s}
                """.formatted(name, PROFILE, seed, dir.resolve("results"), name));
        return f;
    }

    /** The one line an I/O failure prints, and its status; asserts there is no stack trace. */
    private static String ioError(Result r) {
        assertEquals(Main.IO_ERROR, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        return r.err().strip();
    }

    @Test
    void anUnwritableJobScriptIsOneLineNotAStackTrace(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("missing/job.sh");
        Result r = eesim("slurm", scenario(dir, "s", 1).toString(), "--shards", "2", "-o", script.toString());
        assertEquals("error: cannot write the job script: " + script + ": no such file or folder", ioError(r));
    }

    @Test
    void anUnmakeableResultsFolderIsOneLineNotAStackTrace(@TempDir Path dir) throws IOException {
        Path f = scenario(dir, "s", 1);
        Files.writeString(dir.resolve("results"), "a file where the results folder should be");
        String line = ioError(eesim("run", f.toString(), "--quiet"));
        assertTrue(line.contains(dir.resolve("results").toString()), line);
    }

    @Test
    void everyCommandAnswersHelpAndVersionWithStatusZero() {
        for (String command : List.of("validate", "run", "merge", "slurm")) {
            Result help = eesim(command, "--help");
            assertEquals(0, help.status(), command + " --help: " + help.err());
            assertTrue(help.out().startsWith("Usage: eesim " + command), help.out());
            assertEquals("", help.err(), "not 'Missing required parameter'");
            Result version = eesim(command, "--version");
            assertEquals(0, version.status(), version.err());
            assertTrue(version.out().startsWith("eesim "), version.out());
        }
        assertEquals(0, eesim("--help").status());
        assertTrue(eesim("--version").out().startsWith("eesim "));
    }

    @Test
    void shippedScenariosValidate() {
        Result r = eesim("validate", REPO.resolve("scenarios/quickstart.yaml").toString(),
                REPO.resolve("scenarios/bench-reference.yaml").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("quickstart.yaml: ok"), r.out());
    }

    /** Seed 002's network has one exit (the final one): it is "1 exit", not "1 exits". */
    @Test
    void validateCountsInTheSingularWhereACountIsOne() {
        Result r = eesim("validate", REPO.resolve("scenarios/seed-002-tinyml.yaml").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(", 1 exit;"), r.out());
        assertFalse(r.out().contains("1 exits"), r.out());
    }

    @Test
    void validateReportsEveryProblemLocatedWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                profile: %s
                tiers:
                  device: {count: 2}
                  edgee: {cores: 2}
                links:
                  uplink: {bandwidth: -3 Mbps}
                placement: {cut1: 6, cut2: 40}
                workload: {arrival: {type: poisson, rate: 1/s}}
                early_exit: {threshold: 0.8}
                run: {requests: 10, seed: 1}
                """.formatted(PROFILE));
        Result r = eesim("validate", bad.toString());
        assertEquals(Main.USER_ERROR, r.status());
        assertTrue(r.err().contains(bad + ":4:3 tiers.edgee: unknown key"), r.err());
        assertTrue(r.err().contains(bad + ":6:23 links.uplink.bandwidth:"), r.err());
        assertTrue(r.err().contains("placement.cut2"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        Result run = eesim("run", bad.toString());
        assertEquals(Main.USER_ERROR, run.status());
        assertTrue(run.err().contains("nothing was run"), run.err());
    }

    @Test
    void runWritesTheResultsFolderAndTheSameSeedGivesTheSameNumbers(@TempDir Path dir) throws IOException {
        Result a = eesim("run", scenario(dir, "a", 5).toString(), "--quiet");
        assertEquals(0, a.status(), a.err());
        assertTrue(a.out().contains("latency.mean"), a.out());
        Path folder = dir.resolve("results/a");
        for (String f : List.of("scenario.yaml", "resolved.yaml", "manifest.yaml", "replications.csv", "summary.csv",
                "distribution.csv")) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        }
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertEquals("point,metric,n,mean,sd,ci_low,ci_high", summary.get(0));
        assertTrue(summary.contains("0,accuracy,3,NaN,NaN,NaN,NaN"),
                "the CARPEX profile has no accuracies: NaN, not a made-up number");
        List<String> reps = Files.readAllLines(folder.resolve("replications.csv"));
        assertEquals(1 + 3 * (summary.size() - 1), reps.size(), "one row per replication and metric");
        String manifest = Files.readString(folder.resolve("manifest.yaml"));
        assertTrue(manifest.contains("profile_sha256"), manifest);

        assertEquals(0, eesim("run", scenario(dir, "b", 5).toString(), "--quiet", "--threads", "1").status());
        assertEquals(summary, Files.readAllLines(dir.resolve("results/b/summary.csv")),
                "same seed, one thread instead of two: identical summary");
        assertEquals(0, eesim("run", scenario(dir, "c", 6).toString(), "--quiet").status());
        assertNotEquals(summary, Files.readAllLines(dir.resolve("results/c/summary.csv")));

        Result again = eesim("run", scenario(dir, "a", 5).toString(), "--quiet");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("resumed: 3 of 3 runs were done already"), "nothing ran twice: " + again.out());
        assertEquals(summary, Files.readAllLines(folder.resolve("summary.csv")));
        Result other = eesim("run", scenario(dir, "a", 6).toString(), "--quiet");
        assertEquals(Main.USER_ERROR, other.status(), "a folder of another scenario is never overwritten");
        assertTrue(other.err().contains("holds the results of another scenario"), other.err());
        assertEquals(summary, Files.readAllLines(folder.resolve("summary.csv")));
    }
}
