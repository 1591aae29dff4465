package org.eesim.models.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.PrintStream;
import java.util.SplittableRandom;
import org.eesim.models.data.ImageSet;
import org.eesim.models.net.MultiExitBlock;

/** Mini-batch Adam training of all exits at once, and batched inference that returns logits. */
public final class ExitTrainer {

    private ExitTrainer() {
    }

    /** Training settings; {@code seed} drives the shuffling (DJL's own seed is set by the caller). */
    public record Settings(int epochs, int batchSize, float learningRate, long seed) {
        public Settings {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("epochs and batch size must be >= 1 and learning rate > 0");
            }
        }
    }

    /**
     * Trains {@code model}'s block (a {@link MultiExitBlock}) on {@code data} with the weighted
     * exit loss; the block must already be initialised. Prints progress to {@code log}.
     */
    public static void train(Model model, ImageSet data, float[] weights, Settings s, String label, PrintStream log) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(new WeightedExitLoss(weights))
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(s.learningRate())).build());
        SplittableRandom random = new SplittableRandom(s.seed());
        try (Trainer trainer = model.newTrainer(config)) {
            int batches = (data.size() + s.batchSize() - 1) / s.batchSize();
            long start = System.nanoTime();
            for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                int[] order = permutation(data.size(), random);
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    int from = b * s.batchSize();
                    int to = Math.min(data.size(), from + s.batchSize());
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        NDArray x = images(batch, data, order, from, to);
                        NDArray y = labels(batch, data, order, from, to);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList preds = trainer.forward(new NDList(x));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), preds);
                            float value = loss.getFloat();
                            if (!Float.isFinite(value)) {
                                throw new NonFiniteException("network '" + model.getName() + "', training '" + label
                                        + "': the loss of epoch " + epoch + ", batch " + (b + 1) + " of " + batches
                                        + " (shuffled samples " + from + ".." + (to - 1) + ") is " + value
                                        + perExit(trainer, y, preds));
                            }
                            gc.backward(loss);
                            lossSum += value;
                        }
                        trainer.step();
                    }
                    if ((b + 1) % Math.max(1, batches / 10) == 0 || b + 1 == batches) {
                        log.printf("  %s epoch %d/%d batch %d/%d loss %.4f (%.0f s)%n", label, epoch, s.epochs(), b + 1,
                                batches, lossSum / (b + 1), (System.nanoTime() - start) / 1e9);
                    }
                }
                // a non-finite gradient shows in the next batch's loss; the last batch's shows here
                checkParameters(model, label, epoch);
            }
        }
    }

    /** Which exits' loss terms are non-finite (only computed once the total is). */
    private static String perExit(Trainer trainer, NDArray labels, NDList preds) {
        if (!(trainer.getLoss() instanceof WeightedExitLoss w)) {
            return "";
        }
        float[] terms = w.terms(new NDList(labels), preds);
        StringBuilder b = new StringBuilder("; per-exit terms:");
        for (int e = 0; e < terms.length; e++) {
            b.append(' ').append(NonFiniteException.exitName(e, terms.length)).append(' ').append(terms[e]);
        }
        return b.toString();
    }

    /** Throws naming the first parameter (by layer) holding a NaN or infinity after an epoch's updates. */
    static void checkParameters(Model model, String label, int epoch) {
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : model.getBlock().getParameters()) {
            if (!p.getValue().isInitialized()) {
                continue;
            }
            NDArray a = p.getValue().getArray();
            // copied out: NDArray checks would leave their results on the parameter's manager
            float[] v = a.toFloatArray();
            int bad = 0;
            for (float f : v) {
                bad += Float.isFinite(f) ? 0 : 1;
            }
            if (bad > 0) {
                throw new NonFiniteException("network '" + model.getName() + "', training '" + label + "': after epoch "
                        + epoch + " parameter " + p.getKey() + " " + a.getShape() + " holds " + bad + " NaN or infinite"
                        + " values of " + v.length + " (a batch's gradient was non-finite)");
            }
        }
    }

    /** Logits of every exit for every image, [exit][sample][class], in inference mode. */
    public static float[][][] logits(Model model, ImageSet data, int batchSize) {
        return logits(model, data, batchSize, "");
    }

    /**
     * As {@link #logits(Model, ImageSet, int)}; the first NaN or infinite logit throws a
     * {@link NonFiniteException} naming the network, exit, sample, batch and {@code what} (the data).
     */
    public static float[][][] logits(Model model, ImageSet data, int batchSize, String what) {
        MultiExitBlock block = (MultiExitBlock) model.getBlock();
        float[][][] out = new float[block.exitCount()][data.size()][];
        int[] identity = new int[data.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(manager, false);
            for (int from = 0; from < data.size(); from += batchSize) {
                int to = Math.min(data.size(), from + batchSize);
                try (NDManager batch = manager.newSubManager()) {
                    NDList preds = block.forward(ps, new NDList(images(batch, data, identity, from, to)), false);
                    for (int e = 0; e < preds.size(); e++) {
                        float[] flat = preds.get(e).toFloatArray();
                        int classes = flat.length / (to - from);
                        for (int n = from; n < to; n++) {
                            float[] row = new float[classes];
                            System.arraycopy(flat, (n - from) * classes, row, 0, classes);
                            NonFiniteException.checkLogits(row, model.getName(), e, preds.size(), n,
                                    (what.isEmpty() ? "" : what + ", ") + "batch of samples " + from + ".." + (to - 1));
                            out[e][n] = row;
                        }
                    }
                }
            }
        }
        return out;
    }

    static NDArray images(NDManager m, ImageSet data, int[] order, int from, int to) {
        return m.create(flat(data, order, from, to), new Shape(to - from, 1, data.rows(), data.cols()));
    }

    /** The images {@code order[from..to)} of {@code data}, one after another in one array (a batch's pixels). */
    public static float[] flat(ImageSet data, int[] order, int from, int to) {
        int pixels = data.rows() * data.cols();
        float[] flat = new float[(to - from) * pixels];
        for (int n = from; n < to; n++) {
            System.arraycopy(data.images()[order[n]], 0, flat, (n - from) * pixels, pixels);
        }
        return flat;
    }

    static NDArray labels(NDManager m, ImageSet data, int[] order, int from, int to) {
        float[] y = new float[to - from];
        for (int n = from; n < to; n++) {
            y[n - from] = data.labels()[order[n]];
        }
        return m.create(y, new Shape(to - from));
    }

    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
