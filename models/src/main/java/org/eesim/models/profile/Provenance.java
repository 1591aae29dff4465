package org.eesim.models.profile;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eesim.models.data.DataSource;
import org.eesim.models.net.MultiExitBlock;

/** The provenance block of a measured profile: what was run, on what, with which data and settings. */
public final class Provenance {

    private Provenance() {
    }

    static Map<String, String> of(RunOptions o, DataSource source, Splits data, Map<String, String> notes,
            double seconds) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source", "measured here with eesim-models (DJL, PyTorch engine): trained, distorted, timed and traced");
        p.put("command", command(o));
        p.put("network", o.net() + " rebuilt for 1x28x28 inputs, width multiplier " + o.width()
                + " (see org.eesim.models.net.Backbones for the 28 px changes)");
        p.put("scaling", "reduced for a 2-core shared CPU: width " + o.width() + ", " + data.train().size()
                + " training images, " + o.epochs() + " epoch(s); accuracies are those of this reduced network");
        p.put("data", source.name() + " from " + source.dir() + " (" + source.installHint() + ")");
        p.put("data_sha256", source.sha256());
        p.put("splits", "validation " + data.validation().size() + " and training " + data.train().size()
                + " images from a seeded shuffle of the 60000 training images (disjoint); test: the first "
                + data.test().size() + " images of the t10k file");
        p.put("training", "Adam lr " + o.learningRate() + ", batch " + o.batchSize() + ", " + o.epochs()
                + " epoch(s), loss = sum of per-exit cross-entropies weighted linearly 0.15..1 (first to final exit)"
                + (o.load() ? "; weights loaded from " + o.weightsDir() : ""));
        p.put("expert_training", o.experts().isEmpty() ? "none" : "per kind in " + o.experts()
                + ": side branches fine-tuned " + o.expertEpochs() + " epoch(s) on the training images distorted at a"
                + " level drawn uniformly from the five, backbone and final exit frozen (BatchNorm in inference mode),"
                + " side-exit loss weights as above; all exits recalibrated on the validation split distorted the"
                + " same way");
        p.put("calibration", "one temperature per exit minimising NLL on the validation split (golden-section"
                + " search over 1/T); trace confidences are max softmax(logits/T), entropy normalised by ln(10)");
        p.put("seed", Long.toString(o.seed()));
        p.putAll(notes);
        p.put("timing", "batch 1, " + o.warmup() + " warm-up + " + o.repetitions() + " repetitions of the whole"
                + " chain, each layer's and branch's forward timed alone with System.nanoTime, inference mode, first"
                + " pristine test image; samples are the raw repetitions; timing.csv has median and quartiles");
        p.put("hardware", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " logical CPUs, shared"
                + " with other jobs");
        p.put("threads", threads());
        p.put("engine_isa", org.eesim.models.engine.EngineEnvironment.settings());
        p.put("software", software());
        p.put("run_seconds", String.format(Locale.ROOT, "%.0f", seconds));
        return p;
    }

    static String description(RunOptions o, MultiExitBlock block) {
        return "Early-exit " + o.net() + " (width " + o.width() + ", " + block.layers().size() + " layers, "
                + block.branchAfter().size() + " side branches of BatchNorm + average pooling + FC) trained on "
                + o.dataSet() + " 28x28 grey images, 10 classes; float32, batch 1 CPU timing. Conditions: pristine,"
                + " blur-1..5, noise-1..5" + (o.experts().isEmpty() ? "" : ", and the same with expert branches ("
                + String.join(", ", o.experts().stream().map(e -> "@expert-" + e).toList()) + ")") + ".";
    }

    /**
     * The options of this run, all of them: a profile made from loaded weights says so
     * ({@code --load --weights DIR}), since those weights came from another run's command.
     */
    static String command(RunOptions o) {
        return "profile --net " + o.net() + " --name " + o.name() + " --data " + o.dataSet()
                + (o.dataDir() == null ? "" : " --data-dir " + o.dataDir())
                + " --width " + o.width() + " --branches "
                + o.branches() + " --distribution " + o.distribution()
                + (o.positions().isEmpty() ? "" : " --positions " + o.positions().toString().replaceAll("[\\[\\] ]", ""))
                + " --train-samples " + o.trainSamples() + " --validation-samples " + o.validationSamples()
                + " --test-samples " + o.testSamples() + " --epochs " + o.epochs() + " --batch " + o.batchSize()
                + " --lr " + o.learningRate()
                + (o.experts().isEmpty() ? "" : " --experts " + String.join(",", o.experts())
                        + " --expert-epochs " + o.expertEpochs())
                + " --warmup " + o.warmup() + " --repetitions " + o.repetitions() + " --seed " + o.seed()
                + (o.distortionClassifier() ? " --distortion-classifier" : "")
                + (o.load() ? " --load --weights " + o.weightsRoot() : "");
    }

    public static String cpuModel() {
        return procField("/proc/cpuinfo", "model name", "unknown CPU");
    }

    /**
     * The value after the colon of the first line of {@code file} (a /proc file) that starts with
     * {@code key}; {@code missing} when there is none, with the reason when the file cannot be read.
     */
    public static String procField(String file, String key, String missing) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return missing + " (" + e.getMessage() + ")";
        }
        return missing;
    }

    /** The engine's thread settings, as every provenance records them. */
    public static String threads() {
        return "ai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "default")
                + ", ai.djl.pytorch.num_interop_threads="
                + System.getProperty("ai.djl.pytorch.num_interop_threads", "default");
    }

    /** DJL, PyTorch, Java and the OS, as every provenance records them. */
    public static String software() {
        return "DJL " + Engine.getDjlVersion() + ", PyTorch " + Engine.getInstance().getVersion() + " (CPU), Java "
                + System.getProperty("java.version") + " " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }
}
