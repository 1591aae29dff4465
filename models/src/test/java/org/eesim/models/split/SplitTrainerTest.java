package org.eesim.models.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.NetLayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Oracles for the split-training plumbing: (1) K = 0 split training of a real CNN equals ordinary
 * training of the same network step for step; (2) on a model small enough to do by hand (two
 * linear edge layers, one linear cloud layer, SGD), every combination of K, codec and feedback
 * gives the weights that the stale-gradient recursion, computed here in plain Java, gives.
 */
class SplitTrainerTest {

    private static final float LR = 0.05f;

    @Test
    void kZeroSplitTrainingIsOrdinaryTraining() {
        long[] in = {1, 28, 28};
        Shape batchShape = new Shape(8, 1, 28, 28);
        Engine.getInstance().setRandomSeed(11);
        List<NetLayer> whole = Backbones.tinyResidual(in);
        List<NetLayer> parts = Backbones.tinyResidual(in);
        SequentialBlock all = new SequentialBlock();
        whole.forEach(l -> all.add(l.block()));
        SequentialBlock edge = new SequentialBlock();
        SequentialBlock cloud = new SequentialBlock();
        for (int k = 0; k < parts.size(); k++) {
            (k <= 1 ? edge : cloud).add(parts.get(k).block());
        }
        SoftmaxCrossEntropyLoss ce = new SoftmaxCrossEntropyLoss();
        SplittableRandom r = new SplittableRandom(5);
        int steps = 4;
        float[][] images = new float[steps][];
        float[][] labels = new float[steps][];
        for (int t = 0; t < steps; t++) {
            images[t] = gaussian(r, (int) batchShape.size());
            labels[t] = new float[8];
            for (int i = 0; i < 8; i++) {
                labels[t][i] = r.nextInt(10);
            }
        }
        try (Model model = Model.newInstance("whole");
                SplitTrainer split = new SplitTrainer(edge, cloud, batchShape, SplitTrainerTest::adam, ce,
                        new SplitTrainer.Settings(0, FeatureCodec.FP32, Feedback.NONE))) {
            model.setBlock(all);
            all.initialize(model.getNDManager(), DataType.FLOAT32, batchShape);
            List<Parameter> a = params(all);
            List<Parameter> b = new ArrayList<>(params(edge));
            b.addAll(params(cloud));
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).getArray().getShape(), b.get(i).getArray().getShape());
                b.get(i).getArray().set(a.get(i).getArray().toFloatArray());
            }
            float[] start = a.get(0).getArray().toFloatArray();
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(ce).optOptimizer(adam()))) {
                for (int t = 0; t < steps; t++) {
                    float expected;
                    try (NDManager m = trainer.getManager().newSubManager();
                            GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(m.create(images[t], batchShape))).singletonOrThrow();
                        NDArray loss = ce.evaluate(new NDList(m.create(labels[t])), new NDList(logits));
                        expected = loss.getFloat();
                        gc.backward(loss);
                    }
                    trainer.step();
                    SplitTrainer.Step got = split.step(images[t], batchShape, labels[t]);
                    assertEquals(expected, got.loss(), 1e-6 * Math.abs(expected), "loss at step " + t);
                }
            }
            assertEquals(steps, split.edgeUpdates());
            assertEquals(0, split.pending());
            double worst = 0;
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).requiresGradient()) {
                    continue; // BatchNorm's running statistics: the edge updates them in replay too
                }
                float[] x = a.get(i).getArray().toFloatArray();
                float[] y = b.get(i).getArray().toFloatArray();
                for (int j = 0; j < x.length; j++) {
                    worst = Math.max(worst, Math.abs(x[j] - y[j]));
                }
            }
            // Adam moves a weight by up to lr a step: training must have moved the weights far more
            // than the tolerance, or the comparison could not fail
            float[] end = a.get(0).getArray().toFloatArray();
            double moved = 0;
            for (int j = 0; j < end.length; j++) {
                moved = Math.max(moved, Math.abs(end[j] - start[j]));
            }
            assertTrue(moved > 1e-3, "the stem's weights moved by " + moved);
            assertTrue(worst <= 1e-6, "largest weight difference after " + steps + " steps: " + worst);
        }
    }

    @ParameterizedTest(name = "K={0} {1} feedback {2}")
    @CsvSource({"0, fp32, none", "1, fp32, none", "3, fp32, none", "0, int8, gradient", "2, int8, gradient",
        "2, int8, residual", "1, int8-seed, none", "2, int8, none"})
    void staleGradientsFollowTheRecursionOnALinearModel(int k, String codec, String feedback) {
        int n = 5;
        int steps = 7;
        SplitTrainer.Settings s = new SplitTrainer.Settings(k, FeatureCodec.parse(codec), Feedback.parse(feedback));
        SplittableRandom r = new SplittableRandom(17);
        double[][] w1 = random(r, 4, 3);
        double[][] w2 = random(r, 2, 4);
        double[][] w3 = random(r, 1, 2);
        SequentialBlock edge = new SequentialBlock().add(linear(4)).add(linear(2));
        Block cloud = linear(1);
        Loss halfSquare = new Loss("half-square") {
            @Override
            public NDArray evaluate(NDList label, NDList prediction) {
                NDArray p = prediction.singletonOrThrow();
                return p.sub(label.singletonOrThrow().reshape(p.getShape())).square().mul(0.5f).mean();
            }
        };
        Reference ref = new Reference(w1, w2, w3, s);
        try (SplitTrainer split = new SplitTrainer(edge, cloud, new Shape(n, 3), SplitTrainerTest::sgd, halfSquare, s)) {
            List<Parameter> p = new ArrayList<>(params(edge));
            p.addAll(params(cloud));
            p.get(0).getArray().set(flat(w1));
            p.get(1).getArray().set(flat(w2));
            p.get(2).getArray().set(flat(w3));
            for (int t = 0; t < steps; t++) {
                double[][] x = random(r, n, 3);
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = r.nextGaussian();
                }
                float[] yf = new float[n];
                for (int i = 0; i < n; i++) {
                    yf[i] = (float) y[i];
                }
                SplitTrainer.Step got = split.step(flat(x), new Shape(n, 3), yf);
                double loss = ref.step(x, y);
                assertEquals(loss, got.loss(), 1e-5 * Math.max(1, loss), "loss at step " + t);
            }
            assertEquals(Math.min(k, steps), split.pending());
            assertEquals(steps - Math.min(k, steps), split.edgeUpdates());
            compare(ref, p, "before the drain");
            split.drain();
            ref.drain();
            compare(ref, p, "after the drain");
            assertEquals(steps, split.edgeUpdates());
            assertEquals(k, split.maxStaleness());
        }
    }

    @Test
    void stalenessChangesTheResult() {
        // the recursion itself must depend on K, or the test above could not tell K apart
        SplittableRandom r = new SplittableRandom(17);
        double[][] w1 = random(r, 4, 3);
        double[][] w2 = random(r, 2, 4);
        double[][] w3 = random(r, 1, 2);
        Reference k0 = new Reference(copy(w1), copy(w2), copy(w3), new SplitTrainer.Settings(0, FeatureCodec.FP32,
                Feedback.NONE));
        Reference k2 = new Reference(w1, w2, w3, new SplitTrainer.Settings(2, FeatureCodec.FP32, Feedback.NONE));
        for (int t = 0; t < 7; t++) {
            double[][] x = random(r, 5, 3);
            double[] y = {1, -1, 0.5, 0, 2};
            k0.step(x, y);
            k2.step(x, y);
        }
        k0.drain();
        k2.drain();
        assertTrue(Math.abs(k0.w1[0][0] - k2.w1[0][0]) > 1e-4, k0.w1[0][0] + " vs " + k2.w1[0][0]);
    }

    private static void compare(Reference ref, List<Parameter> p, String when) {
        double[][][] expected = {ref.w1, ref.w2, ref.w3};
        for (int i = 0; i < 3; i++) {
            float[] got = p.get(i).getArray().toFloatArray();
            float[] want = flat(expected[i]);
            for (int j = 0; j < got.length; j++) {
                assertEquals(want[j], got[j], 2e-5, "weight " + j + " of layer " + (i + 1) + " " + when);
            }
        }
    }

    /**
     * The recursion in plain Java: f = W2·W1·x; the cloud (p = W3·x̂, L = mean ½(p − y)²) steps W3
     * and returns g = ∂L/∂x̂; the edge applies batch t − K's gradient with its current W1, W2.
     */
    private static final class Reference {
        final double[][] w1;
        final double[][] w2;
        final double[][] w3;
        final SplitTrainer.Settings s;
        final ArrayDeque<double[][][]> pending = new ArrayDeque<>();
        float[] residual;

        Reference(double[][] w1, double[][] w2, double[][] w3, SplitTrainer.Settings s) {
            this.w1 = w1;
            this.w2 = w2;
            this.w3 = w3;
            this.s = s;
        }

        double step(double[][] x, double[] y) {
            int n = x.length;
            float[] f = new float[n * 2];
            for (int i = 0; i < n; i++) {
                double[] h = mul(w1, x[i]);
                double[] o = mul(w2, h);
                f[2 * i] = (float) o[0];
                f[2 * i + 1] = (float) o[1];
            }
            float[] sent = f;
            if (s.codec().quantises()) {
                float[] in = f.clone();
                if (s.feedback() == Feedback.RESIDUAL && residual != null) {
                    for (int i = 0; i < in.length; i++) {
                        in[i] += residual[i];
                    }
                }
                sent = s.codec().roundTrip(in);
                if (s.feedback() == Feedback.RESIDUAL) {
                    residual = new float[in.length];
                    for (int i = 0; i < in.length; i++) {
                        residual[i] = in[i] - sent[i];
                    }
                }
            }
            double loss = 0;
            double[][] g = new double[n][2];
            double[] dw3 = new double[2];
            for (int i = 0; i < n; i++) {
                double p = w3[0][0] * sent[2 * i] + w3[0][1] * sent[2 * i + 1];
                loss += 0.5 * (p - y[i]) * (p - y[i]) / n;
                double dp = (p - y[i]) / n;
                for (int j = 0; j < 2; j++) {
                    g[i][j] = w3[0][j] * dp;
                    dw3[j] += dp * sent[2 * i + j];
                }
            }
            for (int j = 0; j < 2; j++) {
                w3[0][j] -= LR * dw3[j];
            }
            if (s.feedback() == Feedback.GRADIENT) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < 2; j++) {
                        double e = sent[2 * i + j] - f[2 * i + j];
                        g[i][j] -= e * g[i][j] * g[i][j];
                    }
                }
            }
            pending.addLast(new double[][][] {x, g});
            while (pending.size() > s.staleness()) {
                apply(pending.pollFirst());
            }
            return loss;
        }

        void drain() {
            while (!pending.isEmpty()) {
                apply(pending.pollFirst());
            }
        }

        /** ∂/∂W of Σ_i g_i·(W2·W1·x_i) at the current weights, then one SGD step on both. */
        private void apply(double[][][] xg) {
            double[][] x = xg[0];
            double[][] g = xg[1];
            double[][] d1 = new double[4][3];
            double[][] d2 = new double[2][4];
            for (int i = 0; i < x.length; i++) {
                double[] h = mul(w1, x[i]);
                double[] back = new double[4];
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 4; b++) {
                        d2[a][b] += g[i][a] * h[b];
                        back[b] += w2[a][b] * g[i][a];
                    }
                }
                for (int b = 0; b < 4; b++) {
                    for (int c = 0; c < 3; c++) {
                        d1[b][c] += back[b] * x[i][c];
                    }
                }
            }
            step(w1, d1);
            step(w2, d2);
        }

        private static void step(double[][] w, double[][] d) {
            for (int a = 0; a < w.length; a++) {
                for (int b = 0; b < w[a].length; b++) {
                    w[a][b] -= LR * d[a][b];
                }
            }
        }
    }

    private static double[] mul(double[][] w, double[] x) {
        double[] out = new double[w.length];
        for (int a = 0; a < w.length; a++) {
            for (int b = 0; b < x.length; b++) {
                out[a] += w[a][b] * x[b];
            }
        }
        return out;
    }

    private static Block linear(int units) {
        return Linear.builder().setUnits(units).optBias(false).build();
    }

    private static Optimizer sgd() {
        return Optimizer.sgd().setLearningRateTracker(Tracker.fixed(LR)).build();
    }

    private static Optimizer adam() {
        return Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
    }

    private static List<Parameter> params(Block b) {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : b.getParameters()) {
            out.add(p.getValue());
        }
        return out;
    }

    private static double[][] random(SplittableRandom r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (r.nextGaussian() * 0.7);
            }
        }
        return m;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static float[] flat(double[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                out[i * m[i].length + j] = (float) m[i][j];
            }
        }
        return out;
    }

    private static float[] gaussian(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }
}
