package org.eesim.models.profile;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.MultiExitBlock;
import org.eesim.models.net.NetLayer;
import org.eesim.models.net.Placement;

/**
 * Diagnostic main (issue 10, not a test): times a shipped profile's network (random weights) at
 * batch 1 the way ProfileRun does (LayerTimer) and prints the sum of layer medians and of branch
 * medians, in ms, with this JVM's oneDNN cap. Args: {@code net width [warmup] [repetitions]}.
 */
public final class TimingProbe {

    public static void main(String[] args) {
        String net = args[0];
        double width = Double.parseDouble(args[1]);
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        List<NetLayer> layers = Backbones.build(net, width, new long[] {1, 28, 28});
        long[] flops = layers.stream().mapToLong(NetLayer::flops).toArray();
        List<Integer> after = Placement.place(flops, Placement.targets("linear", java.util.Arrays.stream(flops).sum(), 3));
        Engine.getInstance().setRandomSeed(1);
        MultiExitBlock block = new MultiExitBlock(layers, after);
        try (Model model = Model.newInstance(net)) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
            float[] image = new float[28 * 28];
            for (int i = 0; i < image.length; i++) {
                image[i] = (i % 29) / 29f;
            }
            LayerTimer.Timings t = LayerTimer.time(block, model.getNDManager(), image, 28, 28, warmup, reps,
                    new PrintStream(java.io.OutputStream.nullOutputStream()));
            double layersMs = 0;
            for (double[] s : t.layerSeconds()) {
                layersMs += LayerTimer.median(s) * 1e3;
            }
            double branchesMs = 0;
            for (double[] s : t.branchSeconds()) {
                branchesMs += LayerTimer.median(s) * 1e3;
            }
            String isa = System.getenv("ONEDNN_MAX_CPU_ISA") != null ? System.getenv("ONEDNN_MAX_CPU_ISA")
                    : System.getenv("DNNL_MAX_CPU_ISA");
            System.out.printf(Locale.ROOT, "%s %s cap=%s layers_ms=%.4f branches_ms=%.4f load=%.2f%n", net, width,
                    isa == null ? "none" : isa, layersMs, branchesMs, ProfileRun.loadAverage());
        }
    }
}
