package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eesim import-profile} on the README's example (docs/examples/jetson-ee), and on broken
 * copies of it: each error is located at the cell at fault.
 */
class ImportProfileTest {

    static final Path EXAMPLE = MainTest.REPO.resolve("docs/examples/jetson-ee");
    static final Path LAYERS = EXAMPLE.resolve("layers.csv");
    static final Path EXITS = EXAMPLE.resolve("exits.csv");

    private static MainTest.Result eesim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new MainTest.Result(status, out.toString(), err.toString());
    }

    private static MainTest.Result importInto(Path out, Path layers, Path exits) {
        return eesim("import-profile", layers.toString(), "--exits", exits.toString(), "--out", out.toString());
    }

    @Test
    void theExampleImportsAndReadsBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("jetson-ee");
        MainTest.Result r = importInto(out, LAYERS, EXITS);
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("README.md")));
        Profile p = ProfileReader.read(out);
        assertEquals("jetson-ee", p.name());
        assertEquals(List.of("conv1", "pool1", "conv2", "conv3", "pool2", "fc"),
                p.layers().stream().map(Layer::name).toList());
        assertEquals(3L * 224 * 224 * 4, p.inputBytes());
        Layer conv1 = p.layers().get(0);
        assertEquals(64L * 112 * 112 * 4, conv1.outputBytes()); // 64x112x112 fp32
        assertEquals(0.0048, conv1.time().meanSeconds(), 1e-15); // 4.8 ms
        assertEquals(0.0003, conv1.time().sdSeconds(), 1e-15);
        assertEquals(236027904L, conv1.flops());
        assertEquals(40L, p.layers().get(5).outputBytes()); // output_bytes as given
        Layer conv3 = p.layers().get(3);
        assertArrayEquals(new double[] {0.005, 0.0053, 0.0049, 0.0052}, conv3.time().samples(), 1e-15);
        // branches: b1 after pool1 (layer 2), b2 after conv3 (layer 4)
        assertEquals(2, p.branches().get(0).afterLayer());
        assertEquals(4, p.branches().get(1).afterLayer());
        assertEquals(0.0006, p.branches().get(0).time().meanSeconds(), 1e-15);
        // shares 0.3, 0.2 -> P(exit | reached) 0.3 and 0.2 / (1 - 0.3) = 2/7
        Condition.Rates pristine = (Condition.Rates) p.conditions().get("pristine");
        assertArrayEquals(new double[] {0.3, 0.2 / 0.7}, pristine.row(0.8).exitProbability(), 1e-12);
        assertArrayEquals(new double[] {0.91, 0.88, 0.86}, pristine.row(0.8).accuracy(), 1e-12);
        // 0.15, 0.25 -> 0.15 and 0.25 / 0.85
        assertArrayEquals(new double[] {0.15, 0.25 / 0.85}, pristine.row(0.9).exitProbability(), 1e-12);
        Condition.Rates blur = (Condition.Rates) p.conditions().get("blur");
        assertArrayEquals(new double[] {0.1, 0.2 / 0.9}, blur.row(0.8).exitProbability(), 1e-12);
    }

    @Test
    void conditionalProbabilitiesAreTakenAsTheyAreAndAccuracyIsOptional(@TempDir Path dir) throws Exception {
        Path exits = Files.writeString(dir.resolve("exits.csv"), """
                condition,threshold,exit,conditional
                pristine,0.8,b1,0.3
                pristine,0.8,b2,0.5
                """);
        Path out = dir.resolve("p");
        MainTest.Result r = importInto(out, LAYERS, exits);
        assertEquals(0, r.status(), r.err());
        Condition.Rates c = (Condition.Rates) ProfileReader.read(out).conditions().get("pristine");
        assertArrayEquals(new double[] {0.3, 0.5}, c.row(0.8).exitProbability(), 0);
        for (double a : c.row(0.8).accuracy()) {
            assertTrue(Double.isNaN(a));
        }
    }

    /**
     * The README's scenario on the imported profile: the simulated exit shares match the CSV's
     * (0.3, 0.2, final 0.5). 2 replications x 5,000 requests: the sd of a share is at most
     * sqrt(0.25 / 10,000) = 0.005, so 0.025 is five of them.
     */
    @Test
    void aScenarioOnTheImportedProfileExitsInTheCsvShares(@TempDir Path dir) throws Exception {
        assertEquals(0, importInto(dir.resolve("jetson-ee"), LAYERS, EXITS).status());
        String scenario = Files.readString(EXAMPLE.resolve("scenario.yaml"))
                .replace("profile: ../../../profiles/jetson-ee", "profile: jetson-ee")
                .replaceAll("run: \\{[^}]*\\}", "run: {requests: 5000, warmup: 500, replications: 2, seed: 7}")
                .replaceAll("output: \\{.*\\}", "output: {dir: " + dir.resolve("results") + ", name: s}");
        Path f = Files.writeString(dir.resolve("s.yaml"), scenario);
        MainTest.Result r = eesim("run", f.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        List<String> summary = Files.readAllLines(dir.resolve("results/s/summary.csv"));
        assertEquals(0.3, mean(summary, "exit.b1"), 0.025);
        assertEquals(0.2, mean(summary, "exit.b2"), 0.025);
        assertEquals(0.5, mean(summary, "exit.final"), 0.025);
        // accuracy: 0.3 * 0.91 + 0.2 * 0.88 + 0.5 * 0.86 = 0.879
        assertEquals(0.879, mean(summary, "accuracy"), 0.02);
    }

    private static double mean(List<String> summary, String metric) {
        for (String line : summary) {
            String[] cells = line.split(",");
            if (cells[1].equals(metric)) {
                return Double.parseDouble(cells[3]);
            }
        }
        throw new AssertionError("no " + metric + " in " + summary);
    }

    /** The example with line {@code line} (1-based) replaced, written to {@code dir}. */
    private static Path broken(Path dir, Path original, int line, String replacement) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(original));
        lines.set(line - 1, replacement);
        return Files.write(dir.resolve(original.getFileName()), lines);
    }

    private static String firstError(Path dir, Path layers, Path exits) {
        Path out = dir.resolve("out");
        MainTest.Result r = importInto(out, layers, exits);
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertFalse(Files.exists(out), "nothing is written on error");
        assertTrue(r.err().strip().endsWith("; nothing was written."), r.err());
        return r.err().lines().findFirst().orElseThrow();
    }

    @Test
    void anUnknownTimeUnitIsLocatedInTheHeader(@TempDir Path dir) throws IOException {
        Path layers = broken(dir, LAYERS, 3, "kind,name,after,time_min,time_sd_ms,samples_ms,output_shape,output_bytes,flops");
        assertEquals(layers + ":3:17 time_min: unknown time unit 'min' in column time_min (expected: s, ms, us)",
                firstError(dir, layers, EXITS));
    }

    @Test
    void anUnknownColumnIsLocatedInTheHeader(@TempDir Path dir) throws IOException {
        Path layers = broken(dir, LAYERS, 3, "kind,name,after,time_ms,time_sd_ms,samples_ms,output_shape,outptu_bytes,flops");
        assertEquals(layers + ":3:60 outptu_bytes: unknown column 'outptu_bytes': did you mean 'output_bytes'?"
                + " (columns: kind, name, after, output_shape, output_bytes, flops, time_<unit>, time_sd_<unit>, samples_<unit>)",
                firstError(dir, layers, EXITS));
    }

    @Test
    void bytesThatDisagreeWithTheShapeAreLocated(@TempDir Path dir) throws IOException {
        Path layers = broken(dir, LAYERS, 6, "layer,pool1,,0.9,0.1,,64x56x56,802817,0");
        assertEquals(layers + ":6:32 output_bytes: output_bytes 802817 disagrees with output_shape 64x56x56"
                + " (4 bytes per float32 element): give one of them", firstError(dir, layers, EXITS));
    }

    @Test
    void aMissingColumnIsNamed(@TempDir Path dir) throws IOException {
        Path layers = Files.writeString(dir.resolve("layers.csv"), "name,time_ms,output_bytes\nconv1,1,4\n");
        assertEquals(layers + ":1:1: missing column kind (header: name,time_ms,output_bytes)",
                firstError(dir, layers, EXITS));
    }

    @Test
    void aBranchAfterAnUnknownLayerIsLocated(@TempDir Path dir) throws IOException {
        Path layers = broken(dir, LAYERS, 7, "branch,b1,pool9,0.6,0.05,,,,");
        assertEquals(layers + ":7:11 after: unknown layer 'pool9' (a branch follows a layer listed above it;"
                + " layers so far: conv1, pool1)", firstError(dir, layers, EXITS));
    }

    @Test
    void sharesOverOneAreLocatedWhereTheSumPassesOne(@TempDir Path dir) throws IOException {
        Path exits = broken(dir, EXITS, 5, "pristine,0.8,b2,0.8,0.88");
        assertEquals(exits + ":5:17 share: the shares of condition pristine at threshold 0.8 sum to more than 1"
                + " here (1.1)", firstError(dir, LAYERS, exits));
    }

    @Test
    void anUnknownExitAndAMissingBranchRowAreLocated(@TempDir Path dir) throws IOException {
        Path exits = broken(dir, EXITS, 5, "pristine,0.8,b3,0.2,0.88");
        MainTest.Result r = importInto(dir.resolve("out"), LAYERS, exits);
        assertEquals(Main.USER_ERROR, r.status());
        assertEquals(List.of(exits + ":4:14 exit: condition pristine at threshold 0.8 lacks a row for exit b2",
                exits + ":5:14 exit: unknown exit 'b3' (exits: b1, b2, final)",
                "2 problems; nothing was written."), r.err().lines().toList());
    }

    @Test
    void aNonNumberIsLocatedAtItsCell(@TempDir Path dir) throws IOException {
        Path layers = broken(dir, LAYERS, 5, "layer,conv1,,4.8ms,0.3,,64x112x112,,236027904");
        assertEquals(layers + ":5:14 time_ms: not a number: '4.8ms'", firstError(dir, layers, EXITS));
    }

    @Test
    void aDuplicateLayerNameIsLocated(@TempDir Path dir) throws IOException {
        Path layers = broken(dir, LAYERS, 8, "layer,conv1,,6.2,0.4,,128x28x28,,462422016");
        assertEquals(layers + ":8:7 name: the name 'conv1' is used twice", firstError(dir, layers, EXITS));
    }

    @Test
    void anExistingFolderIsNotReplacedWithoutForce(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        MainTest.Result r = importInto(out, LAYERS, EXITS);
        assertEquals(Main.USER_ERROR, r.status());
        assertEquals(out + ": the folder exists already: choose another --out, or add --force to replace it",
                r.err().lines().findFirst().orElseThrow());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
        MainTest.Result forced = eesim("import-profile", LAYERS.toString(), "--exits", EXITS.toString(),
                "--out", out.toString(), "--force");
        assertEquals(0, forced.status(), forced.err());
        assertFalse(Files.exists(out.resolve("keep.txt")));
        assertTrue(Files.isRegularFile(out.resolve("profile.yaml")));
    }
}
