package org.eesim.models.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eesim.models.split.TrainingProfileRun;
import org.eesim.models.timing.LoadGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eesim-models training-profile}: a split-training profile measured in DJL (issue 13). */
@Command(name = "training-profile", mixinStandardHelpOptions = true,
        versionProvider = org.eesim.cli.Main.Version.class,
        description = {"Time one training iteration of a network at every split (edge forward, replay and backward;"
            + " cloud forward, loss, backward and update; int8 quantisation) and each layer, under the load rule,",
            "into an eesim-training-profile/1 folder OUT/NAME (training.yaml, splits.csv, layers.csv, samples.csv).",
            "Run it pinned on a quiet machine: taskset -c 1, under the exclusive CPU lock."})
final class TrainingProfileCommand implements Callable<Integer> {
    @Option(names = "--net", defaultValue = "alexnet", description = "tiny, alexnet, mobilenetv2 or resnet18")
    String net;
    @Option(names = "--width", defaultValue = "0.25", description = "channel width multiplier (default ${DEFAULT-VALUE})")
    double width;
    @Option(names = "--name", required = true, description = "profile name (folder under --out)")
    String name;
    @Option(names = "--batch", defaultValue = "32")
    int batch;
    @Option(names = "--warmup", defaultValue = "30")
    int warmup;
    @Option(names = "--repetitions", defaultValue = "40")
    int repetitions;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--data", defaultValue = "fashion-mnist")
    String data;
    @Option(names = "--data-dir")
    Path dataDir;
    @Option(names = "--out", defaultValue = "profiles")
    Path out;
    @Option(names = "--no-load-rule",
            description = "time once whatever the load (a trial: the provenance's load_rule then says so)")
    boolean noLoadRule;

    @Override
    public Integer call() throws Exception {
        try {
            new TrainingProfileRun(new TrainingProfileRun.Options(net, width, name, batch, warmup, repetitions, seed,
                    data, dataDir, out, noLoadRule), noLoadRule ? TrainingProfileRun.NO_RULE : LoadGuard.Rule.standard(),
                    System.err).run();
            return 0;
        } catch (LoadGuard.Busy e) {
            System.err.println("eesim-models training-profile: " + e.getMessage() + "; nothing written");
            return 3;
        } catch (org.eesim.models.train.NonFiniteException e) {
            System.err.println("eesim-models training-profile: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("eesim-models training-profile: " + e.getMessage());
            return 2;
        }
    }
}
