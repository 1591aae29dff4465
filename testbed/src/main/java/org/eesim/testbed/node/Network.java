package org.eesim.testbed.node;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.MultiExitBlock;
import org.eesim.models.net.NetLayer;
import org.eesim.models.train.TemperatureScaling;
import org.eesim.scenario.ExitRule;

/**
 * One tier's part of a trained early-exit network: the whole network is built and its weights
 * loaded (as {@code eesim profile --load} does), and a {@link #run pass} runs layers
 * {@code from+1..to} (eesim's numbering, 1-based) with the branches that follow them, timing each
 * layer and branch on its own as the profiler does, and leaves at the first enabled branch whose
 * calibrated confidence passes its threshold. The last tier's final exit always answers.
 */
public final class Network implements AutoCloseable {

    /** The exit rule as a tier applies it: per side branch, whether it may answer and its threshold. */
    public record Rule(ExitRule.Kind kind, double[] threshold, boolean[] enabled) {
        /** Every branch evaluated (and timed), none answering: the calibration's rule. */
        public static Rule timeAll(int branches) {
            double[] never = new double[branches];
            java.util.Arrays.fill(never, 2.0);
            boolean[] all = new boolean[branches];
            java.util.Arrays.fill(all, true);
            return new Rule(ExitRule.Kind.MAX_SOFTMAX, never, all);
        }
    }

    /**
     * What a pass did: the exit taken (-1: none on this tier; the output goes on), the predicted
     * class and its confidence, the output tensor when it goes on, and the nanoseconds of each
     * layer and branch run (0 for those not run).
     */
    public record Pass(int exit, int predicted, double confidence, float[] output, long[] outputShape,
                       long[] layerNanos, long[] branchNanos) {
    }

    private final Model model;
    private final MultiExitBlock block;
    private final double[] temperatures;
    private final ParameterStore ps;

    private Network(Model model, MultiExitBlock block, double[] temperatures) {
        this.model = model;
        this.block = block;
        this.temperatures = temperatures.clone();
        this.ps = new ParameterStore(model.getNDManager(), false);
    }

    /**
     * Builds {@code net} at {@code width} for inputs of {@code input} (channels, rows, cols), with
     * side branches after the 0-based layers {@code branchAfter}, and loads {@code weights}.
     */
    public static Network load(String net, double width, long[] input, List<Integer> branchAfter, Path weights,
                               double[] temperatures) throws IOException {
        List<NetLayer> layers = Backbones.build(net, width, input);
        MultiExitBlock block = new MultiExitBlock(layers, branchAfter);
        if (temperatures.length != block.exitCount()) {
            throw new IllegalArgumentException(temperatures.length + " temperatures for " + block.exitCount() + " exits");
        }
        Model model = Model.newInstance(net + "-testbed");
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, input[0], input[1], input[2]));
        try (DataInputStream in = new DataInputStream(Files.newInputStream(weights))) {
            block.loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException(weights + " does not fit " + net + " at width " + width + ": " + e.getMessage(), e);
        }
        return new Network(model, block, temperatures);
    }

    public int layers() {
        return block.layers().size();
    }

    public int branches() {
        return block.branchAfter().size();
    }

    /**
     * Runs layers {@code from+1..to} on {@code x} (the output of layer {@code from}, per-sample
     * shape {@code shape}), with every branch after one of them that {@code rule} enables.
     */
    public Pass run(float[] x, long[] shape, int from, int to, Rule rule) {
        int n = layers();
        List<Integer> after = block.branchAfter();
        long[] layerNanos = new long[n];
        long[] branchNanos = new long[after.size()];
        long[] batched = new long[shape.length + 1];
        batched[0] = 1;
        System.arraycopy(shape, 0, batched, 1, shape.length);
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDList cur = new NDList(m.create(x, new Shape(batched)));
            for (int k = from; k < to; k++) {
                long t0 = System.nanoTime();
                cur = block.layers().get(k).block().forward(ps, cur, false);
                layerNanos[k] = System.nanoTime() - t0;
                for (int b = 0; b < after.size(); b++) {
                    if (after.get(b) != k || !rule.enabled()[b]) {
                        continue;
                    }
                    long b0 = System.nanoTime();
                    NDArray logits = block.branches().get(b).forward(ps, cur, false).singletonOrThrow();
                    float[] z = logits.toFloatArray();
                    branchNanos[b] = System.nanoTime() - b0;
                    double[] p = TemperatureScaling.softmax(z, temperatures[b]);
                    int arg = argmax(p);
                    double entropy = TemperatureScaling.normalisedEntropy(p);
                    if (rule.kind().exits(p[arg], entropy, rule.threshold()[b])) {
                        return new Pass(b, arg, p[arg], null, null, layerNanos, branchNanos);
                    }
                }
            }
            NDArray out = cur.singletonOrThrow();
            float[] values = out.toFloatArray();
            if (to == n) {
                double[] p = TemperatureScaling.softmax(values, temperatures[n == 0 ? 0 : temperatures.length - 1]);
                int arg = argmax(p);
                return new Pass(after.size(), arg, p[arg], null, null, layerNanos, branchNanos);
            }
            long[] s = out.getShape().getShape();
            return new Pass(-1, -1, Double.NaN, values, java.util.Arrays.copyOfRange(s, 1, s.length), layerNanos,
                    branchNanos);
        }
    }

    private static int argmax(double[] p) {
        int arg = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[arg]) {
                arg = c;
            }
        }
        return arg;
    }

    @Override
    public void close() {
        model.close();
    }
}
