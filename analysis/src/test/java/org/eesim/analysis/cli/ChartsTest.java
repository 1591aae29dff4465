package org.eesim.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on a copy of the real quickstart run. */
class ChartsTest {

    @TempDir
    Path tmp;

    private Path copyQuickstart() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("results/quickstart-20261121-210539"));
        try (var files = Files.list(Path.of("src/test/resources/fixtures/quickstart"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        return Charts.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void oneFolderGivesItsFiguresAndTable() throws Exception {
        Path dir = copyQuickstart();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "--latest", tmp.resolve("results").toString()), err.toString());
        for (String f : new String[] {"latency-cdf.pdf", "latency-cdf.svg", "latency-cdf.png",
                "latency-cdf.csv", "exit-distribution.pdf", "exit-distribution.csv",
                "summary.tex"}) {
            assertTrue(Files.exists(dir.resolve("figures").resolve(f)), f);
        }
    }

    @Test
    void theRunsOutputSectionChoosesTheFiguresWhenTheCommandLineDoesNot() throws Exception {
        Path dir = copyQuickstart();
        Path resolved = dir.resolve("resolved.yaml");
        String yaml = Files.readString(resolved);
        assertTrue(yaml.contains("output:\n"), "the fixture has an output section");
        Files.writeString(resolved, yaml.replace("output:\n", "output:\n  figures: [exit-distribution]\n"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, dir.toString()), err.toString());
        assertTrue(Files.exists(dir.resolve("figures/exit-distribution.pdf")));
        assertFalse(Files.exists(dir.resolve("figures/latency-cdf.pdf")), "not asked for");
        assertFalse(Files.exists(dir.resolve("figures/summary.tex")), "not asked for");
    }

    @Test
    void twoColumnFiguresSpanTheTextWidth() throws Exception {
        Path dir = copyQuickstart();
        StringWriter err = new StringWriter();
        assertEquals(0, run(new StringWriter(), err, dir.toString(), "--figures", "latency-cdf", "--two-column",
                "--out", tmp.resolve("wide").toString()), err.toString());
        var png = javax.imageio.ImageIO.read(tmp.resolve("wide/latency-cdf.png").toFile());
        assertEquals(org.eesim.analysis.style.Exporter.pixels(7.16 * 72), png.getWidth(), "IEEEtran text width");
    }

    @Test
    void versionAndHelpNameTheCommandAndExitZero() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "--version"));
        String version = org.eesim.results.RunFolder.version();
        assertFalse(version.equals("unknown"), "the filtered version resource is on the class path");
        assertEquals("eesim-plot " + version, out.toString().strip());
        StringWriter help = new StringWriter();
        assertEquals(0, run(help, new StringWriter(), "--help"));
        assertTrue(help.toString().startsWith("Usage: eesim-plot "), help.toString());
        assertTrue(help.toString().contains("--[no-]log-x") && help.toString().contains("--stats"), help.toString());
    }

    @Test
    void simCoreChecksTheFigureNamesThisModuleDraws() {
        assertEquals(org.eesim.scenario.Output.FIGURES, java.util.Arrays.stream(
                org.eesim.analysis.figures.Figures.Kind.values()).map(k -> k.fileName()).toList());
    }

    @Test
    void badColumnIsOneLineWithoutStackTrace() throws Exception {
        Path dir = copyQuickstart();
        Path summary = dir.resolve("summary.csv");
        Files.writeString(summary, Files.readString(summary).replace("ci_high", "ci_hi"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, dir.toString()));
        String message = err.toString().strip();
        assertEquals("error: " + summary + ":1 ci_high: missing from the header"
                + " (found: point,metric,n,mean,sd,ci_low,ci_hi)", message);
        assertFalse(message.contains("Exception"));
    }

    @Test
    void vsXFiguresNeedAnXKey() throws Exception {
        Path dir = copyQuickstart();
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, dir.toString(), "--figures", "latency-vs-x"));
        assertTrue(err.toString().contains("latency-vs-x needs --x KEY"), err.toString());
    }

    @Test
    void unknownFigureListsTheKnownOnes() throws Exception {
        Path dir = copyQuickstart();
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, dir.toString(), "--figures", "pie"));
        assertTrue(err.toString().contains("unknown figure 'pie' (known: latency-cdf"),
                err.toString());
    }
}
