package org.eesim.models.split;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** Everything one staleness-accuracy run depends on; written into its provenance. */
public record StalenessOptions(
        String net,
        double width,
        String split,
        int staleness,
        FeatureCodec codec,
        Feedback feedback,
        int epochs,
        int batchSize,
        float learningRate,
        float momentum,
        float weightDecay,
        int trainSamples,
        int testSamples,
        long seed,
        String dataSet,
        Path dataDir,
        Path outputRoot,
        String name,
        int chunkEpochs,
        Path checkpointRoot,
        int evalsPerEpoch) {

    public StalenessOptions {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(split, "split");
        new SplitTrainer.Settings(staleness, codec, feedback); // checks K and feedback against codec
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("--epochs and --batch must be >= 1");
        }
        if (evalsPerEpoch < 1) {
            throw new IllegalArgumentException("--evals-per-epoch must be >= 1");
        }
        if (chunkEpochs < 0) {
            throw new IllegalArgumentException("--chunk-epochs must be >= 0 (0: all epochs in one go)");
        }
        if (!(learningRate > 0) || momentum < 0 || momentum >= 1 || weightDecay < 0) {
            throw new IllegalArgumentException("--lr must be > 0, --momentum in [0, 1), --weight-decay >= 0");
        }
        if (trainSamples < 1 || trainSamples > 60_000 || testSamples < 1 || testSamples > 10_000) {
            throw new IllegalArgumentException("--train-samples must be 1..60000 and --test-samples 1..10000");
        }
        if (seed <= 0 || seed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--seed must be in 1.." + Integer.MAX_VALUE);
        }
        if (name == null || name.isBlank()) {
            name = defaultName(staleness, codec, feedback, seed);
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name '" + name + "' may hold only letters, digits, '.', '_', '-'");
        }
    }

    /** {@code k2-fp32-s1}, {@code k4-int8-gradient-s1}, ... */
    public static String defaultName(int staleness, FeatureCodec codec, Feedback feedback, long seed) {
        return "k" + staleness + "-" + codec.label() + (feedback == Feedback.NONE ? "" : "-" + feedback.label())
                + "-s" + seed;
    }

    public SplitTrainer.Settings settings() {
        return new SplitTrainer.Settings(staleness, codec, feedback);
    }

    public Path csv() {
        return outputRoot.resolve(name + ".csv");
    }

    public Path checkpoint() {
        return checkpointRoot.resolve(name);
    }

    public Path provenance() {
        return outputRoot.resolve(name + ".provenance.yaml");
    }

    /** The command line that reproduces this run (run it again until it reports all epochs done). */
    public String command() {
        return "split-train " + identity().replace(" --epochs ?", " --epochs " + epochs)
                + (chunkEpochs > 0 ? " --chunk-epochs " + chunkEpochs : "");
    }

    /**
     * The options a resumed run must share with the run that saved the checkpoint: all but the
     * number of epochs (which may grow) and how many are run per command.
     */
    public String identity() {
        return String.format(Locale.ROOT, "--net %s --width %s --split %s --staleness %d --features %s --feedback %s"
                + " --epochs ? --batch %d --lr %s --momentum %s --weight-decay %s --train-samples %d"
                + " --test-samples %d --evals-per-epoch %d --seed %d --data %s%s --out %s --name %s", net, width, split,
                staleness, codec.label(), feedback.label(), batchSize, learningRate, momentum, weightDecay, trainSamples,
                testSamples, evalsPerEpoch, seed, dataSet, dataDir == null ? "" : " --data-dir " + dataDir, outputRoot, name);
    }
}
