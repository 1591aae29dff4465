package org.eesim.models.profile;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.PrintStream;
import java.util.List;
import org.eesim.models.net.MultiExitBlock;

/**
 * Per-layer and per-branch wall time at batch 1, in inference mode, the way CARPEX measured:
 * each repetition runs the whole chain once, timing every layer's forward on its own and every
 * branch on the output of the layer it follows. PyTorch's CPU ops run synchronously, so a
 * forward's return marks its end. The first {@code warmup} repetitions are dropped.
 */
public final class LayerTimer {

    private LayerTimer() {
    }

    /** Seconds per repetition for each layer and branch, and each layer's output shape (batch axis dropped). */
    public record Timings(double[][] layerSeconds, double[][] branchSeconds, long[][] outputShapes) {
    }

    public static Timings time(MultiExitBlock block, NDManager manager, float[] image, int rows, int cols,
            int warmup, int repetitions, PrintStream log) {
        List<org.eesim.models.net.NetLayer> layers = block.layers();
        List<Integer> after = block.branchAfter();
        double[][] layerSeconds = new double[layers.size()][repetitions];
        double[][] branchSeconds = new double[after.size()][repetitions];
        long[][] shapes = new long[layers.size()][];
        ParameterStore ps = new ParameterStore(manager, false);
        int total = warmup + repetitions;
        for (int r = 0; r < total; r++) {
            int rep = r - warmup;
            try (NDManager sub = manager.newSubManager()) {
                NDList x = new NDList(sub.create(image, new Shape(1, 1, rows, cols)));
                int next = 0;
                for (int k = 0; k < layers.size(); k++) {
                    long t0 = System.nanoTime();
                    x = layers.get(k).block().forward(ps, x, false);
                    long t1 = System.nanoTime();
                    if (rep >= 0) {
                        layerSeconds[k][rep] = (t1 - t0) / 1e9;
                    }
                    if (shapes[k] == null) {
                        long[] s = x.singletonOrThrow().getShape().getShape();
                        shapes[k] = java.util.Arrays.copyOfRange(s, 1, s.length);
                    }
                    if (next < after.size() && after.get(next) == k) {
                        long b0 = System.nanoTime();
                        block.branches().get(next).forward(ps, x, false);
                        long b1 = System.nanoTime();
                        if (rep >= 0) {
                            branchSeconds[next][rep] = (b1 - b0) / 1e9;
                        }
                        next++;
                    }
                }
            }
            if ((r + 1) % Math.max(1, total / 5) == 0) {
                log.printf("  timing: repetition %d/%d%n", r + 1, total);
            }
        }
        return new Timings(layerSeconds, branchSeconds, shapes);
    }

    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Linear-interpolation quantile (type 7, R's and NumPy's default). */
    public static double quantile(double[] values, double q) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
