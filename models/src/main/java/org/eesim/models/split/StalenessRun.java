package org.eesim.models.split;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.eesim.models.data.DataSource;
import org.eesim.models.data.ImageSet;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.NetLayer;
import org.eesim.models.profile.Provenance;
import org.eesim.models.train.ExitTrainer;

/**
 * One staleness-accuracy measurement: a network split after one layer, trained for some epochs
 * with one (K, codec, feedback), its test accuracy and loss after every epoch (and before the
 * first) written as a CSV beside a provenance file. Same seed, same initial weights and batch
 * order for every configuration, so configurations differ only in how the gradients travel.
 */
public final class StalenessRun {

    public static final String HEADER = "name,net,width,split,staleness,features,feedback,seed,epoch,iterations,"
            + "train_loss,train_accuracy,test_loss,test_accuracy,seconds";

    private final StalenessOptions o;
    private final PrintStream log;

    public StalenessRun(StalenessOptions options, PrintStream log) {
        this.o = options;
        this.log = log;
    }

    /** The 0-based index of the last edge layer: a layer name, or its 0-based number. */
    public static int splitIndex(List<NetLayer> layers, String split) {
        for (int k = 0; k < layers.size(); k++) {
            if (layers.get(k).name().equals(split)) {
                return check(layers, k, split);
            }
        }
        try {
            return check(layers, Integer.parseInt(split), split);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--split '" + split + "' is neither a layer nor a number; layers: "
                    + layers.stream().map(NetLayer::name).toList());
        }
    }

    private static int check(List<NetLayer> layers, int k, String split) {
        if (k < 0 || k >= layers.size() - 1) {
            throw new IllegalArgumentException("--split " + split + ": the edge must keep 1.." + (layers.size() - 1)
                    + " of the " + layers.size() + " layers, so the index must be 0.." + (layers.size() - 2));
        }
        return k;
    }

    /**
     * Runs the epochs still to do (at most {@code chunkEpochs} of them when that is positive),
     * resuming from the checkpoint a previous command left; returns the CSV rows so far.
     */
    public List<String> run() throws IOException {
        long started = System.nanoTime();
        double loadBefore = load();
        Checkpoint ck = Checkpoint.read(o);
        if (ck != null && ck.epoch() >= o.epochs()) {
            log.printf("split-train %s: all %d epochs already done (%s)%n", o.name(), ck.epoch(), o.csv());
            return ck.rows(o);
        }
        DataSource source = DataSource.named(o.dataSet(), o.dataDir());
        ImageSet train = subset(source.train(), o.trainSamples(), o.seed());
        ImageSet test = source.test().slice(0, o.testSamples());
        long[] input = {1, train.rows(), train.cols()};
        Engine.getInstance().setRandomSeed((int) o.seed());
        List<NetLayer> layers = Backbones.build(o.net(), o.width(), input);
        int cut = splitIndex(layers, o.split());
        SequentialBlock edge = new SequentialBlock();
        SequentialBlock cloud = new SequentialBlock();
        for (int k = 0; k < layers.size(); k++) {
            (k <= cut ? edge : cloud).add(layers.get(k).block());
        }
        Files.createDirectories(o.outputRoot());
        SoftmaxCrossEntropyLoss ce = new SoftmaxCrossEntropyLoss();
        Shape batchShape = new Shape(o.batchSize(), 1, train.rows(), train.cols());
        try (SplitTrainer t = new SplitTrainer(edge, cloud, batchShape,
                () -> new MomentumSgd(o.learningRate(), o.momentum(), o.weightDecay()), ce, o.settings())) {
            List<String> rows = new ArrayList<>();
            if (ck == null) {
                ck = new Checkpoint(0, 0, new ArrayList<>());
            } else {
                t.load(o.checkpoint());
                rows.addAll(ck.rows(o));
            }
            log.printf("split-train %s: %s split after %s (layer %d of %d), features %s per sample, K=%d, %s%s%s%n",
                    o.name(), o.net(), layers.get(cut).name(), cut + 1, layers.size(),
                    t.featureShape().slice(1), o.staleness(), o.codec().label(),
                    o.feedback() == Feedback.NONE ? "" : " with " + o.feedback().label() + " feedback",
                    ck.epoch() == 0 ? "" : "; resuming after epoch " + ck.epoch());
            double before = ck.seconds();
            if (ck.epoch() == 0) {
                SplitTrainer.Evaluation e0 = t.evaluate(test.images(), test.labels(), 256, n -> shape(n, test), ce);
                rows.add(row(0, 0, Double.NaN, Double.NaN, e0, before + seconds(started)));
            }
            int first = ck.epoch() + 1;
            int last = o.chunkEpochs() > 0 ? Math.min(o.epochs(), ck.epoch() + o.chunkEpochs()) : o.epochs();
            for (int epoch = first; epoch <= last; epoch++) {
                epoch(t, train, test, ce, epoch, rows, before, started);
                ck = ck.next(epoch, before + seconds(started));
                ck.save(o, t);
            }
            List<String> chunks = new ArrayList<>(ck.chunks());
            chunks.add(String.format(Locale.ROOT, "epochs %d-%d: %.0f s, 1-min load average %.2f at the start, %.2f"
                    + " at the end", first, last, seconds(started), loadBefore, load()));
            ck = new Checkpoint(ck.epoch(), ck.seconds(), chunks);
            ck.save(o, null);
            writeProvenance(provenance(source, train, test, layers, cut, t, ck));
            log.printf("split-train %s: %d of %d epochs done%s%n", o.name(), ck.epoch(), o.epochs(),
                    ck.epoch() < o.epochs() ? "; run the same command again to go on" : "");
            return rows;
        }
    }

    private void epoch(SplitTrainer t, ImageSet train, ImageSet test, SoftmaxCrossEntropyLoss ce, int epoch,
            List<String> rows, double before, long started) throws IOException {
        // seeded per epoch (dropout masks, batch order), so a resumed run equals an unbroken one
        Engine.getInstance().setRandomSeed((int) (o.seed() * 1009 + epoch));
        int[] order = ExitTrainer.permutation(train.size(), new SplittableRandom(o.seed() * 1_000_003L + epoch));
        double lossSum = 0;
        long right = 0;
        int batches = (train.size() + o.batchSize() - 1) / o.batchSize();
        int evaluations = Math.min(o.evalsPerEpoch(), batches);
        int nextEval = 1;
        for (int b = 0; b < batches; b++) {
            int from = b * o.batchSize();
            int to = Math.min(train.size(), from + o.batchSize());
            float[] labels = new float[to - from];
            for (int n = from; n < to; n++) {
                labels[n - from] = train.labels()[order[n]];
            }
            float[] images = ExitTrainer.flat(train, order, from, to);
            SplitTrainer.Step s = t.step(images, shape(to - from, train), labels);
            lossSum += (double) s.loss() * s.size();
            right += s.correct();
            if ((b + 1) % Math.max(1, batches / 5) == 0) {
                log.printf(Locale.ROOT, "  epoch %d batch %d/%d loss %.4f (%.0f s)%n", epoch, b + 1, batches,
                        lossSum / to, seconds(started));
            }
            if (nextEval < evaluations && b + 1 == (int) Math.round((double) batches * nextEval / evaluations)) {
                // mid-epoch: the model as it stands, gradients still in flight
                SplitTrainer.Evaluation e = t.evaluate(test.images(), test.labels(), 256, n -> shape(n, test), ce);
                rows.add(row(epoch - 1 + (double) nextEval / evaluations, t.iterations(), lossSum / to,
                        (double) right / to, e, before + seconds(started)));
                nextEval++;
            }
        }
        t.drain(); // the seed drains the pipeline at the end of every epoch
        SplitTrainer.Evaluation e = t.evaluate(test.images(), test.labels(), 256, n -> shape(n, test), ce);
        rows.add(row(epoch, t.iterations(), lossSum / train.size(), (double) right / train.size(), e,
                before + seconds(started)));
        log.printf(Locale.ROOT, "  epoch %d: train loss %.4f, test accuracy %.4f, loss %.4f (%.0f s)%n", epoch,
                lossSum / train.size(), e.accuracy(), e.loss(), seconds(started));
        write(o.csv(), rows);
    }

    private String row(double epoch, long iterations, double trainLoss, double trainAccuracy,
            SplitTrainer.Evaluation e, double seconds) {
        return String.join(",", o.name(), o.net(), fmt(o.width()), o.split(), Integer.toString(o.staleness()),
                o.codec().label(), o.feedback().label(), Long.toString(o.seed()), epochLabel(epoch),
                Long.toString(iterations), Double.isNaN(trainLoss) ? "" : fmt(trainLoss),
                Double.isNaN(trainAccuracy) ? "" : fmt(trainAccuracy), fmt(e.loss()), fmt(e.accuracy()),
                String.format(Locale.ROOT, "%.1f", seconds));
    }

    /** 1, 1.25, 0.333333: as short as the fraction allows. */
    static String epochLabel(double epoch) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6f", epoch)).stripTrailingZeros()
                .toPlainString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Writes beside the target and renames, so a stopped run never leaves half a file. */
    static void write(Path file, List<String> rows) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".partial");
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(rows);
        Files.write(tmp, lines);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Map<String, String> provenance(DataSource source, ImageSet train, ImageSet test, List<NetLayer> layers,
            int cut, SplitTrainer t, Checkpoint ck) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source", "measured here with eesim-models split-train (DJL, PyTorch engine)");
        p.put("command", o.command());
        p.put("network", o.net() + " rebuilt for 1x28x28 inputs, width multiplier " + o.width()
                + " (org.eesim.models.net.Backbones); no side branches");
        p.put("split", "edge: layers " + layers.subList(0, cut + 1).stream().map(NetLayer::name).toList()
                + ", cloud: " + layers.subList(cut + 1, layers.size()).stream().map(NetLayer::name).toList()
                + "; features per sample " + t.featureShape().slice(1));
        p.put("pipeline", "per iteration: edge forward of batch t (training mode, no graph), features sent as "
                + o.codec().label() + (o.feedback() == Feedback.NONE ? "" : " with " + o.feedback().label()
                        + " feedback") + "; cloud forward, softmax cross-entropy, backward, optimizer step, gradient"
                + " of the features returned; the edge applies batch t-" + o.staleness() + "'s gradient by replaying"
                + " its forward on the stored input with its current weights and backpropagating sum(f'*g), then"
                + " steps; pipeline drained at the end of each epoch (as the seed's baseline/base.py)");
        p.put("training", "SGD lr " + o.learningRate() + " momentum " + o.momentum() + " weight decay "
                + o.weightDecay() + " (DJL's update: v = m*v + lr*(g + wd*w), w -= v), batch " + o.batchSize() + ", "
                + ck.epoch() + " of " + o.epochs() + " epoch(s) done, one optimizer each for edge and cloud; initial"
                + " weights from seed " + o.seed() + ", batch order and dropout seeded per epoch");
        p.put("evaluation", o.evalsPerEpoch() + " time(s) an epoch (epoch 0: the initial weights; within an epoch"
                + " with gradients still in flight, at its end after the drain), inference mode, features passed in"
                + " fp32 (as the seed tests), on the first " + test.size() + " images of the t10k file; train_loss and"
                + " train_accuracy are the cloud's over the epoch's batches so far");
        p.put("data", source.name() + " from " + source.dir() + " (" + source.installHint() + "): " + train.size()
                + " training images" + (train.size() < 60_000 ? " (a seeded subset)" : ""));
        p.put("data_sha256", source.sha256());
        p.put("seed", Long.toString(o.seed()));
        p.put("edge_updates", Long.toString(t.edgeUpdates()));
        p.put("max_staleness", Long.toString(t.maxStaleness()));
        p.put("hardware", Provenance.cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " logical CPUs, shared with other jobs");
        p.put("chunks", String.join("; ", ck.chunks()) + " (load 2 = both cores busy)");
        p.put("threads", Provenance.threads());
        p.put("engine_isa", org.eesim.models.engine.EngineEnvironment.settings());
        p.put("software", Provenance.software());
        p.put("run_seconds", String.format(Locale.ROOT, "%.0f", ck.seconds()));
        return p;
    }

    private void writeProvenance(Map<String, String> p) {
        List<String> lines = new ArrayList<>();
        lines.add("# provenance of " + o.csv().getFileName());
        p.forEach((k, v) -> lines.add(k + ": '" + v.replace("'", "''") + "'"));
        try {
            Files.write(o.provenance(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageSet subset(ImageSet all, int n, long seed) {
        if (n >= all.size()) {
            return all;
        }
        int[] order = ExitTrainer.permutation(all.size(), new SplittableRandom(seed ^ 0x5eed));
        float[][] images = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            images[i] = all.images()[order[i]];
            labels[i] = all.labels()[order[i]];
        }
        return new ImageSet(images, labels, all.rows(), all.cols());
    }

    private static Shape shape(int n, ImageSet s) {
        return new Shape(n, 1, s.rows(), s.cols());
    }


    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

}
