package org.eesim.models.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.junit.jupiter.api.Test;

/** The full-size networks against independent layer tables: CARPEX's, seed 001's, and known MAC totals. */
class FullSizeTest {

    private static long total(List<NetLayer> layers) {
        return layers.stream().mapToLong(NetLayer::flops).sum();
    }

    /** profiles/b-alexnet-carpex/layers.csv: name, shape and MACs of each of CARPEX's 21 layers. */
    @Test
    void alexNetIsCarpexsLayerTable() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("..", "profiles", "b-alexnet-carpex", "layers.csv"));
        List<NetLayer> layers = FullSize.alexNet(10, new long[] {3, 224, 224});
        assertEquals(rows.size() - 1, layers.size());
        for (int k = 0; k < layers.size(); k++) {
            String[] f = rows.get(k + 1).split(",");
            NetLayer l = layers.get(k);
            assertEquals(f[1], l.name());
            assertEquals(f[3], String.join("x", java.util.Arrays.stream(l.outputShape()).mapToObj(Long::toString)
                    .toList()), l.name());
            assertEquals(2 * Long.parseLong(f[5]), l.flops(), l.name());
        }
        assertEquals(2L * 710_133_440, total(layers));
    }

    /** Seed 001's profile (layers computed by its import script from MobileNetV2's definition). */
    @Test
    void mobileNetV2At300IsSeed001sLayerTable() throws Exception {
        Profile p = ProfileReader.read(Path.of("..", "profiles", "b-mobilenet-distortion-robust"));
        List<NetLayer> layers = FullSize.mobileNetV2(258, new long[] {3, 300, 300});
        assertEquals(p.layers().size(), layers.size());
        for (int k = 0; k < layers.size(); k++) {
            var expected = p.layers().get(k);
            assertEquals(expected.name(), layers.get(k).name());
            assertArrayEquals(expected.outputShape().stream().mapToLong(Integer::longValue).toArray(),
                    layers.get(k).outputShape(), expected.name());
            assertEquals(expected.flops(), layers.get(k).flops(), expected.name());
        }
        // the linear rule over features[0..18] reaches its targets at f4, f11, f15 (0-based 4, 11, 15);
        // seed 001 inserts a branch before the block that reaches the target, so its branches read
        // f3, f10 and f14 (layers 4, 11, 15), where the profile has them
        long[] flops = layers.subList(0, 19).stream().mapToLong(NetLayer::flops).toArray();
        assertEquals(List.of(4, 11, 15), Placement.place(flops, Placement.linearTargets(
                java.util.Arrays.stream(flops).sum(), 3)));
        assertEquals(List.of(4, 11, 15), p.branches().stream().map(b -> b.afterLayer()).toList());
    }

    /** 300,774,272 MACs: MobileNetV2 at 224x224 with 1000 classes (conv and linear only). */
    @Test
    void mobileNetV2At224HasItsKnownMacs() {
        List<NetLayer> layers = FullSize.mobileNetV2(1000, new long[] {3, 224, 224});
        long poolAdditions = 1280 * 7 * 7;
        assertEquals(2L * 300_774_272 + poolAdditions, total(layers));
        assertArrayEquals(new long[] {1280, 7, 7}, layers.get(18).outputShape());
    }

    /**
     * ResNet-18 at 224: stem 64·112²·3·49 = 118,013,952 MACs; four 64-channel 3×3 convs at 56² of
     * 115,605,504; each later stage one strided conv (57,802,752), three full ones and a 1×1
     * projection (6,422,528); fc 512,000: 1,814,073,344 MACs.
     */
    @Test
    void resNet18HasItsKnownMacs() {
        List<NetLayer> layers = FullSize.resNet18(1000, new long[] {3, 224, 224});
        assertEquals(10, layers.size());
        assertEquals(2L * 118_013_952, layers.get(0).flops());
        assertArrayEquals(new long[] {64, 56, 56}, layers.get(0).outputShape());
        assertEquals(2L * (57_802_752 + 115_605_504 + 6_422_528), layers.get(3).flops());
        assertArrayEquals(new long[] {512, 7, 7}, layers.get(8).outputShape());
        assertEquals(2L * 1_814_073_344, total(layers));
    }

    @Test
    void adaptivePoolingWindowsAreTorchs() {
        // 27 -> 2: windows [0, 14) and [13, 27); 13 -> 2: [0, 7) and [6, 13); 6 -> 6: identity
        assertArrayEquals(new long[] {64, 2, 2}, new Stage(64, 27, 27).adaptiveAvgPool(2).shape());
        assertArrayEquals(new long[] {10}, FullSize.poolBranch(new long[] {384, 13, 13}, 10).shape());
        assertEquals(2L * 384 * 4 * 10, FullSize.poolBranch(new long[] {384, 13, 13}, 10).flops());
        assertEquals(2L * 24 * 258, FullSize.bnPoolBranch(new long[] {24, 75, 75}, 258).flops());
        assertThrows(IllegalArgumentException.class, () -> new Stage(8, 1, 1).adaptiveAvgPool(2));
    }
}
