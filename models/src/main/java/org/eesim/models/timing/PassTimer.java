package org.eesim.models.timing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.training.ParameterStore;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.eesim.models.net.MultiExitBlock;
import org.eesim.models.net.NetLayer;

/**
 * Batch-1 inference timing of an early-exit network, two ways in every repetition: split (each
 * layer's forward and each branch's forward on the output of the layer it follows, timed alone
 * with {@link System#nanoTime}, the way CARPEX measured) and whole (one forward of the whole
 * network, every branch included, timed once). Their difference is what splitting costs: the
 * clock reads and the hand-over between layers; it is recorded, not hidden. A third measurement
 * times one ReLU on a 1×1 tensor: the fixed cost of dispatching one operation from Java through
 * DJL and JNI to ATen, which every operation of every layer pays whatever its size.
 */
public final class PassTimer {

    /** Repetitions of the op-dispatch probe (after as many warm-up calls). */
    static final int PROBE_REPETITIONS = 2000;

    private PassTimer() {
    }

    /**
     * Seconds per repetition of each layer, branch, whole pass and split pass (the sum of its
     * layers and branches); output shapes per layer (batch axis dropped); operations per layer and
     * branch (leaf blocks, a residual join counting one); the probe's per-repetition seconds.
     */
    public record Result(double[][] layerSeconds, double[][] branchSeconds, double[] wholeSeconds,
            double[] splitSeconds, long[][] outputShapes, int[] layerOps, int[] branchOps, double[] opSeconds) {

        /** The series the load rule checks for drift: whole passes and split passes. */
        public List<double[]> driftSeries() {
            return List.of(wholeSeconds, splitSeconds);
        }
    }

    public static Result time(MultiExitBlock block, NDManager manager, float[] input, long[] inputShape, int warmup,
            int repetitions, PrintStream log) {
        List<NetLayer> layers = block.layers();
        List<Integer> after = block.branchAfter();
        List<Block> branches = block.branches();
        double[][] layerSeconds = new double[layers.size()][repetitions];
        double[][] branchSeconds = new double[after.size()][repetitions];
        double[] whole = new double[repetitions];
        double[] split = new double[repetitions];
        long[][] shapes = new long[layers.size()][];
        ParameterStore ps = new ParameterStore(manager, false);
        Shape shape = new Shape(prepend(1, inputShape));
        int total = warmup + repetitions;
        for (int r = 0; r < total; r++) {
            int rep = r - warmup;
            try (NDManager sub = manager.newSubManager()) {
                NDArray x0 = sub.create(input, shape);
                NDList x = new NDList(x0);
                double sum = 0;
                int next = 0;
                for (int k = 0; k < layers.size(); k++) {
                    long t0 = System.nanoTime();
                    x = layers.get(k).block().forward(ps, x, false);
                    long t1 = System.nanoTime();
                    sum += (t1 - t0) / 1e9;
                    if (rep >= 0) {
                        layerSeconds[k][rep] = (t1 - t0) / 1e9;
                    }
                    if (shapes[k] == null) {
                        long[] s = x.singletonOrThrow().getShape().getShape();
                        shapes[k] = Arrays.copyOfRange(s, 1, s.length);
                    }
                    if (next < after.size() && after.get(next) == k) {
                        long b0 = System.nanoTime();
                        branches.get(next).forward(ps, x, false);
                        long b1 = System.nanoTime();
                        sum += (b1 - b0) / 1e9;
                        if (rep >= 0) {
                            branchSeconds[next][rep] = (b1 - b0) / 1e9;
                        }
                        next++;
                    }
                }
                long w0 = System.nanoTime();
                block.forward(ps, new NDList(x0), false);
                long w1 = System.nanoTime();
                if (rep >= 0) {
                    whole[rep] = (w1 - w0) / 1e9;
                    split[rep] = sum;
                }
            }
            if ((r + 1) % Math.max(1, total / 5) == 0) {
                log.printf("  timing: repetition %d/%d%n", r + 1, total);
            }
        }
        int[] layerOps = layers.stream().mapToInt(l -> ops(l.block())).toArray();
        int[] branchOps = branches.stream().mapToInt(PassTimer::ops).toArray();
        return new Result(layerSeconds, branchSeconds, whole, split, shapes, layerOps, branchOps,
                opProbe(manager, ps));
    }

    /** Seconds of one ReLU forward on a 1×1 tensor, per call. */
    static double[] opProbe(NDManager manager, ParameterStore ps) {
        Block relu = Activation.reluBlock();
        double[] s = new double[PROBE_REPETITIONS];
        try (NDManager sub = manager.newSubManager()) {
            NDList one = new NDList(sub.create(new float[] {0.5f}, new Shape(1, 1)));
            for (int r = -PROBE_REPETITIONS; r < PROBE_REPETITIONS; r++) {
                try (NDManager each = sub.newSubManager()) {
                    long t0 = System.nanoTime();
                    NDList out = relu.forward(ps, one, false);
                    long t1 = System.nanoTime();
                    out.attach(each);
                    if (r >= 0) {
                        s[r] = (t1 - t0) / 1e9;
                    }
                }
            }
        }
        return s;
    }

    /** Operations a block dispatches: its leaf blocks, plus one per parallel join (a residual add). */
    public static int ops(Block block) {
        List<Block> children = block.getChildren().values();
        if (children.isEmpty()) {
            return 1;
        }
        int n = block instanceof ParallelBlock ? 1 : 0;
        for (Block c : children) {
            n += ops(c);
        }
        return n;
    }

    private static long[] prepend(long first, long[] rest) {
        long[] out = new long[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
