package org.eesim.models.timing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eesim.models.profile.LayerTimer;
import org.eesim.models.net.MultiExitBlock;
import org.eesim.models.net.NetLayer;

/**
 * Batch-1 inference timing of an early-exit network, two ways in every repetition: split (each
 * layer's forward and each branch's forward on the output of the layer it follows, timed alone
 * with {@link System#nanoTime}, the way CARPEX measured) and whole (one forward of the whole
 * network, every branch included, timed once). Their difference is what splitting costs: the
 * clock reads and the hand-over between layers; it is recorded, not hidden. Then {@link
 * DispatchProbe} times each kind of operation on a one-element tensor: the fixed cost that every
 * operation of every layer pays whatever its size.
 */
public final class PassTimer {

    /** How far apart the split and whole passes' medians may be (fraction of the whole pass). */
    public static final double MAX_DISAGREEMENT = 0.10;

    private PassTimer() {
    }

    /**
     * Seconds per repetition of each layer, branch, whole pass and split pass (the sum of its
     * layers and branches); output shapes per layer (batch axis dropped); operations per layer and
     * branch (leaf blocks, a residual join counting one); the dispatch probe's samples per kind;
     * each layer's and branch's fixed dispatch cost ({@link DispatchProbe#fixedSeconds}); the
     * reference convolution's seconds before and after ({@link DispatchProbe#reference}).
     */
    public record Result(double[][] layerSeconds, double[][] branchSeconds, double[] wholeSeconds,
            double[] splitSeconds, long[][] outputShapes, int[] layerOps, int[] branchOps, Map<String, double[]> probe,
            double[] layerFixedSeconds, double[] branchFixedSeconds, double[] referenceBefore,
            double[] referenceAfter, int warmupRepetitions, double warmupSeconds) {

        /** The series the load rule checks for drift: whole passes and split passes. */
        public List<double[]> driftSeries() {
            return List.of(wholeSeconds, splitSeconds);
        }

        /**
         * Why these repetitions cannot stand, or null: the split pass's median more than
         * {@link #MAX_DISAGREEMENT} away from the whole pass's. Both run the same operations on
         * the same input in the same repetitions, so a gap wider than the clock reads means the
         * machine changed speed under one of them (this VM's neighbours can slow a core several
         * times over without a trace in the load average or the CPU share).
         */
        public String disagreement() {
            return disagreement(MAX_DISAGREEMENT);
        }

        /**
         * Why the machine was not at its usual speed, or null: the reference convolution's median
         * before and after the repetitions more than {@code tolerance} apart (the speed changed
         * during them), or either above {@code maxReferenceSeconds} (0: no bound), this machine's
         * usual speed with a margin.
         */
        public String slowMachine(double maxReferenceSeconds, double tolerance) {
            double before = LayerTimer.median(referenceBefore);
            double after = LayerTimer.median(referenceAfter);
            if (Math.abs(after - before) / Math.min(before, after) > tolerance) {
                return String.format(java.util.Locale.ROOT, "reference convolution %.3f ms before, %.3f ms after: the"
                        + " machine changed speed", before * 1e3, after * 1e3);
            }
            if (maxReferenceSeconds > 0 && Math.max(before, after) > maxReferenceSeconds) {
                return String.format(java.util.Locale.ROOT, "reference convolution %.3f ms > %.3f ms: the machine is"
                        + " slower than usual", Math.max(before, after) * 1e3, maxReferenceSeconds * 1e3);
            }
            return null;
        }

        /** As {@link #disagreement()} with the bound {@code max}. */
        public String disagreement(double max) {
            double whole = LayerTimer.median(wholeSeconds);
            double split = LayerTimer.median(splitSeconds);
            double gap = Math.abs(split - whole) / whole;
            return gap <= max ? null : String.format(java.util.Locale.ROOT,
                    "split pass median %.3f ms vs whole pass %.3f ms: %.1f%% apart > %s%%", split * 1e3,
                    whole * 1e3, gap * 100, Math.round(max * 100));
        }
    }

    public static Result time(MultiExitBlock block, NDManager manager, float[] input, long[] inputShape, int warmup,
            int repetitions, PrintStream log) {
        return time(block, manager, input, inputShape, warmup, 0, repetitions, log);
    }

    /**
     * @param warmup        untimed repetitions first, at least
     * @param warmupSeconds and for at least this long: a small network's Java and JNI path is
     *                      still being compiled seconds after its first hundred passes
     */
    public static Result time(MultiExitBlock block, NDManager manager, float[] input, long[] inputShape, int warmup,
            double warmupSeconds, int repetitions, PrintStream log) {
        List<NetLayer> layers = block.layers();
        List<Block> branches = block.branches();
        Passes p = new Passes(block, manager, input, inputShape, repetitions);
        double[] referenceBefore = DispatchProbe.reference(manager);
        long start = System.nanoTime();
        int warm = 0;
        while (warm < warmup || System.nanoTime() - start < warmupSeconds * 1e9) {
            p.run(-1);
            warm++;
        }
        double warmed = (System.nanoTime() - start) / 1e9;
        log.printf(java.util.Locale.ROOT, "  warm-up: %d repetitions in %.1f s%n", warm, warmed);
        for (int rep = 0; rep < repetitions; rep++) {
            p.run(rep);
            if ((rep + 1) % Math.max(1, repetitions / 5) == 0) {
                log.printf("  timing: repetition %d/%d%n", rep + 1, repetitions);
            }
        }
        double[][] layerSeconds = p.layerSeconds;
        double[][] branchSeconds = p.branchSeconds;
        double[] whole = p.whole;
        double[] split = p.split;
        long[][] shapes = p.shapes;
        int[] layerOps = layers.stream().mapToInt(l -> DispatchProbe.ops(l.block())).toArray();
        int[] branchOps = branches.stream().mapToInt(DispatchProbe::ops).toArray();
        Map<String, double[]> probe = DispatchProbe.measure(manager);
        Map<String, Double> perKind = new LinkedHashMap<>();
        probe.forEach((k, v) -> perKind.put(k, LayerTimer.median(v)));
        double[] layerFixed = layers.stream().mapToDouble(l -> DispatchProbe.fixedSeconds(l.block(), perKind))
                .toArray();
        double[] branchFixed = branches.stream().mapToDouble(b -> DispatchProbe.fixedSeconds(b, perKind)).toArray();
        double[] referenceAfter = DispatchProbe.reference(manager);
        return new Result(layerSeconds, branchSeconds, whole, split, shapes, layerOps, branchOps, probe, layerFixed,
                branchFixed, referenceBefore, referenceAfter, warm, warmed);
    }

    /** One repetition: the split pass, then the whole pass, on the same input; rep < 0 is not kept. */
    private static final class Passes {
        final MultiExitBlock block;
        final NDManager manager;
        final float[] input;
        final Shape shape;
        final ParameterStore ps;
        final double[][] layerSeconds;
        final double[][] branchSeconds;
        final double[] whole;
        final double[] split;
        final long[][] shapes;

        Passes(MultiExitBlock block, NDManager manager, float[] input, long[] inputShape, int repetitions) {
            this.block = block;
            this.manager = manager;
            this.input = input;
            this.shape = new Shape(prepend(1, inputShape));
            this.ps = new ParameterStore(manager, false);
            this.layerSeconds = new double[block.layers().size()][repetitions];
            this.branchSeconds = new double[block.branchAfter().size()][repetitions];
            this.whole = new double[repetitions];
            this.split = new double[repetitions];
            this.shapes = new long[block.layers().size()][];
        }

        void run(int rep) {
            List<NetLayer> layers = block.layers();
            List<Integer> after = block.branchAfter();
            List<Block> branches = block.branches();
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
        }
    }

    private static long[] prepend(long first, long[] rest) {
        long[] out = new long[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
