package org.eesim.models.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingRunTest {

    /** The shared test machine is never quiet: no load or CPU-share bound, one attempt. */
    static final LoadGuard.Rule ANY_LOAD = new LoadGuard.Rule(1e9, 0, 1, 1e9, 1, 0, 1e9, 1);

    @TempDir
    Path tmp;

    @Test
    void timesTheTinyNetworkIntoAProfileWithoutExits() throws Exception {
        TimingOptions o = new TimingOptions("tiny", "tiny-timed", 1, new long[] {1, 28, 28}, 10, 2, "linear",
                List.of(), "bnpool2", 2, 0, 8, 1, tmp, null, null, false, -1, 0);
        Path dir = new TimingRun(o, ANY_LOAD, Double.POSITIVE_INFINITY, new PrintStream(java.io.OutputStream.nullOutputStream())).run();
        Profile p = ProfileReader.read(dir);
        assertEquals(4, p.layers().size());
        assertEquals(2, p.branches().size());
        assertEquals(8, p.layers().get(0).time().samples().length);
        assertEquals(List.of(TimingRun.NO_EXITS), List.copyOf(p.conditions().keySet()));
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("\n| stem | "));
        assertTrue(p.provenance().get("dispatch").startsWith("fixed cost of one operation by kind"),
                p.provenance().get("dispatch"));
        String rule = p.provenance().get("load_rule");
        assertTrue(rule.contains("the reference convolution (key reference) must take as long after the repetitions"
                + " as before"), rule);
        assertTrue(!rule.contains("--max-reference-ms"), "no bound asked for, none stated: " + rule);
        assertTrue(Files.readString(dir.resolve("samples.csv")).startsWith("repetition,layer/stem"));
    }

    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    /** A profile's exit data copied into a new timing: its conditions section byte for byte. */
    @Test
    void copiesTheExitDataOfAProfileWithTheSameBranches() throws Exception {
        TimingOptions first = new TimingOptions("tiny", "source", 1, new long[] {1, 28, 28}, 10, 2, "linear",
                List.of(), "bnpool2", 0, 0, 4, 1, tmp, null, null, false, -1, 0);
        Path source = new TimingRun(first, ANY_LOAD, Double.POSITIVE_INFINITY, QUIET).run();
        TimingOptions second = new TimingOptions("tiny", "copy", 1, new long[] {1, 28, 28}, 10, 2, "linear",
                List.of(), "bnpool2", 0, 0, 4, 2, tmp, source, null, false, -1, 0);
        Path copy = new TimingRun(second, ANY_LOAD, Double.POSITIVE_INFINITY, QUIET).run();
        assertEquals(TimingRun.conditionsOf(Files.readString(source.resolve("profile.yaml"))),
                TimingRun.conditionsOf(Files.readString(copy.resolve("profile.yaml"))));
        Profile p = ProfileReader.read(copy);
        assertTrue(p.provenance().get("exit_data").startsWith("copied unchanged from "), p.provenance().get("exit_data"));
        // a network whose branches sit elsewhere is refused, naming both positions
        TimingOptions moved = new TimingOptions("tiny", "moved", 1, new long[] {1, 28, 28}, 10, 0, "explicit",
                List.of(1, 2), "bnpool2", 0, 0, 4, 2, tmp, source, null, false, -1, 0);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TimingRun(moved, ANY_LOAD, Double.POSITIVE_INFINITY, QUIET).run());
        assertTrue(e.getMessage().contains("follows layer"), e.getMessage());
    }

    /** Re-timing keeps the traces and every key but the timing ones, and rewrites the times. */
    @Test
    void retimingAShippedProfileKeepsItsTraces() throws Exception {
        Path shipped = Path.of("..", "profiles", "ee-alexnet-fmnist");
        Path dir = tmp.resolve("ee-alexnet-fmnist");
        Files.createDirectories(dir.resolve("traces"));
        try (var files = Files.walk(shipped)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(shipped.relativize(f).toString()));
            }
        }
        TimingOptions o = new TimingOptions(null, null, 1, null, 10, 3, "linear", List.of(), "bnpool2", 0, 0, 6, 1,
                tmp, null, dir, false, -1, 0);
        new TimingRun(o, ANY_LOAD, Double.POSITIVE_INFINITY, QUIET).run();
        Profile before = ProfileReader.read(shipped);
        Profile after = ProfileReader.read(dir);
        assertEquals(before.conditions().keySet(), after.conditions().keySet());
        assertEquals(before.provenance().get("command"), after.provenance().get("command"));
        assertEquals(before.provenance().get("temperatures_standard"), after.provenance().get("temperatures_standard"));
        assertTrue(after.provenance().containsKey("retimed"));
        assertEquals(6, after.layers().get(0).time().samples().length);
        for (String t : List.of("pristine", "blur-3", "noise-5")) {
            assertEquals(Files.readString(shipped.resolve("traces/" + t + ".csv")),
                    Files.readString(dir.resolve("traces/" + t + ".csv")));
        }
        String summary = Files.readString(dir.resolve("summary.md"));
        assertTrue(summary.contains("| pristine |") && summary.contains("Whole pass"), summary);
    }
}
