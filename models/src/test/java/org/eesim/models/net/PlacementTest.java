package org.eesim.models.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementTest {

    /** Ten layers of 10 FLOPs: cumulative 10, 20, ..., 100. */
    private static final long[] EVEN = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10};

    @Test
    void targetsFollowTheFormulas() {
        assertArrayEquals(new double[] {25, 50, 75}, Placement.linearTargets(100, 3), 1e-12);
        // F(1 - 0.8^(i+1)): 20, 36, 48.8, 59.04
        assertArrayEquals(new double[] {20, 36, 48.8, 59.04}, Placement.paretoTargets(100, 4), 1e-9);
    }

    @Test
    void branchesFollowTheFirstLayerReachingEachTarget() {
        // linear 25, 50, 75 -> cumulative 30 (layer 2), 50 (layer 4), 80 (layer 7); 0-based 2, 4, 7
        assertEquals(List.of(2, 4, 7), Placement.place(EVEN, Placement.targets("linear", 100, 3)));
        // pareto 20, 36, 48.8 -> cumulative 20, 40, 50 -> 0-based 1, 3, 4
        assertEquals(List.of(1, 3, 4), Placement.place(EVEN, Placement.targets("pareto", 100, 3)));
    }

    /**
     * Uneven FLOPs, shaped like a MobileNetV2 (cheap early blocks, expensive late ones), total 100:
     * cumulative 2, 5, 9, 14, 20, 28, 38, 52, 70, 100. Linear 2 branches: 33.3, 66.7 -> layers
     * 6 (38) and 8 (70). Pareto 3: 20, 36, 48.8 -> layers 4 (20), 6 (38), 7 (52).
     */
    @Test
    void unevenFlopsByHand() {
        long[] flops = {2, 3, 4, 5, 6, 8, 10, 14, 18, 30};
        assertEquals(List.of(6, 8), Placement.place(flops, Placement.targets("linear", 100, 2)));
        assertEquals(List.of(4, 6, 7), Placement.place(flops, Placement.targets("pareto", 100, 3)));
    }

    @Test
    void collisionsMoveToTheNextLayerAndTheLastLayerIsNeverUsed() {
        long[] flops = {90, 5, 5};
        // linear 3 of 100: 25, 50, 75 all reached by layer 0 -> 0, then 1, then none left
        assertThrows(IllegalArgumentException.class, () -> Placement.place(flops, Placement.linearTargets(100, 3)));
        assertEquals(List.of(0, 1), Placement.place(flops, Placement.linearTargets(100, 2)));
    }

    @Test
    void explicitPositionsAreOneBasedAndChecked() {
        assertEquals(List.of(1, 4), Placement.explicit(List.of(2, 5), 10));
        assertThrows(IllegalArgumentException.class, () -> Placement.explicit(List.of(5, 2), 10));
        assertThrows(IllegalArgumentException.class, () -> Placement.explicit(List.of(10), 10));
    }
}
