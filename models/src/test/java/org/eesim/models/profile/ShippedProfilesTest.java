package org.eesim.models.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eesim.profile.Condition;
import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The profiles measured by this module and committed under profiles/ still load in sim-core and
 * keep the contract policy code relies on: every standard condition has branch_set standard, every
 * expert one is named {@code <condition>@<branch_set>}, and each expert set covers all 11 conditions.
 */
class ShippedProfilesTest {

    private static final List<String> BASE = List.of("pristine", "blur-1", "blur-2", "blur-3", "blur-4", "blur-5",
            "noise-1", "noise-2", "noise-3", "noise-4", "noise-5");

    @ParameterizedTest
    @ValueSource(strings = {"ee-alexnet-fmnist", "ee-mobilenetv2-fmnist", "ee-resnet18-fmnist"})
    void loadsAndFollowsTheBranchSetContract(String name) throws Exception {
        Profile p = ProfileReader.read(Path.of("..", "profiles", name));
        assertEquals(3, p.branches().size());
        for (String base : BASE) {
            assertEquals("standard", p.conditions().get(base).parameters().get("branch_set"), name + " " + base);
        }
        for (Map.Entry<String, Condition> e : p.conditions().entrySet()) {
            String set = e.getValue().parameters().get("branch_set");
            String expected = set.equals("standard") ? e.getKey() : e.getKey().replaceAll("@.*", "") + "@" + set;
            assertEquals(expected, e.getKey());
            assertEquals(2000, ((Condition.Trace) e.getValue()).samples());
        }
        assertEquals(0, p.conditions().size() % BASE.size());
        for (String base : BASE) {
            p.conditions().keySet().stream().filter(k -> k.contains("@"))
                    .map(k -> k.substring(k.indexOf('@'))).distinct()
                    .forEach(suffix -> assertTrue(p.conditions().containsKey(base + suffix), base + suffix));
        }
    }
}
