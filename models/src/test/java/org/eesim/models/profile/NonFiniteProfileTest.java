package org.eesim.models.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eesim.models.train.NonFiniteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing NaN reaches a trace or a profile folder (issue 10). */
class NonFiniteProfileTest {

    @TempDir
    Path dir;

    static float[][][] logits() {
        return new float[][][] {{{1, 2, 3}, {0, 0, 5}}, {{2, 1, 0}, {3, 3, 1}}, {{0, 1, 0}, {1, 0, 0}}};
    }

    @Test
    void exitStatsRefusesANaNLogitNamingNetworkExitAndSample() {
        float[][][] z = logits();
        z[1][1][2] = Float.NaN;
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> ExitStats.of(z, new double[] {1, 1, 1}, new int[] {2, 2}, "ee-net", "condition blur-1"));
        assertTrue(e.getMessage().startsWith("network 'ee-net': logit 2 of exit b2 for sample 1 of condition blur-1"
                + " is NaN; nothing is written. Try: "), e.getMessage());
        assertTrue(e.getMessage().contains("DNNL_MAX_CPU_ISA=AVX2"), e.getMessage());
        assertEquals(3, ExitStats.of(logits(), new double[] {1, 1, 1}, new int[] {2, 2}, "ee-net", "x").exits());
    }

    @Test
    void exitStatsRefusesANaNTemperature() {
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> ExitStats.of(logits(), new double[] {1, 1, Double.NaN}, new int[] {2, 2}, "ee-net", "pristine"));
        assertTrue(e.getMessage().startsWith("network 'ee-net': temperature of exit final (pristine) is NaN"),
                e.getMessage());
    }

    @Test
    void theWriterRefusesANaNConfidenceAndWritesNothing() {
        ExitStats ok = ExitStats.of(logits(), new double[] {1, 1, 1}, new int[] {2, 2});
        double[][] conf = {ok.confidence()[0].clone(), ok.confidence()[1].clone(), {0.5, Double.NaN}};
        ExitStats bad = new ExitStats(conf, ok.entropy(), ok.correct());
        Path profile = dir.resolve("p");
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> ProfileWriter.write(profile, "p", "d",
                Map.of(), new long[] {1, 28, 28}, List.of(new ProfileWriter.LayerEntry("l1", new double[] {1e-3, 2e-3},
                        new long[] {10}, 5)), List.of(new ProfileWriter.BranchEntry("b1", "l1", new double[] {1e-4, 1e-4})),
                List.of(new ProfileWriter.ConditionEntry("pristine", Map.of(), ok),
                        new ProfileWriter.ConditionEntry("blur-1", Map.of(), bad))));
        assertTrue(e.getMessage().startsWith("network 'p': refusing to write the profile: condition blur-1, exit final,"
                + " sample 1: confidence NaN"), e.getMessage());
        assertFalse(Files.exists(profile));
    }

    @Test
    void publishReplacesTheOldFolderOnlyWithACompleteOne() throws Exception {
        Path profile = dir.resolve("net");
        Files.createDirectories(profile.resolve("traces"));
        Files.writeString(profile.resolve("traces/stale.csv"), "old");
        Path staging = ProfileWriter.staging(profile);
        assertTrue(staging.getFileName().toString().startsWith(".net.partial-"), staging.toString());
        assertTrue(Files.exists(profile.resolve("traces/stale.csv")), "the old profile stays until publish");
        Files.writeString(staging.resolve("profile.yaml"), "new");
        ProfileWriter.publish(staging, profile);
        assertEquals("new", Files.readString(profile.resolve("profile.yaml")));
        assertFalse(Files.exists(profile.resolve("traces/stale.csv")));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(profile), left.toList(), "no staging or old folder left");
        }
    }
}
