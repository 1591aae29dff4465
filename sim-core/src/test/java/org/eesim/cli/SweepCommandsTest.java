package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.eesim.cli.MainTest.Result;
import org.eesim.sweep.SweepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run, merge and slurm on a sweep, end to end: the same numbers whatever the threads or shards,
 * and a resumed run that equals an uninterrupted one.
 */
class SweepCommandsTest {

    static final String SWEEP = """
            sweep:
              over:
                - {key: early_exit.threshold, values: [0.5, 0.9]}
                - {key: links.uplink.bandwidth, log_range: {from: 2 Mbps, to: 20 Mbps, count: 3}}
            """;
    static final List<String> TABLES = List.of("replications.csv", "distribution.csv", "runs.csv", "summary.csv",
            "points.csv", "summary_wide.csv");

    static Path scenario(Path dir, String name) {
        return SweepFiles.write(dir, name, 400, 3, SWEEP);
    }

    static Path run(Path file, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "run";
        args[1] = file.toString();
        args[2] = "--quiet";
        System.arraycopy(more, 0, args, 3, more.length);
        Result r = MainTest.eesim(args);
        assertEquals(0, r.status(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("results: ")).reduce((a, b) -> b).orElseThrow();
        return Path.of(line.substring("results: ".length()));
    }

    static void assertSameTables(Path expected, Path actual) throws IOException {
        for (String t : TABLES) {
            assertEquals(Files.readString(expected.resolve(t)), Files.readString(actual.resolve(t)),
                    t + " of " + actual + " differs from " + expected);
        }
    }

    @Test
    void oneThreadTwoThreadsAndThreeShardsGiveTheSameTables(@TempDir Path dir) throws IOException {
        Path one = run(scenario(dir.resolve("a"), "s"), "--threads", "1");
        Path two = run(scenario(dir.resolve("b"), "s"), "--threads", "2");
        assertEquals(one.getFileName(), two.getFileName(), "the folder is named by the plan, not the clock");
        assertSameTables(one, two);
        List<String> summary = Files.readAllLines(one.resolve("summary.csv"));
        // Every point reports the metrics its first replication reports (from the other table).
        long metrics = Files.readAllLines(one.resolve("replications.csv")).stream().filter(l -> l.startsWith("0,0,"))
                .count();
        assertTrue(metrics >= 20, "util, queue, exits, latency... per point: " + metrics);
        assertEquals(1 + 6 * metrics, summary.size(), "a header and one row per point and metric");
        assertTrue(summary.get(1).startsWith("0,"), summary.get(1));
        assertTrue(summary.get(summary.size() - 1).startsWith("5,"), "six points");
        assertEquals("point,early_exit.threshold,links.uplink.bandwidth,links.uplink.bandwidth_bps,seed",
                Files.readAllLines(one.resolve("points.csv")).get(0));
        assertTrue(Files.readAllLines(one.resolve("points.csv")).get(2).startsWith("1,0.5,6.32456 Mbps,6324560,"));
        assertTrue(Files.isRegularFile(one.resolve("resolved/5.yaml")));

        Path f = scenario(dir.resolve("c"), "s");
        for (int i = 0; i < 3; i++) {
            Path shard = run(f, "--shard", i + "/3", "--threads", "2");
            assertTrue(shard.getFileName().toString().endsWith("-shard-" + i + "-of-3"), shard.toString());
        }
        Result merged = MainTest.eesim("merge", f.toString());
        assertEquals(0, merged.status(), merged.err());
        assertSameTables(one, dir.resolve("c/results").resolve(one.getFileName()));
    }

    @Test
    void aRunStoppedHalfWayResumesToTheSameTables(@TempDir Path dir) throws IOException {
        Path whole = run(scenario(dir.resolve("a"), "s"), "--threads", "2");
        Path f = scenario(dir.resolve("b"), "s");
        Path cut = run(f, "--shard", "0/1", "--threads", "1");
        // Play a stop at the worst moments: keep the first 7 runs' records, leave the rows of the
        // next run without its record, and tear the last line of each file in the middle.
        Path target = dir.resolve("b/results").resolve(whole.getFileName());
        Files.createDirectories(target);
        for (String name : List.of("scenario.yaml", "points.csv", "manifest.yaml")) {
            Files.copy(whole.resolve(name), target.resolve(name));
        }
        Files.createDirectories(target.resolve("resolved"));
        for (int p = 0; p < 6; p++) {
            Files.copy(whole.resolve("resolved/" + p + ".yaml"), target.resolve("resolved/" + p + ".yaml"));
        }
        List<String> runs = Files.readAllLines(cut.resolve("runs.csv"));
        write(target.resolve("runs.csv"), String.join("\n", runs.subList(0, 8)) + "\n0,");
        write(target.resolve("replications.csv"), head(cut.resolve("replications.csv"), 1 + 9 * rows(runs, 3)) + "5,1,12");
        write(target.resolve("distribution.csv"), head(cut.resolve("distribution.csv"), 1 + 9 * rows(runs, 4)) + "2,");

        Result again = MainTest.eesim("run", f.toString(), "--quiet", "--threads", "2");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("resumed: 7 of 18 runs were done already"), again.out());
        assertSameTables(whole, target);
        Result third = MainTest.eesim("run", f.toString(), "--quiet");
        assertTrue(third.out().contains("resumed: 18 of 18"), "a finished folder runs nothing: " + third.out());
        assertSameTables(whole, target);
    }

    private static int rows(List<String> runsCsv, int column) {
        return Integer.parseInt(runsCsv.get(1).split(",")[column]);
    }

    private static String head(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(0, lines)) + "\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Test
    void aFolderOfAnotherScenarioIsRefusedAndKeptIntact(@TempDir Path dir) throws IOException {
        Path f = SweepFiles.write(dir, "s", 400, 2, SWEEP);
        Path first = run(f, "--threads", "2");
        String before = Files.readString(first.resolve("summary.csv"));
        Files.writeString(f, Files.readString(f).replace("seed: 11", "seed: 12")
                .replace("output: {dir: ", "output: {name: " + first.getFileName() + ", dir: "));
        Result r = MainTest.eesim("run", f.toString(), "--quiet");
        assertEquals(Main.USER_ERROR, r.status(), r.out());
        assertTrue(r.err().contains("holds the results of another scenario"), r.err());
        assertEquals(before, Files.readString(first.resolve("summary.csv")));
    }

    @Test
    void aRerunWithANewOutputSectionKeepsTheNumbersAndRecordsTheSection(@TempDir Path dir) throws IOException {
        Path f = SweepFiles.write(dir, "s", 400, 2, SWEEP);
        Path first = run(f, "--threads", "2");
        String before = Files.readString(first.resolve("summary.csv"));
        assertFalse(Files.readString(first.resolve("resolved/0.yaml")).contains("figures"));
        Files.writeString(f, Files.readString(f).replace("output: {dir: ",
                "output: {figures: [offload-vs-x], dir: "));
        Path again = run(f, "--threads", "2");
        assertEquals(first, again, "the output section is not part of the plan: same folder");
        assertEquals(before, Files.readString(again.resolve("summary.csv")));
        assertTrue(Files.readString(again.resolve("resolved/0.yaml")).contains("- offload-vs-x"),
                "the analysis command reads output.figures from here");
        assertTrue(Files.readString(again.resolve("scenario.yaml")).contains("figures: [offload-vs-x]"));
    }

    @Test
    void aSecondWriterIntoTheSameFolderIsRefused(@TempDir Path dir) throws IOException {
        Path f = scenario(dir, "s");
        Path folder = run(f, "--shard", "0/2");
        String before = Files.readString(folder.resolve("runs.csv"));
        try (var held = org.eesim.results.Journal.open(folder)) {
            assertEquals(9, held.done().size(), "half of 6 points x 3 replications");
            Result r = MainTest.eesim("run", f.toString(), "--quiet", "--shard", "0/2");
            assertEquals(Main.USER_ERROR, r.status(), r.out());
            assertTrue(r.err().contains("writing into"), r.err());
        }
        assertEquals(before, Files.readString(folder.resolve("runs.csv")));
    }

    @Test
    void mergeSaysWhichRunsAreMissing(@TempDir Path dir) {
        Path f = scenario(dir, "s");
        run(f, "--shard", "0/2");
        Result r = MainTest.eesim("merge", f.toString());
        assertEquals(Main.USER_ERROR, r.status(), r.out());
        assertTrue(r.err().contains("shard 1 of 2 is missing"), r.err());
    }

    @Test
    void slurmWritesAJobArrayOverTheShards(@TempDir Path dir) {
        Path f = scenario(dir, "s");
        Result r = MainTest.eesim("slurm", f.toString(), "--shards", "4", "--partition", "short", "--time",
                "00:10:00", "--mem", "1G", "--cpus", "2");
        assertEquals(0, r.status(), r.err());
        String s = r.out();
        assertTrue(s.startsWith("#!/bin/bash\n"), s);
        for (String line : List.of("#SBATCH --array=0-3", "#SBATCH --partition=short", "#SBATCH --time=00:10:00",
                "#SBATCH --mem=1G", "#SBATCH --cpus-per-task=2", "--shard \"${SLURM_ARRAY_TASK_ID}/4\"",
                " run '" + f.toAbsolutePath() + "'")) {
            assertTrue(s.contains(line), line + " in\n" + s);
        }
        assertFalse(MainTest.eesim("slurm", f.toString()).status() == 0, "--shards is required");
        Result own = MainTest.eesim("slurm", f.toString(), "--shards", "2", "--launcher", "/opt/eesim/bin/eesim");
        assertTrue(own.out().contains("\nexec /opt/eesim/bin/eesim run '" + f.toAbsolutePath() + "' --shard"),
                own.out());
        assertFalse(own.out().contains("JAVA_HOME"), "a launcher of one's own finds its own java");
    }

    @Test
    void theJobCallsTheCheckoutsLauncherOnceTheBuildCanRunIt(@TempDir Path root) throws IOException {
        Path classes = Files.createDirectories(root.resolve("sim-core/target/classes"));
        Path jar = root.resolve("sim-core/target/eesim-sim-core-1.jar");
        assertEquals(null, SlurmCommand.checkoutLauncher(classes), "no ./eesim: java -cp as before");
        Path eesim = Files.writeString(root.resolve("eesim"), "#!/bin/sh\n");
        assertTrue(eesim.toFile().setExecutable(true));
        assertEquals(null, SlurmCommand.checkoutLauncher(classes), "compiled, not packaged: no classpath.txt yet");
        Files.writeString(root.resolve("sim-core/target/classpath.txt"), "a.jar");
        assertEquals(eesim, SlurmCommand.checkoutLauncher(classes));
        assertEquals(eesim, SlurmCommand.checkoutLauncher(jar));
        assertEquals(null, SlurmCommand.checkoutLauncher(root.resolve("lib/eesim-sim-core-1.jar")),
                "a jar outside a checkout (a Maven repository, say)");
    }
}
