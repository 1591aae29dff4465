package org.eesim.models.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageTest {

    /** conv1 of the 28 px AlexNet at width 0.25: 16 filters 5x5 on 1x28x28, pad 2, then 2x2 pool. */
    @Test
    void convFlopsAndShapesByHand() {
        Stage s = new Stage(1, 28, 28).conv(16, 5, 1, 1).relu().maxPool(2, 2);
        assertEquals(2L * 16 * 28 * 28 * 1 * 25, s.flops());
        assertArrayEquals(new long[] {16, 14, 14}, s.shape());
        // depthwise 3x3 stride 2 on 48x14x14: 2 * 48 * 7 * 7 * 1 * 9
        Stage dw = new Stage(48, 14, 14).conv(48, 3, 2, 48);
        assertEquals(2L * 48 * 7 * 7 * 9, dw.flops());
        assertEquals(2L * 64 * 10, new Stage(64).linear(10).flops());
    }

    @Test
    void branchPoolsToAtMostTwoByTwo() {
        assertArrayEquals(new long[] {10}, Backbones.branch(new long[] {8, 7, 7}).shape());
        assertEquals(2L * 8 * 4 * 10, Backbones.branch(new long[] {8, 7, 7}).flops());
        assertEquals(2L * 8 * 4 * 10, Backbones.branch(new long[] {8, 28, 28}).flops());
        assertEquals(2L * 8 * 1 * 10, Backbones.branch(new long[] {8, 1, 1}).flops());
    }

    @Test
    void backbonesEndInTenLogits() {
        for (String net : List.of("tiny", "alexnet", "mobilenetv2", "resnet18")) {
            List<NetLayer> layers = Backbones.build(net, 0.25, new long[] {1, 28, 28});
            assertArrayEquals(new long[] {10}, layers.get(layers.size() - 1).outputShape(), net);
        }
        assertEquals(20, Backbones.build("mobilenetv2", 0.5, new long[] {1, 28, 28}).size());
        assertEquals(10, Backbones.build("resnet18", 0.25, new long[] {1, 28, 28}).size());
    }
}
