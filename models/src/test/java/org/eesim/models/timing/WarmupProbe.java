package org.eesim.models.timing;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.eesim.models.net.FullSize;
import org.eesim.models.net.MultiExitBlock;

/**
 * Diagnostic main (not a test): whole-pass and split-pass times of every repetition from the
 * first, no warm-up, to see how long a network takes to reach its steady state. Args:
 * {@code net C,H,W classes repetitions}.
 */
public final class WarmupProbe {

    public static void main(String[] args) {
        String[] in = args[1].split(",");
        long[] input = {Long.parseLong(in[0]), Long.parseLong(in[1]), Long.parseLong(in[2])};
        int classes = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        Engine.getInstance().setRandomSeed(1);
        var layers = FullSize.build(args[0], classes, input);
        MultiExitBlock block = new MultiExitBlock(layers, List.of(2), s -> FullSize.poolBranch(s, classes));
        try (Model model = Model.newInstance("probe")) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, input[0], input[1], input[2]));
            long t0 = System.nanoTime();
            PassTimer.Result r = PassTimer.time(block, model.getNDManager(), TimingRun.input(input, 1), input, 0, reps,
                    new PrintStream(java.io.OutputStream.nullOutputStream()));
            System.out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - t0) / 1e9);
            for (int i = 0; i < reps; i++) {
                System.out.printf(Locale.ROOT, "%d %.2f %.2f%n", i, r.wholeSeconds()[i] * 1e3, r.splitSeconds()[i] * 1e3);
            }
        }
    }
}
