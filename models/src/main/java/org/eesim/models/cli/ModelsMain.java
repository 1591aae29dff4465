package org.eesim.models.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.eesim.models.engine.EngineEnvironment;
import org.eesim.models.profile.ProfileRun;
import org.eesim.models.profile.RunOptions;
import org.eesim.models.profile.TimingCompare;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eesim-models}: profile a named early-exit network into profiles/NAME, compare timings. */
@Command(name = "eesim-models", mixinStandardHelpOptions = true,
        versionProvider = org.eesim.cli.Main.Version.class,
        subcommands = {ModelsMain.ProfileCommand.class, ModelsMain.TimeCommand.class, ModelsMain.CompareTiming.class,
            SplitTrainCommand.class, TrainingProfileCommand.class},
        description = "Train, distort, time and trace early-exit networks (DJL, PyTorch CPU) into eesim profiles.")
public final class ModelsMain implements Runnable {

    /** The command line as given, for the timing driver's child JVM. */
    private static String[] given = new String[0];

    public static void main(String[] args) {
        given = args.clone();
        if (args.length > 0 && List.of("profile", "split-train", "training-profile").contains(args[0])) {
            // oneDNN reads its ISA cap at load time: a JVM without it re-runs this in one with it (issue 10)
            EngineEnvironment.ensure(ModelsMain.class, args);
        }
        System.exit(new CommandLine(new ModelsMain()).execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "profile", mixinStandardHelpOptions = true,
            versionProvider = org.eesim.cli.Main.Version.class,
            description = "Train (or --load) a network, trace every condition, time every layer, write profiles/NAME.")
    static final class ProfileCommand implements Callable<Integer> {
        @Option(names = "--net", required = true, description = "tiny, alexnet, mobilenetv2 or resnet18")
        String net;
        @Option(names = "--name", required = true, description = "profile name (folder under --out)")
        String name;
        @Option(names = "--width", defaultValue = "1", description = "channel width multiplier (default ${DEFAULT-VALUE})")
        double width;
        @Option(names = "--branches", defaultValue = "3", description = "side branches, 1..5")
        int branches;
        @Option(names = "--distribution", defaultValue = "linear", description = "linear, pareto or explicit")
        String distribution;
        @Option(names = "--positions", split = ",", description = "1-based layer numbers (with explicit)")
        List<Integer> positions = List.of();
        @Option(names = "--data", defaultValue = "fashion-mnist", description = "fashion-mnist or mnist")
        String data;
        @Option(names = "--data-dir", description = "folder with the IDX files (default: the data set's package)")
        Path dataDir;
        @Option(names = "--train-samples", defaultValue = "20000", description = "training subset size")
        int trainSamples;
        @Option(names = "--validation-samples", defaultValue = "5000", description = "for temperature scaling")
        int validationSamples;
        @Option(names = "--test-samples", defaultValue = "2000", description = "traced per condition")
        int testSamples;
        @Option(names = "--epochs", defaultValue = "2")
        int epochs;
        @Option(names = "--batch", defaultValue = "128")
        int batch;
        @Option(names = "--lr", defaultValue = "0.001")
        float lr;
        @Option(names = "--experts", split = ",", description = "expert branch sets to add: blur, noise")
        List<String> experts = List.of();
        @Option(names = "--expert-epochs", defaultValue = "1")
        int expertEpochs;
        @Option(names = "--warmup", defaultValue = "30")
        int warmup;
        @Option(names = "--repetitions", defaultValue = "200", description = "timed passes at batch 1")
        int repetitions;
        @Option(names = "--seed", defaultValue = "1")
        long seed;
        @Option(names = "--out", defaultValue = "profiles")
        Path out;
        @Option(names = "--weights", defaultValue = "models/target/weights",
                description = "where trained weights go (default ${DEFAULT-VALUE}; not committed)")
        Path weights;
        @Option(names = "--load", description = "reuse weights saved by an earlier run instead of training")
        boolean load;
        @Option(names = "--distortion-classifier",
                description = "also train a pristine/blur/noise classifier; its time and confusion go in provenance")
        boolean distortionClassifier;

        @Override
        public Integer call() throws Exception {
            try {
                RunOptions o = new RunOptions(net, name, width, branches, distribution, positions, data, dataDir,
                        trainSamples, validationSamples, testSamples, epochs, batch, lr, experts, expertEpochs, warmup,
                        repetitions, seed, out, weights, load, distortionClassifier);
                new ProfileRun(o, System.err).run();
                return 0;
            } catch (org.eesim.models.train.NonFiniteException e) {
                // a NaN or infinity from PyTorch (issue 10): stopped before anything was written
                System.err.println("eesim-models profile: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException | java.io.IOException e) {
                // bad options, unknown network, missing data files: say which and stop before writing
                System.err.println("eesim-models profile: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "time", mixinStandardHelpOptions = true,
            versionProvider = org.eesim.cli.Main.Version.class,
            description = {"Time a network at batch 1 (seeded untrained weights) into profiles/NAME, in a fresh JVM"
                + " pinned to one CPU, under the load rule (README, 'Full-size timing profiles').",
                "Full-size: alexnet-full, mobilenetv2-full, resnet18-full (--input 3,H,W --classes N); 28 px:"
                + " tiny, alexnet, mobilenetv2, resnet18 (--width). --retime PROFILE re-times a profile made by"
                + " 'profile', keeping its traces."})
    static final class TimeCommand implements Callable<Integer> {
        @Option(names = "--net", description = "alexnet-full, mobilenetv2-full, resnet18-full, tiny, alexnet, mobilenetv2, resnet18")
        String net;
        @Option(names = "--name", description = "profile name (folder under --out)")
        String name;
        @Option(names = "--input", split = ",", description = "C,H,W, e.g. 3,224,224")
        long[] input;
        @Option(names = "--classes", defaultValue = "1000", description = "classes of the full-size networks (default ${DEFAULT-VALUE})")
        int classes;
        @Option(names = "--width", defaultValue = "1", description = "channel width of the 28 px networks")
        double width;
        @Option(names = "--branches", defaultValue = "3", description = "side branches placed by --distribution")
        int branches;
        @Option(names = "--distribution", defaultValue = "linear", description = "linear, pareto or explicit")
        String distribution;
        @Option(names = "--positions", split = ",", description = "1-based layer numbers the branches follow (explicit)")
        List<Integer> positions = List.of();
        @Option(names = "--exit", description = "branch block: pool, bnpool or bnpool2 (default: pool for alexnet-full"
                + " and mobilenetv2-full, bnpool for resnet18-full, bnpool2 for the 28 px networks)")
        String exit;
        @Option(names = "--warmup", defaultValue = "100", description = "untimed repetitions first (default"
                + " ${DEFAULT-VALUE}: full-size networks here reach their steady speed after about 80)")
        int warmup;
        @Option(names = "--warmup-seconds", defaultValue = "10", description = "and for at least this long (default"
                + " ${DEFAULT-VALUE}: a small network's Java path is still compiling after its first hundred passes)")
        double warmupSeconds;
        @Option(names = "--repetitions", defaultValue = "300", description = "timed repetitions (at least 200 for a profile)")
        int repetitions;
        @Option(names = "--seed", defaultValue = "1", description = "weights and input seed")
        long seed;
        @Option(names = "--out", defaultValue = "profiles")
        Path out;
        @Option(names = "--exits-from", description = "copy this profile's exit data (rate tables; same branches)")
        Path exitsFrom;
        @Option(names = "--retime", description = "re-time this profile (made by 'profile'); its traces are kept")
        Path retime;
        @Option(names = "--timing-only", description = "write timing.csv, samples.csv, timing-provenance.json only")
        boolean timingOnly;
        @Option(names = "--core", description = "CPU to pin the timing JVM to (default: the last); -1: not pinned")
        Integer core;
        @Option(names = "--max-reference-ms", defaultValue = "0", description = "refuse an attempt whose reference"
                + " convolution (64->64 3x3 on 64x56x56) took longer: this machine's usual time with a margin"
                + " (default 0: no bound)")
        double maxReferenceMs;
        @Option(names = org.eesim.models.timing.TimingDriver.CHILD, hidden = true)
        boolean child;

        @Override
        public Integer call() throws Exception {
            int pin = core != null ? core : org.eesim.models.timing.TimingDriver.onlineCpus() - 1;
            org.eesim.models.timing.TimingOptions o;
            try {
                if (net != null && positions.size() > 0) {
                    distribution = "explicit";
                }
                o = new org.eesim.models.timing.TimingOptions(net, name, width, input, classes, branches, distribution,
                        positions, exit != null ? exit : defaultExit(net), warmup, warmupSeconds, repetitions, seed, out,
                        exitsFrom, retime, timingOnly, pin, maxReferenceMs);
            } catch (IllegalArgumentException e) {
                System.err.println("eesim-models time: " + e.getMessage());
                return 2;
            }
            if (!child) {
                return org.eesim.models.timing.TimingDriver.runChild(ModelsMain.class, given, pin);
            }
            try {
                new org.eesim.models.timing.TimingRun(o, System.err).run();
                return 0;
            } catch (org.eesim.models.timing.LoadGuard.Busy e) {
                System.err.println("eesim-models time: refused, nothing written: " + e.getMessage());
                return 3;
            } catch (IllegalArgumentException | java.io.IOException | org.eesim.yaml.ProblemsException e) {
                System.err.println("eesim-models time: " + e.getMessage());
                return 2;
            }
        }

        static String defaultExit(String net) {
            if (net == null) {
                return "bnpool2";
            }
            return switch (net) {
                case "alexnet-full", "mobilenetv2-full" -> "pool";
                case "resnet18-full" -> "bnpool";
                default -> "bnpool2";
            };
        }
    }

    @Command(name = "compare-timing", mixinStandardHelpOptions = true,
            versionProvider = org.eesim.cli.Main.Version.class,
            description = "Per-layer median differences between two timing.csv files (same network timed twice).")
    static final class CompareTiming implements Callable<Integer> {
        @Parameters(index = "0")
        Path first;
        @Parameters(index = "1")
        Path second;

        @Override
        public Integer call() {
            try {
                System.out.print(TimingCompare.markdown(first, second));
                return 0;
            } catch (TimingCompare.BadTimingFile e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
        }
    }
}
