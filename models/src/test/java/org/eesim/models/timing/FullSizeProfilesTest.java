package org.eesim.models.timing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eesim.models.net.FullSize;
import org.eesim.models.net.NetLayer;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every full-size profile timed here loads in sim-core and is what its provenance says: the
 * network rebuilt from its command has its layers (names, output shapes, FLOPs) and branch
 * positions; every layer and branch has the same number (at least 200) of raw repetitions, one
 * per pass; the timing was accepted under the load rule; samples.csv holds the same numbers.
 */
class FullSizeProfilesTest {

    static final Path PROFILES = Path.of("..", "profiles");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "b-alexnet-djl                 | alexnet-full     | 224 | 10   | 3,6,8",
        "b-mobilenet-distortion-robust | mobilenetv2-full | 300 | 258  | 4,11,15",
        "b-mobilenetv2-5exit-djl       | mobilenetv2-full | 300 | 258  | 3,6,11,14,17",
        "resnet18-224-djl              | resnet18-full    | 224 | 1000 | linear",
        "mobilenetv2-224-djl           | mobilenetv2-full | 224 | 1000 | linear"})
    void loadsAndIsTheNetworkItsCommandNames(String name, String net, int size, int classes, String branches)
            throws Exception {
        Path dir = PROFILES.resolve(name);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), name + " not timed yet");
        Profile p = ProfileReader.read(dir);
        List<NetLayer> built = FullSize.build(net, classes, new long[] {3, size, size});
        assertEquals(built.size(), p.layers().size());
        for (int k = 0; k < built.size(); k++) {
            Layer l = p.layers().get(k);
            assertEquals(built.get(k).name(), l.name());
            assertArrayEquals(built.get(k).outputShape(), l.outputShape().stream().mapToLong(Integer::longValue)
                    .toArray(), l.name());
            assertEquals(built.get(k).flops(), l.flops(), l.name());
        }
        List<Integer> after = branches.equals("linear") ? NetSpec.positions(built, "linear", 3, List.of())
                : Placement1Based.of(branches);
        assertEquals(after.stream().map(k -> k + 1).toList(), p.branches().stream().map(b -> b.afterLayer()).toList());
        int n = p.layers().get(0).time().samples().length;
        assertTrue(n >= TimingOptions.MIN_REPETITIONS, name + ": " + n + " repetitions");
        p.layers().forEach(l -> assertEquals(n, l.time().samples().length, l.name()));
        p.branches().forEach(b -> assertEquals(n, b.time().samples().length, b.name()));
        String checks = p.provenance().getOrDefault("load_checks", p.provenance().get("timing_load_checks"));
        assertTrue(checks.endsWith(": accepted"), checks);
        String weights = p.provenance().getOrDefault("weights", p.provenance().get("timing_weights"));
        assertTrue(weights.startsWith("untrained"), weights);
        // samples.csv: the same repetitions, column by column
        List<String> rows = Files.readAllLines(dir.resolve("samples.csv"));
        assertEquals(n + 1, rows.size());
        String[] header = rows.get(0).split(",");
        assertEquals("layer/" + p.layers().get(0).name(), header[1]);
        assertEquals(p.layers().get(0).time().samples()[7], Double.parseDouble(rows.get(8).split(",")[1]),
                1e-9 * p.layers().get(0).time().samples()[7]);
        assertTrue(p.provenance().values().stream().noneMatch(v -> v.contains("/work/") || v.contains("/tmp/")),
                "provenance names repository-relative paths only");
    }

    /** "3,6,8": 1-based layer numbers to 0-based indices. */
    static final class Placement1Based {
        static List<Integer> of(String positions) {
            return java.util.Arrays.stream(positions.split(",")).map(s -> Integer.parseInt(s.trim()) - 1).toList();
        }
    }
}
