package org.eesim.profile;

import java.util.List;

/**
 * @param name        layer (block) name
 * @param time        its measured processing time
 * @param outputBytes size of its output tensor
 * @param outputShape shape of its output tensor (may be empty when unknown)
 * @param flops       floating point operations (0 when unknown)
 */
public record Layer(String name, TimeStats time, long outputBytes, List<Integer> outputShape, long flops) {
    public Layer {
        if (outputBytes < 0) {
            throw new IllegalArgumentException("output bytes must be >= 0");
        }
        outputShape = List.copyOf(outputShape);
    }
}
