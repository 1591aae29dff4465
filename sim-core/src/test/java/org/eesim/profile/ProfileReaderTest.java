package org.eesim.profile;

import static org.eesim.yaml.ProblemAssertions.copyTree;
import static org.eesim.yaml.ProblemAssertions.edit;
import static org.eesim.yaml.ProblemAssertions.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eesim.scenario.ExitRule;
import org.eesim.yaml.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileReaderTest {

    static final Path TINY = resource("profiles/tiny");

    @Test
    void readsLayersWithTheirTimesAndBytes() throws ProblemsException {
        Profile p = ProfileReader.read(TINY);
        assertEquals("tiny", p.name());
        assertEquals(Map.of("source", "hand-written", "hardware", "none", "notes", "numbers are made up"),
                p.provenance());
        assertEquals(12288, p.inputBytes());
        assertEquals(List.of("conv1", "conv2", "fc"), p.layers().stream().map(Layer::name).toList());
        Layer conv1 = p.layers().get(0);
        assertEquals(16 * 16 * 16 * 4, conv1.outputBytes(), "shape times the default 4-byte element");
        assertEquals(List.of(16, 16, 16), conv1.outputShape());
        assertEquals(1_000_000, conv1.flops());
        assertEquals(0.002, conv1.time().meanSeconds());
        assertEquals(0.0004, conv1.time().sdSeconds());
        assertArrayEquals(new double[] {0.0018, 0.0022, 0.002}, conv1.time().samples());
        TimeStats conv2 = p.layers().get(1).time();
        assertEquals(0.003, conv2.meanSeconds(), 1e-15, "mean of the samples alone");
        assertEquals(0.0002, conv2.sdSeconds(), 1e-15, "sample sd of 0.003, 0.0032, 0.0028");
        assertEquals(8192, p.layers().get(1).outputBytes());
        assertEquals(0, p.layers().get(2).flops());
    }

    @Test
    void readsBranchesByLayerNameOrNumber() throws ProblemsException {
        Profile p = ProfileReader.read(TINY);
        assertEquals(List.of("b1", "b2"),
                p.branches().stream().map(Branch::name).toList());
        assertEquals(1, p.branches().get(0).afterLayer());
        assertEquals(2, p.branches().get(1).afterLayer());
        assertEquals(0.0006, p.branches().get(1).time().meanSeconds());
        assertEquals(3, p.exitCount());
    }

    @Test
    void readsTraceConditions() throws ProblemsException {
        Condition.Trace t = assertInstanceOf(Condition.Trace.class, ProfileReader.read(TINY).conditions().get("pristine"));
        assertEquals(10, t.samples());
        assertEquals(3, t.exitCount());
        // First data row: 0,0.594,0.406,0,0.541,0.459,0,0.891,0.109,1
        assertEquals(0.594f, (float) t.confidence(0, 0));
        assertEquals(0.459f, (float) t.entropy(0, 1));
        assertTrue(t.correct(0, 2));
        assertEquals(Map.of("type", "none"), t.parameters());
        Condition blur = ProfileReader.read(TINY).conditions().get("blur-3");
        assertEquals(Map.of("type", "gaussian_blur", "sigma", "3", "kernel", "13"), blur.parameters());
    }

    @Test
    void readsRateConditions() throws ProblemsException {
        Condition.Rates r = assertInstanceOf(Condition.Rates.class, ProfileReader.read(TINY).conditions().get("imported"));
        assertEquals(ExitRule.Kind.MAX_SOFTMAX, r.rule());
        assertEquals(2, r.rows().size());
        assertArrayEquals(new double[] {0.3, 0.2}, r.row(0.8).exitProbability());
        assertArrayEquals(new double[] {0.95, 0.9, 0.7}, r.row(0.9).accuracy());
    }

    @Test
    void hashCoversProfileAndTraces(@TempDir Path tmp) throws ProblemsException {
        String original = ProfileReader.read(TINY).sha256();
        assertEquals(64, original.length());
        Path copy = copyTree(TINY, tmp.resolve("elsewhere"));
        assertEquals(original, ProfileReader.read(copy).sha256(), "the folder's place does not matter");
        edit(copy.resolve("traces/blur-3.csv"), "\n9,", "\n10,");
        assertNotEquals(original, ProfileReader.read(copy).sha256(), "a trace is covered");
    }

    @Test
    void hashIgnoresFilesTheProfileDoesNotUse(@TempDir Path tmp) throws Exception {
        Path copy = copyTree(TINY, tmp.resolve("p"));
        String before = ProfileReader.read(copy).sha256();
        java.nio.file.Files.writeString(copy.resolve("README.md"), "notes");
        assertEquals(before, ProfileReader.read(copy).sha256());
    }
}
