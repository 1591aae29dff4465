package org.eesim.models.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eesim.models.net.Backbones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's run on a few Fashion-MNIST images: resumed runs equal unbroken ones; bad options are refused. */
class StalenessRunTest {

    @TempDir
    Path dir;

    private StalenessOptions options(String name, int epochs, int chunk, int staleness) {
        return new StalenessOptions("tiny", 1, "res1", staleness, FeatureCodec.INT8, Feedback.RESIDUAL, epochs, 16,
                0.02f, 0.9f, 1e-4f, 160, 100, 3, "fashion-mnist", null, dir.resolve("out"), name, chunk,
                dir.resolve("ck"), 2);
    }

    @Test
    void aRunInChunksEqualsAnUnbrokenRun() throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        List<String> whole = new StalenessRun(options("whole", 2, 0, 2), quiet).run();
        new StalenessRun(options("chunked", 2, 1, 2), quiet).run();
        List<String> chunked = new StalenessRun(options("chunked", 2, 1, 2), quiet).run();
        // epoch 0, two evaluations in each of the two epochs
        assertEquals(5, whole.size());
        assertEquals(whole.size(), chunked.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(withoutSeconds(whole.get(i)).replace("whole", "chunked"), withoutSeconds(chunked.get(i)),
                    "row " + i);
        }
        List<String> file = Files.readAllLines(dir.resolve("out/chunked.csv"));
        assertEquals(StalenessRun.HEADER, file.get(0));
        assertEquals(chunked, file.subList(1, file.size()));
        String provenance = Files.readString(dir.resolve("out/chunked.provenance.yaml"));
        assertTrue(provenance.contains("epochs 1-1:") && provenance.contains("epochs 2-2:"), provenance);
        assertTrue(provenance.contains("--chunk-epochs 1"), provenance);
        // a third command has nothing left to do
        assertEquals(chunked, new StalenessRun(options("chunked", 2, 1, 2), quiet).run());
        // other options under the same name are refused, not mixed into the checkpoint
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StalenessRun(options("chunked", 3, 1, 1), quiet).run());
        assertTrue(e.getMessage().contains("other options"), e.getMessage());
    }

    @Test
    void theSplitIsALayerNameOrIndexThatLeavesBothSidesSomething() {
        var layers = Backbones.tinyResidual(new long[] {1, 28, 28});
        assertEquals(1, StalenessRun.splitIndex(layers, "res1"));
        assertEquals(2, StalenessRun.splitIndex(layers, "2"));
        IllegalArgumentException last = assertThrows(IllegalArgumentException.class,
                () -> StalenessRun.splitIndex(layers, "head"));
        assertTrue(last.getMessage().contains("0..2"), last.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> StalenessRun.splitIndex(layers, "conv9"));
        assertTrue(unknown.getMessage().contains("[stem, res1, conv2, head]"), unknown.getMessage());
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StalenessOptions("tiny", 1, "res1", 0,
                FeatureCodec.FP32, Feedback.GRADIENT, 1, 16, 0.02f, 0.9f, 0f, 160, 100, 3, "fashion-mnist", null, dir,
                null, 0, dir, 1));
        assertThrows(IllegalArgumentException.class, () -> new StalenessOptions("tiny", 1, "res1", 0,
                FeatureCodec.FP32, Feedback.NONE, 1, 16, 0.02f, 1f, 0f, 160, 100, 3, "fashion-mnist", null, dir,
                null, 0, dir, 1));
        assertThrows(IllegalArgumentException.class, () -> new StalenessOptions("tiny", 1, "res1", 0,
                FeatureCodec.FP32, Feedback.NONE, 1, 16, 0.02f, 0.9f, 0f, 160, 100, 3, "fashion-mnist", null, dir,
                "a/b", 0, dir, 1));
        assertEquals("k4-int8-gradient-s3", new StalenessOptions("tiny", 1, "res1", 4, FeatureCodec.INT8,
                Feedback.GRADIENT, 1, 16, 0.02f, 0.9f, 0f, 160, 100, 3, "fashion-mnist", null, dir, null, 0, dir, 1)
                .name());
        assertEquals("1.25", StalenessRun.epochLabel(1.25));
        assertEquals("2", StalenessRun.epochLabel(2.0));
        assertEquals("0.333333", StalenessRun.epochLabel(1.0 / 3));
    }

    private static String withoutSeconds(String row) {
        return row.substring(0, row.lastIndexOf(','));
    }
}
