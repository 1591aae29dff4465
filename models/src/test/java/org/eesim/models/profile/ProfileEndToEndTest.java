package org.eesim.models.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiny residual network trained on 400 Fashion-MNIST images for one epoch and profiled on 300
 * test images with 2 branches and both expert branch sets (the second fine-tunes reloaded branches): the written profile must load in
 * sim-core, and the exits counted from the written trace must equal the in-memory counts.
 * Accuracy is not asserted (400 images and one epoch make a near-random network on purpose).
 */
class ProfileEndToEndTest {

    @TempDir
    static Path dir;
    static Profile profile;
    static ProfileRun run;

    @BeforeAll
    static void profileTinyNetwork() throws Exception {
        RunOptions o = new RunOptions("tiny", "tiny-test", 1, 2, "linear", List.of(), "fashion-mnist", null, 400, 100,
                300, 1, 64, 1e-3f, List.of("blur", "noise"), 1, 2, 10, 3, dir.resolve("profiles"), dir.resolve("weights"),
                false, true);
        run = new ProfileRun(o, System.err);
        profile = run.run();
    }

    @Test
    void profileLoadsWithEveryConditionAndBranchSet() {
        assertEquals(4, profile.layers().size());
        assertEquals(2, profile.branches().size());
        assertEquals(33, profile.conditions().size());
        assertEquals("expert-noise", profile.conditions().get("pristine@expert-noise").parameters().get("branch_set"));
        Condition standard = profile.conditions().get("blur-3");
        assertEquals("standard", standard.parameters().get("branch_set"));
        assertEquals("3", standard.parameters().get("sigma"));
        assertEquals("13x13", standard.parameters().get("kernel"));
        Condition expert = profile.conditions().get("blur-3@expert-blur");
        assertEquals("expert-blur", expert.parameters().get("branch_set"));
        assertEquals("20", profile.conditions().get("noise-3@expert-blur").parameters().get("sigma"));
        assertEquals(300, ((Condition.Trace) standard).samples());
        assertTrue(Files.isRegularFile(dir.resolve("profiles/tiny-test/timing.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("weights/tiny-test/expert-blur.params")));
        assertTrue(profile.provenance().get("distortion_classifier_confusion").startsWith("rows true"));
    }

    @Test
    void bytesAreTheShapeTimesFourAndTimesKeepTheirSamples() {
        for (Layer l : profile.layers()) {
            long product = l.outputShape().stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
            assertEquals(product * 4, l.outputBytes(), l.name());
            assertEquals(10, l.time().samples().length, l.name());
        }
        assertEquals(List.of(8, 14, 14), profile.layers().get(0).outputShape());
        assertEquals(List.of(10), profile.layers().get(3).outputShape());
        assertEquals(2L * 8 * 28 * 28 * 9, profile.layers().get(0).flops());
    }

    @Test
    void exitCountsFromTheTraceEqualTheProfilersCounts() {
        for (ProfileWriter.ConditionEntry c : run.conditions()) {
            Condition.Trace t = (Condition.Trace) profile.conditions().get(c.name());
            for (double threshold : new double[] {0.5, 0.8, 0.95}) {
                int[] fromTrace = new int[t.exitCount()];
                for (int s = 0; s < t.samples(); s++) {
                    int e = 0;
                    while (e < t.exitCount() - 1 && t.confidence(s, e) < threshold) {
                        e++;
                    }
                    fromTrace[e]++;
                }
                assertArrayEquals(c.stats().exitCounts(threshold), fromTrace, c.name() + " at " + threshold);
            }
        }
    }
}
