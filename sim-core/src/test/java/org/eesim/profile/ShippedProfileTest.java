package org.eesim.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shipped B-AlexNet profile imported from CARPEX's published measurements loads as documented. */
class ShippedProfileTest {

    @Test
    void bAlexNetCarpex() throws Exception {
        Profile p = ProfileReader.read(Path.of("../profiles/b-alexnet-carpex"));
        assertEquals(21, p.layers().size());
        assertEquals(List.of(3, 6, 8), p.branches().stream().map(Branch::afterLayer).toList(),
                "CARPEX's branch positions [2, 5, 7] index torchvision's features from 0");
        assertEquals(602_112, p.inputBytes(), "3 x 224 x 224 float32");
        assertEquals(64 * 27 * 27 * 4, p.bytesAfter(3), "pool1 output");
        double total = p.layers().stream().mapToDouble(l -> l.time().meanSeconds()).sum();
        assertEquals(0.02552, total, 5e-5, "layer means sum to the README's 25.52 ms");
        assertEquals(50, p.layers().get(0).time().samples().length, "CARPEX's 50 runs are kept");
        Condition.Rates rates = (Condition.Rates) p.conditions().get("pristine");
        Condition.RateRow row = rates.row(0.8);
        assertEquals(0.375, row.exitProbability()[1], 1e-12, "300 of the 800 that reach b2");
        assertTrue(Double.isNaN(row.accuracy()[0]), "CARPEX publishes no accuracy: .nan is read as unknown");
        assertEquals(64, p.sha256().length());
    }

    @Test
    void bMobileNetDistortionRobust() throws Exception {
        Profile p = ProfileReader.read(Path.of("../profiles/b-mobilenet-distortion-robust"));
        assertEquals(21, p.layers().size(), "MobileNetV2's 19 blocks, the pool and the classifier");
        assertEquals(List.of(4, 11, 15), p.branches().stream().map(Branch::afterLayer).toList(),
                "the seed's linear rule: branches where cumulative MACs reach 1/4, 2/4, 3/4");
        assertEquals(3 * 300 * 300 * 4, p.inputBytes());
        assertEquals(23, p.conditions().size(), "pristine, 5 blur, 5 noise; 6 + 6 with expert branches");
        Condition.Rates blur3 = (Condition.Rates) p.conditions().get("blur-3@expert-blur");
        assertEquals("expert-blur", blur3.parameters().get("branch_set"));
        assertEquals("3", blur3.parameters().get("sigma"));
        assertEquals(5, blur3.rows().size(), "p_tar 0.7, 0.75, 0.8, 0.85, 0.9");
        // published at p_tar 0.8: edge_exit_rate_branch_1..3 = 0.0327, 8.1152, 30.3992 (cumulative %)
        double[] q = blur3.row(0.8).exitProbability();
        assertEquals(0.30399214659685864, 1 - (1 - q[0]) * (1 - q[1]) * (1 - q[2]), 1e-12);
        assertEquals(0.08115183246073299, 1 - (1 - q[0]) * (1 - q[1]), 1e-12);
        assertEquals("standard", p.conditions().get("noise-40").parameters().get("branch_set"));
    }

    /**
     * The condition parameters every shipped profile follows (docs/scenario-reference.md), so
     * that policies and figures can tell a condition's distortion without parsing its name.
     */
    @Test
    void everyShippedProfileFollowsTheConditionConvention() throws Exception {
        List<Path> dirs;
        try (var list = java.nio.file.Files.list(Path.of("../profiles"))) {
            dirs = list.filter(d -> java.nio.file.Files.exists(d.resolve("profile.yaml"))).sorted().toList();
        }
        assertTrue(dirs.size() >= 6, "the shipped profiles: " + dirs);
        for (Path dir : dirs) {
            Profile p = ProfileReader.read(dir);
            p.conditions().forEach((name, c) -> {
                var params = c.parameters();
                String where = dir.getFileName() + " " + name;
                String type = params.get("type");
                assertTrue(List.of("none", "gaussian_blur", "gaussian_noise").contains(type), where + " type " + type);
                if (!type.equals("none")) {
                    int sigma = Integer.parseInt(params.get("sigma"));
                    assertTrue(params.containsKey("sigma_units"), where);
                    if (type.equals("gaussian_blur")) {
                        assertEquals((4 * sigma + 1) + "x" + (4 * sigma + 1), params.get("kernel"), where);
                    }
                }
                String set = params.getOrDefault("branch_set", "standard");
                assertTrue(set.equals("standard") ? !name.contains("@") : name.endsWith("@" + set),
                        where + ": expert conditions are named <condition>@<branch_set>");
            });
        }
    }
}
