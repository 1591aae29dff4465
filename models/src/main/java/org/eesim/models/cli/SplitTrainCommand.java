package org.eesim.models.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eesim.models.split.Feedback;
import org.eesim.models.split.FeatureCodec;
import org.eesim.models.split.StalenessOptions;
import org.eesim.models.split.StalenessRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eesim-models split-train}: one staleness-accuracy configuration (issue 13). */
@Command(name = "split-train", mixinStandardHelpOptions = true,
        versionProvider = org.eesim.cli.Main.Version.class,
        description = {"Train a network split between edge and cloud as seed 004's pipeline does: stale gradients"
            + " applied K iterations late by feature replay, fp32 or int8 features, optional error feedback.",
            "Writes OUT/NAME.csv (test accuracy and loss after each epoch) and OUT/NAME.provenance.yaml."})
final class SplitTrainCommand implements Callable<Integer> {
    @Option(names = "--net", defaultValue = "alexnet", description = "tiny, alexnet, mobilenetv2 or resnet18 (default ${DEFAULT-VALUE})")
    String net;
    @Option(names = "--width", defaultValue = "0.25", description = "channel width multiplier (default ${DEFAULT-VALUE})")
    double width;
    @Option(names = "--split", defaultValue = "conv2",
            description = "last edge layer: its name or 0-based index (default ${DEFAULT-VALUE})")
    String split;
    @Option(names = {"--staleness", "-K"}, defaultValue = "0", description = "K: iterations between a batch's forward and its edge update")
    int staleness;
    @Option(names = "--features", defaultValue = "fp32", description = "fp32, int8 or int8-seed (the seed's quantiser)")
    String features;
    @Option(names = "--feedback", defaultValue = "none",
            description = "none, gradient (the seed's g - E*g*g) or residual (error carried into the next batch)")
    String feedback;
    @Option(names = "--epochs", defaultValue = "5")
    int epochs;
    @Option(names = "--batch", defaultValue = "32")
    int batch;
    @Option(names = "--lr", defaultValue = "0.01")
    float lr;
    @Option(names = "--momentum", defaultValue = "0.9")
    float momentum;
    @Option(names = "--weight-decay", defaultValue = "1e-4")
    float weightDecay;
    @Option(names = "--train-samples", defaultValue = "60000")
    int trainSamples;
    @Option(names = "--test-samples", defaultValue = "10000")
    int testSamples;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--data", defaultValue = "fashion-mnist", description = "fashion-mnist or mnist")
    String data;
    @Option(names = "--data-dir", description = "folder with the IDX files (default: the data set's package)")
    Path dataDir;
    @Option(names = "--out", defaultValue = "models/results/staleness")
    Path out;
    @Option(names = "--name", description = "file name stem (default k<K>-<features>[-<feedback>]-s<seed>)")
    String name;
    @Option(names = "--evals-per-epoch", defaultValue = "1",
            description = "test evaluations per epoch (the last one after the epoch's drain)")
    int evalsPerEpoch;
    @Option(names = "--chunk-epochs", defaultValue = "0",
            description = "run at most this many epochs now (0: all); run the same command again to go on")
    int chunkEpochs;
    @Option(names = "--checkpoints", defaultValue = "models/target/split-checkpoints",
            description = "where unfinished runs keep their weights between commands (default ${DEFAULT-VALUE})")
    Path checkpoints;

    @Override
    public Integer call() throws Exception {
        try {
            StalenessOptions o = new StalenessOptions(net, width, split, staleness, FeatureCodec.parse(features),
                    Feedback.parse(feedback), epochs, batch, lr, momentum, weightDecay, trainSamples, testSamples,
                    seed, data, dataDir, out, name, chunkEpochs, checkpoints, evalsPerEpoch);
            new StalenessRun(o, System.err).run();
            System.err.println("wrote " + o.csv() + " and " + o.provenance());
            return 0;
        } catch (org.eesim.models.train.NonFiniteException e) {
            System.err.println("eesim-models split-train: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("eesim-models split-train: " + e.getMessage());
            return 2;
        }
    }
}
