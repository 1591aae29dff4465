package org.eesim.models.net;

import ai.djl.nn.Block;
import java.util.Objects;

/** One profiled backbone layer (a block timed as a unit), its output shape per sample and FLOPs. */
public record NetLayer(String name, Block block, long[] outputShape, long flops) {

    public NetLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(block, "block");
        outputShape = outputShape.clone();
        if (flops < 0) {
            throw new IllegalArgumentException("flops < 0 in " + name);
        }
    }

    public static NetLayer of(String name, Stage stage) {
        return new NetLayer(name, stage.block(), stage.shape(), stage.flops());
    }

    @Override
    public long[] outputShape() {
        return outputShape.clone();
    }
}
