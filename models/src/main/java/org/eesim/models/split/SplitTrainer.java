package org.eesim.models.split;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.MalformedModelException;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Supplier;
import org.eesim.models.net.MultiExitBlock;
import org.eesim.models.train.NonFiniteException;

/**
 * Split training as seed 004's pipeline does it (baseline/base.py, computation.py), one iteration
 * per {@link #step}: the edge forwards batch t with its current weights and sends the features
 * (through the {@link FeatureCodec}); the cloud runs forward, loss, backward and its optimizer
 * step on what it received and returns the gradient with respect to those features; the edge
 * then takes the oldest pending gradient once more than K are pending, i.e. batch t − K's,
 * replays its forward on the stored input x_{t−K} with its current weights (feature replay) and
 * backpropagates the gradient (backward of Σ f′⊙g), then steps its own optimizer. K = 0 is
 * ordinary synchronous split training. {@link #drain} applies the pending gradients (the seed
 * drains at the end of every epoch).
 *
 * <p>The edge and the cloud are two DJL models with a trainer and an optimizer each, as the two
 * hosts are; nothing but float arrays passes between them.
 */
public final class SplitTrainer implements AutoCloseable {

    /** K, how the features travel, and what the edge does with the quantisation error. */
    public record Settings(int staleness, FeatureCodec codec, Feedback feedback) {
        public Settings {
            Objects.requireNonNull(codec, "codec");
            Objects.requireNonNull(feedback, "feedback");
            if (staleness < 0) {
                throw new IllegalArgumentException("staleness K must be >= 0, not " + staleness);
            }
            if (feedback != Feedback.NONE && !codec.quantises()) {
                throw new IllegalArgumentException("feedback " + feedback.label() + " needs quantised features,"
                        + " not " + codec.label());
            }
        }
    }

    /** One iteration as the cloud saw it: its loss, how many of the batch it classified right. */
    public record Step(float loss, int correct, int size) {
    }

    private record Pending(long iteration, float[] input, Shape inputShape, float[] gradient) {
    }

    private final Settings settings;
    private final Block edgeBlock;
    private final Block cloudBlock;
    private final Model edgeModel;
    private final Model cloudModel;
    private final Trainer edge;
    private final Trainer cloud;
    private final Optimizer edgeOptimizer;
    private final Optimizer cloudOptimizer;
    private final Shape featureShape;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private float[] residual;
    private Times lastTimes;
    private long iteration;
    private long edgeUpdates;
    private long maxStaleness;

    /**
     * Initialises both blocks for inputs of {@code inputShape} (batch axis first, any batch size)
     * and gives each part its own optimizer from {@code optimizer}. The cloud minimises
     * {@code loss} of its output against the labels.
     */
    public SplitTrainer(Block edgeBlock, Block cloudBlock, Shape inputShape, Supplier<Optimizer> optimizer, Loss loss,
            Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.edgeBlock = edgeBlock;
        this.cloudBlock = cloudBlock;
        edgeModel = Model.newInstance("edge");
        cloudModel = Model.newInstance("cloud");
        edgeModel.setBlock(edgeBlock);
        cloudModel.setBlock(cloudBlock);
        edgeBlock.initialize(edgeModel.getNDManager(), DataType.FLOAT32, inputShape);
        featureShape = edgeBlock.getOutputShapes(new Shape[] {inputShape})[0];
        cloudBlock.initialize(cloudModel.getNDManager(), DataType.FLOAT32, featureShape);
        // the edge's trainer never evaluates a loss: it backpropagates the cloud's gradient
        edgeOptimizer = optimizer.get();
        cloudOptimizer = optimizer.get();
        edge = edgeModel.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(edgeOptimizer));
        cloud = cloudModel.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(cloudOptimizer));
    }

    /** The features' shape for the input shape given at construction (batch axis first). */
    public Shape featureShape() {
        return featureShape;
    }

    /** Edge optimizer steps taken so far. */
    public long edgeUpdates() {
        return edgeUpdates;
    }

    /** Iterations run so far. */
    public long iterations() {
        return iteration;
    }

    /** The largest number of iterations between a batch's forward and its edge update so far. */
    public long maxStaleness() {
        return maxStaleness;
    }

    /** Gradients received and not yet applied by the edge. */
    public int pending() {
        return pending.size();
    }

    /** Wall time of each stage of the last {@link #step}, in nanoseconds. */
    public record Times(long edgeForward, long send, long cloud, long edgeBackward) {
    }

    /** The stages of the last step (the edge's backward: every replay it ran, none while filling). */
    public Times lastTimes() {
        return lastTimes;
    }

    /**
     * The edge's forward of a batch with its current weights in training mode (BatchNorm on batch
     * statistics, dropout on); outside a gradient collector PyTorch records no graph: the seed's
     * {@code detach()}. The feature shape is that of {@link #featureShape()} for the batch.
     */
    public float[] edgeFeatures(float[] images, Shape shape) {
        try (NDManager m = edge.getManager().newSubManager()) {
            return edge.forward(new NDList(m.create(images, shape))).singletonOrThrow().toFloatArray();
        }
    }

    /**
     * One iteration on a batch: {@code images} laid out as {@code shape}, one label per image. The
     * images array is kept until the edge replays it: do not reuse it.
     */
    public Step step(float[] images, Shape shape, float[] labels) {
        long t0 = System.nanoTime();
        float[] features = edgeFeatures(images, shape);
        Shape fShape = new Shape(shape.get(0)).addAll(featureShape.slice(1));
        long t1 = System.nanoTime();
        float[] sent = send(features);
        long t2 = System.nanoTime();
        Step result;
        float[] gradient;
        try (NDManager m = cloud.getManager().newSubManager()) {
            NDArray x = m.create(sent, fShape);
            x.setRequiresGradient(true);
            NDArray y = m.create(labels, new Shape(labels.length));
            try (GradientCollector gc = cloud.newGradientCollector()) {
                NDArray logits = cloud.forward(new NDList(x)).singletonOrThrow();
                NDArray loss = cloud.getLoss().evaluate(new NDList(y), new NDList(logits));
                float value = loss.getFloat();
                if (!Float.isFinite(value)) {
                    throw new NonFiniteException("split training: the cloud's loss at iteration " + iteration + " is "
                            + value);
                }
                gc.backward(loss);
                result = new Step(value, correct(logits, labels), labels.length);
            }
            gradient = x.getGradient().toFloatArray();
            cloud.step();
        }
        if (settings.feedback() == Feedback.GRADIENT) {
            for (int i = 0; i < gradient.length; i++) {
                float e = sent[i] - features[i];
                gradient[i] -= e * gradient[i] * gradient[i];
            }
        }
        long t3 = System.nanoTime();
        pending.addLast(new Pending(iteration, images, shape, gradient));
        while (pending.size() > settings.staleness()) {
            replay(pending.pollFirst());
        }
        iteration++;
        lastTimes = new Times(t1 - t0, t2 - t1, t3 - t2, System.nanoTime() - t3);
        return result;
    }

    /** Applies every pending gradient, oldest first (the pipeline drain). */
    public void drain() {
        while (!pending.isEmpty()) {
            replay(pending.pollFirst());
        }
    }

    private float[] send(float[] features) {
        if (!settings.codec().quantises()) {
            return features;
        }
        float[] in = features;
        if (settings.feedback() == Feedback.RESIDUAL && residual != null && residual.length == features.length) {
            in = features.clone();
            for (int i = 0; i < in.length; i++) {
                in[i] += residual[i];
            }
        }
        float[] sent = settings.codec().roundTrip(in);
        if (settings.feedback() == Feedback.RESIDUAL) {
            residual = new float[in.length];
            for (int i = 0; i < in.length; i++) {
                residual[i] = in[i] - sent[i];
            }
        }
        return sent;
    }

    private void replay(Pending p) {
        try (NDManager m = edge.getManager().newSubManager()) {
            NDArray x = m.create(p.input(), p.inputShape());
            try (GradientCollector gc = edge.newGradientCollector()) {
                NDArray f = edge.forward(new NDList(x)).singletonOrThrow();
                gc.backward(f.mul(m.create(p.gradient(), f.getShape())).sum());
            }
            edge.step();
        }
        edgeUpdates++;
        maxStaleness = Math.max(maxStaleness, iteration - p.iteration());
    }

    private static int correct(NDArray logits, float[] labels) {
        long[] predicted = logits.argMax(1).toLongArray();
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == (long) labels[i] ? 1 : 0;
        }
        return right;
    }

    /** Test loss (mean) and accuracy in inference mode, the features passed in fp32 as the seed tests. */
    public record Evaluation(double loss, double accuracy, int samples) {
    }

    /**
     * Evaluates edge then cloud in inference mode on {@code images} (each {@code pixels} long) in
     * batches of {@code batch}; {@code shapeOf} gives a batch's input shape for its size.
     */
    public Evaluation evaluate(float[][] images, int[] labels, int batch, java.util.function.IntFunction<Shape> shapeOf,
            Loss loss) {
        double lossSum = 0;
        long right = 0;
        try (NDManager m = cloudModel.getNDManager().newSubManager()) {
            ParameterStore edgeStore = new ParameterStore(m, false);
            ParameterStore cloudStore = new ParameterStore(m, false);
            for (int from = 0; from < images.length; from += batch) {
                int to = Math.min(images.length, from + batch);
                try (NDManager b = m.newSubManager()) {
                    int pixels = images[from].length;
                    float[] flat = new float[(to - from) * pixels];
                    float[] y = new float[to - from];
                    for (int n = from; n < to; n++) {
                        System.arraycopy(images[n], 0, flat, (n - from) * pixels, pixels);
                        y[n - from] = labels[n];
                    }
                    NDList f = edgeBlock.forward(edgeStore, new NDList(b.create(flat, shapeOf.apply(to - from))), false);
                    NDArray logits = cloudBlock.forward(cloudStore, f, false).singletonOrThrow();
                    float l = loss.evaluate(new NDList(b.create(y, new Shape(y.length))), new NDList(logits)).getFloat();
                    if (!Float.isFinite(l)) {
                        throw new NonFiniteException("split training: the test loss of samples " + from + ".."
                                + (to - 1) + " is " + l);
                    }
                    lossSum += (double) l * (to - from);
                    right += correct(logits, y);
                }
            }
        }
        return new Evaluation(lossSum / images.length, (double) right / images.length, images.length);
    }

    /**
     * Writes both parts' weights, their optimizers' momentum and the feedback residual into
     * {@code dir}, between epochs (nothing pending). Needs {@link MomentumSgd} optimizers.
     */
    public void save(Path dir) throws IOException {
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " gradients pending: drain before saving");
        }
        Files.createDirectories(dir);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve("edge.params")))) {
            edgeBlock.saveParameters(out);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve("cloud.params")))) {
            cloudBlock.saveParameters(out);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve("state.bin")))) {
            out.writeLong(iteration);
            out.writeLong(edgeUpdates);
            out.writeLong(maxStaleness);
            writeFloats(out, residual);
            writeMomentum(out, edgeBlock, momentum(edgeOptimizer));
            writeMomentum(out, cloudBlock, momentum(cloudOptimizer));
        }
    }

    /** Restores what {@link #save} wrote; only before the first step. */
    public void load(Path dir) throws IOException {
        if (iteration != 0) {
            throw new IllegalStateException("load a saved state before the first step, not after " + iteration);
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(dir.resolve("edge.params")))) {
            edgeBlock.loadParameters(edgeModel.getNDManager(), in);
        } catch (MalformedModelException e) {
            throw new IOException(dir.resolve("edge.params") + " does not fit the edge part: " + e.getMessage(), e);
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(dir.resolve("cloud.params")))) {
            cloudBlock.loadParameters(cloudModel.getNDManager(), in);
        } catch (MalformedModelException e) {
            throw new IOException(dir.resolve("cloud.params") + " does not fit the cloud part: " + e.getMessage(), e);
        }
        // loaded arrays come without autograd
        edgeBlock.freezeParameters(false, MultiExitBlock::trainable);
        cloudBlock.freezeParameters(false, MultiExitBlock::trainable);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(dir.resolve("state.bin")))) {
            iteration = in.readLong();
            edgeUpdates = in.readLong();
            maxStaleness = in.readLong();
            residual = readFloats(in);
            readMomentum(in, edgeBlock, momentum(edgeOptimizer), dir);
            readMomentum(in, cloudBlock, momentum(cloudOptimizer), dir);
        }
    }

    private static MomentumSgd momentum(Optimizer o) {
        if (o instanceof MomentumSgd m) {
            return m;
        }
        throw new UnsupportedOperationException("saving a split trainer needs MomentumSgd optimizers, not "
                + o.getClass().getSimpleName());
    }

    private static void writeMomentum(DataOutputStream out, Block block, MomentumSgd o) throws IOException {
        PairList<String, Parameter> ps = block.getParameters();
        out.writeInt(ps.size());
        for (Pair<String, Parameter> p : ps) {
            out.writeUTF(p.getKey());
            writeFloats(out, o.state(p.getValue().getId()));
        }
    }

    private static void readMomentum(DataInputStream in, Block block, MomentumSgd o, Path dir) throws IOException {
        PairList<String, Parameter> ps = block.getParameters();
        int n = in.readInt();
        if (n != ps.size()) {
            throw new IOException(dir + ": momentum for " + n + " parameters, the network has " + ps.size());
        }
        for (Pair<String, Parameter> p : ps) {
            String name = in.readUTF();
            if (!name.equals(p.getKey())) {
                throw new IOException(dir + ": momentum of parameter " + name + " where " + p.getKey() + " was expected");
            }
            float[] v = readFloats(in);
            if (v != null) {
                o.setState(p.getValue().getId(), p.getValue().getArray(), v);
            }
        }
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null) {
            for (float f : v) {
                out.writeFloat(f);
            }
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    @Override
    public void close() {
        edge.close();
        cloud.close();
        edgeModel.close();
        cloudModel.close();
    }
}
