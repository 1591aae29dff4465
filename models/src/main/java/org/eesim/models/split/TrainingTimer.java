package org.eesim.models.split;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.util.Pair;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.NetLayer;

/**
 * Times one training iteration of a network at every split, the way {@link SplitTrainer} runs
 * it (K = 0, fp32: each stage as the pipeline has it), and every layer's training forward,
 * backward and update on its own. All splits and the unsplit step are timed round-robin, one
 * iteration each per repetition, so that a change of machine speed during the run spreads over
 * all of them instead of biasing some. One batch of real images is reused throughout.
 */
public final class TrainingTimer {

    private TrainingTimer() {
    }

    /** Per split and repetition, seconds; quantise is the int8 encoding of that split's feature. */
    public record SplitSamples(double[] edgeForward, double[] edgeBackward, double[] cloud, double[] quantise) {
    }

    /** Per layer and repetition, seconds. */
    public record LayerSamples(double[] forward, double[] forwardNoGraph, double[] backward, double[] update) {
    }

    /**
     * Everything measured: splits 0..layers−2, the whole network trained unsplit (cloud-only and
     * edge-only), and each layer; with each layer's output shape (no batch axis), parameter count
     * and forward FLOPs per sample.
     */
    public record Result(List<String> names, List<long[]> outputShapes, long[] parameters, long[] flops,
            List<SplitSamples> splits, double[] whole, List<LayerSamples> layers) {

        /** Every per-repetition series whose drift the load rule checks. */
        public List<double[]> series() {
            List<double[]> s = new ArrayList<>();
            for (SplitSamples p : splits) {
                double[] total = new double[p.cloud().length];
                for (int r = 0; r < total.length; r++) {
                    total[r] = p.edgeForward()[r] + p.edgeBackward()[r] + p.cloud()[r];
                }
                s.add(total);
            }
            s.add(whole);
            double[] layerSum = new double[whole.length];
            for (LayerSamples l : layers) {
                for (int r = 0; r < layerSum.length; r++) {
                    layerSum[r] += l.forward()[r] + l.backward()[r] + l.update()[r];
                }
            }
            s.add(layerSum);
            return s;
        }
    }

    public static Result time(String net, double width, long seed, float[] images, float[] labels, Shape batchShape,
            Supplier<MomentumSgd> optimizer, int warmup, int repetitions, PrintStream log) {
        long[] input = batchShape.slice(1).getShape();
        Engine.getInstance().setRandomSeed((int) seed);
        List<NetLayer> reference = Backbones.build(net, width, input);
        int n = reference.size();
        SoftmaxCrossEntropyLoss ce = new SoftmaxCrossEntropyLoss();
        List<SplitTrainer> trainers = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        List<String> names = reference.stream().map(NetLayer::name).toList();
        List<long[]> shapes = reference.stream().map(NetLayer::outputShape).toList();
        long[] flops = reference.stream().mapToLong(NetLayer::flops).toArray();
        long[] parameters = new long[n];
        try (Model whole = Model.newInstance("whole")) {
            for (int cut = 0; cut < n - 1; cut++) {
                List<NetLayer> layers = Backbones.build(net, width, input);
                SequentialBlock edge = new SequentialBlock();
                SequentialBlock cloud = new SequentialBlock();
                for (int k = 0; k < n; k++) {
                    (k <= cut ? edge : cloud).add(layers.get(k).block());
                }
                SplitTrainer t = new SplitTrainer(edge, cloud, batchShape, optimizer::get, ce,
                        new SplitTrainer.Settings(0, FeatureCodec.FP32, Feedback.NONE));
                trainers.add(t);
                features.add(t.edgeFeatures(images, batchShape));
            }
            List<NetLayer> layers = Backbones.build(net, width, input);
            SequentialBlock all = new SequentialBlock();
            layers.forEach(l -> all.add(l.block()));
            whole.setBlock(all);
            all.initialize(whole.getNDManager(), DataType.FLOAT32, batchShape);
            for (int k = 0; k < n; k++) {
                for (Pair<String, Parameter> p : layers.get(k).block().getParameters()) {
                    parameters[k] += p.getValue().getArray().size();
                }
            }
            double[][][] split = new double[n - 1][4][repetitions];
            double[] wholeSeconds = new double[repetitions];
            try (Trainer trainer = whole.newTrainer(new DefaultTrainingConfig(ce).optOptimizer(optimizer.get()))) {
                for (int r = -warmup; r < repetitions; r++) {
                    for (int cut = 0; cut < n - 1; cut++) {
                        SplitTrainer t = trainers.get(cut);
                        t.step(images, batchShape, labels);
                        SplitTrainer.Times times = t.lastTimes();
                        long q0 = System.nanoTime();
                        FeatureCodec.encode(features.get(cut));
                        long q1 = System.nanoTime();
                        if (r >= 0) {
                            split[cut][0][r] = times.edgeForward() / 1e9;
                            split[cut][1][r] = times.edgeBackward() / 1e9;
                            split[cut][2][r] = times.cloud() / 1e9;
                            split[cut][3][r] = (q1 - q0) / 1e9;
                        }
                    }
                    long w0 = System.nanoTime();
                    wholeStep(trainer, images, batchShape, labels, ce);
                    if (r >= 0) {
                        wholeSeconds[r] = (System.nanoTime() - w0) / 1e9;
                    }
                    if ((r + warmup + 1) % Math.max(1, (warmup + repetitions) / 5) == 0) {
                        log.printf("  training timing: repetition %d/%d%n", r + warmup + 1, warmup + repetitions);
                    }
                }
            }
            List<SplitSamples> splits = new ArrayList<>();
            for (double[][] s : split) {
                splits.add(new SplitSamples(s[0], s[1], s[2], s[3]));
            }
            List<LayerSamples> perLayer = layers(layers, whole.getNDManager(), images, batchShape, optimizer, warmup,
                    repetitions);
            Result result = new Result(names, shapes, parameters, flops, splits, wholeSeconds, perLayer);
            logDrift(result, log);
            return result;
        } finally {
            trainers.forEach(SplitTrainer::close);
        }
    }

    /** Each series' drift (the load rule's test), so that a refused attempt shows which one moved. */
    private static void logDrift(Result r, PrintStream log) {
        List<double[]> series = r.series();
        StringBuilder b = new StringBuilder("  drift per series:");
        for (int i = 0; i < series.size(); i++) {
            String name = i < r.splits().size() ? "split " + i : i == r.splits().size() ? "whole" : "layers";
            b.append(String.format(java.util.Locale.ROOT, " %s %.1f%%", name,
                    100 * org.eesim.models.timing.LoadGuard.drift(series.get(i))));
        }
        log.println(b);
    }

    /** One plain training step of the whole network: the cloud-only and edge-only iteration. */
    private static void wholeStep(Trainer trainer, float[] images, Shape shape, float[] labels,
            SoftmaxCrossEntropyLoss ce) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray x = m.create(images, shape);
            NDArray y = m.create(labels, new Shape(labels.length));
            try (GradientCollector gc = trainer.newGradientCollector()) {
                gc.backward(ce.evaluate(new NDList(y), trainer.forward(new NDList(x))));
            }
            trainer.step();
        }
    }

    /**
     * Each layer alone on the activations the batch gives it: the training forward with the
     * graph recorded, the same without a graph (the edge's first forward), the backward of a
     * fixed upstream gradient (with the input's gradient for every layer but the first, as in the
     * network), and the optimizer update of its parameters. Round-robin over layers.
     */
    private static List<LayerSamples> layers(List<NetLayer> layers, NDManager manager, float[] images, Shape shape,
            Supplier<MomentumSgd> optimizer, int warmup, int repetitions) {
        int n = layers.size();
        double[][][] s = new double[n][4][repetitions];
        List<MomentumSgd> opts = new ArrayList<>();
        try (NDManager keep = manager.newSubManager()) {
            List<NDArray> inputs = new ArrayList<>();
            List<NDArray> upstream = new ArrayList<>();
            ParameterStore ps = new ParameterStore(keep, false);
            NDArray x = keep.create(images, shape);
            for (NetLayer l : layers) {
                inputs.add(x);
                x = l.block().forward(ps, new NDList(x), true).singletonOrThrow();
                upstream.add(keep.randomNormal(x.getShape()).mul(1e-3f));
                opts.add(optimizer.get());
            }
            for (int r = -warmup; r < repetitions; r++) {
                for (int k = 0; k < n; k++) {
                    Block b = layers.get(k).block();
                    try (NDManager m = keep.newSubManager()) {
                        NDArray in = inputs.get(k).duplicate();
                        in.attach(m); // closed with m, and so is what it computes
                        long f0 = System.nanoTime();
                        b.forward(ps, new NDList(in), true);
                        long f1 = System.nanoTime();
                        if (k > 0) {
                            in.setRequiresGradient(true);
                        }
                        long g0;
                        long g1;
                        long b0;
                        long b1;
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            g0 = System.nanoTime();
                            NDArray out = b.forward(ps, new NDList(in), true).singletonOrThrow();
                            g1 = System.nanoTime();
                            NDArray target = out.mul(upstream.get(k)).sum();
                            b0 = System.nanoTime();
                            gc.backward(target);
                            b1 = System.nanoTime();
                        }
                        long u0 = System.nanoTime();
                        for (Pair<String, Parameter> p : b.getParameters()) {
                            Parameter param = p.getValue();
                            if (param.requiresGradient()) {
                                NDArray w = param.getArray();
                                try (NDArray g = w.getGradient()) {
                                    opts.get(k).update(param.getId(), w, g);
                                }
                            }
                        }
                        long u1 = System.nanoTime();
                        if (r >= 0) {
                            s[k][0][r] = (g1 - g0) / 1e9;
                            s[k][1][r] = (f1 - f0) / 1e9;
                            s[k][2][r] = (b1 - b0) / 1e9;
                            s[k][3][r] = (u1 - u0) / 1e9;
                        }
                    }
                }
            }
        }
        List<LayerSamples> out = new ArrayList<>();
        for (double[][] l : s) {
            out.add(new LayerSamples(l[0], l[1], l[2], l[3]));
        }
        return out;
    }
}
