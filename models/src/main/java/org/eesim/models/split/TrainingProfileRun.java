package org.eesim.models.split;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eesim.models.data.DataSource;
import org.eesim.models.data.ImageSet;
import org.eesim.models.profile.LayerTimer;
import org.eesim.models.profile.ProfileWriter;
import org.eesim.models.profile.Provenance;
import org.eesim.models.timing.LoadGuard;
import org.eesim.models.train.NonFiniteException;

/**
 * {@code eesim-models training-profile}: times a network's training iteration at every split
 * ({@link TrainingTimer}) under the load rule ({@link LoadGuard}) and writes an
 * eesim-training-profile/1 folder (docs/training-profile-format.md): training.yaml, splits.csv,
 * and beside them layers.csv (per-layer training forward, backward, update; sizes) and
 * samples.csv (every repetition of every split).
 */
public final class TrainingProfileRun {

    /** What one profile depends on. */
    public record Options(String net, double width, String name, int batchSize, int warmup, int repetitions,
            long seed, String dataSet, Path dataDir, Path outputRoot, boolean noRule) {
        public Options {
            if (batchSize < 1 || warmup < 0 || repetitions < 4) {
                throw new IllegalArgumentException("--batch must be >= 1, --warmup >= 0 and --repetitions >= 4");
            }
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("--name '" + name + "' may hold only letters, digits, '.', '_', '-'");
            }
            if (seed <= 0 || seed > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--seed must be in 1.." + Integer.MAX_VALUE);
            }
        }

        /**
         * The command that made the profile; an absolute --out shows as DIR (the profile's
         * provenance may name repository-relative paths only).
         */
        public String command() {
            return String.format(Locale.ROOT, "training-profile --net %s --width %s --name %s --batch %d --warmup %d"
                    + " --repetitions %d --seed %d --data %s%s --out %s", net, width, name, batchSize, warmup,
                    repetitions, seed, dataSet, dataDir == null ? "" : " --data-dir " + dataDir,
                    outputRoot.isAbsolute() ? "DIR" : outputRoot) + (noRule ? " --no-load-rule" : "");
        }
    }

    /** The update is timed with the settings split-train uses; its values do not change the time. */
    static final float LR = 0.01f;
    static final float MOMENTUM = 0.9f;
    static final float WEIGHT_DECAY = 1e-4f;

    /** Accepts any attempt: for trials (and tests), never for a shipped profile. */
    public static final LoadGuard.Rule NO_RULE = new LoadGuard.Rule(1e9, 0, 1, 1e9, 1, 0, 1e9, 1);

    private final Options o;
    private final LoadGuard.Rule rule;
    private final PrintStream log;

    public TrainingProfileRun(Options options, LoadGuard.Rule rule, PrintStream log) {
        this.o = options;
        this.rule = rule;
        this.log = log;
    }

    public Path run() throws Exception {
        DataSource source = DataSource.named(o.dataSet(), o.dataDir());
        ImageSet train = source.train();
        int pixels = train.rows() * train.cols();
        float[] images = new float[o.batchSize() * pixels];
        float[] labels = new float[o.batchSize()];
        for (int i = 0; i < o.batchSize(); i++) {
            System.arraycopy(train.images()[i], 0, images, i * pixels, pixels);
            labels[i] = train.labels()[i];
        }
        Shape shape = new Shape(o.batchSize(), 1, train.rows(), train.cols());
        LoadGuard guard = new LoadGuard(rule, log);
        log.printf("training-profile %s: %s width %s, batch %d, %d warm-up + %d repetitions%n", o.name(), o.net(),
                o.width(), o.batchSize(), o.warmup(), o.repetitions());
        LoadGuard.Outcome<TrainingTimer.Result> outcome = guard.measure(() -> TrainingTimer.time(o.net(), o.width(),
                o.seed(), images, labels, shape, () -> new MomentumSgd(LR, MOMENTUM, WEIGHT_DECAY), o.warmup(),
                o.repetitions(), log), TrainingTimer.Result::series);
        TrainingTimer.Result r = outcome.value();
        long inputBytes = 4L * o.batchSize() * pixels;
        Path dir = o.outputRoot().resolve(o.name());
        Path staging = ProfileWriter.staging(dir);
        Files.write(staging.resolve("splits.csv"), splits(r, inputBytes));
        Files.write(staging.resolve("layers.csv"), layers(r));
        Files.write(staging.resolve("samples.csv"), samples(r));
        Files.write(staging.resolve("training.yaml"), yaml(r, inputBytes, provenance(source, guard, outcome)));
        ProfileWriter.publish(staging, dir);
        log.printf("wrote %s (%d splits)%n", dir, r.splits().size() + 2);
        return dir;
    }

    static double median(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new NonFiniteException("training timing: a non-finite time");
            }
        }
        return LayerTimer.median(v);
    }

    /** Medians of per-repetition sums (the stages of one iteration ran back to back). */
    static double medianOfSum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = a[i] + b[i];
        }
        return median(s);
    }

    private List<String> splits(TrainingTimer.Result r, long inputBytes) {
        int n = r.names().size();
        List<String> out = new ArrayList<>();
        out.add("split,edge_time_s,cloud_time_s,feature_bytes,quantise_time_s,edge_param_bytes,edge_forward_time_s");
        double whole = median(r.whole());
        long params = 0;
        out.add(String.join(",", "-1", "0", sec(whole), Long.toString(inputBytes), "", "0", ""));
        for (int i = 0; i < n - 1; i++) {
            TrainingTimer.SplitSamples s = r.splits().get(i);
            params += 4 * r.parameters()[i];
            out.add(String.join(",", Integer.toString(i), sec(medianOfSum(s.edgeForward(), s.edgeBackward())),
                    sec(median(s.cloud())), Long.toString(featureBytes(r, i)), sec(median(s.quantise())),
                    Long.toString(params), sec(median(s.edgeForward()))));
        }
        params += 4 * r.parameters()[n - 1];
        out.add(String.join(",", Integer.toString(n - 1), sec(whole), "0", "0", "", Long.toString(params), ""));
        return out;
    }

    private long featureBytes(TrainingTimer.Result r, int layer) {
        return ProfileWriter.bytes(r.outputShapes().get(layer)) * o.batchSize();
    }

    private List<String> layers(TrainingTimer.Result r) {
        List<String> out = new ArrayList<>();
        out.add("layer,name,output_shape,activation_bytes,param_bytes,flops,forward_s,forward_no_graph_s,backward_s,"
                + "update_s,forward_q1_s,forward_q3_s,backward_q1_s,backward_q3_s");
        for (int k = 0; k < r.names().size(); k++) {
            TrainingTimer.LayerSamples l = r.layers().get(k);
            out.add(String.join(",", Integer.toString(k), r.names().get(k), shape(r.outputShapes().get(k)),
                    Long.toString(featureBytes(r, k)), Long.toString(4 * r.parameters()[k]),
                    Long.toString(r.flops()[k]), sec(median(l.forward())), sec(median(l.forwardNoGraph())),
                    sec(median(l.backward())), sec(median(l.update())), sec(LayerTimer.quantile(l.forward(), 0.25)),
                    sec(LayerTimer.quantile(l.forward(), 0.75)), sec(LayerTimer.quantile(l.backward(), 0.25)),
                    sec(LayerTimer.quantile(l.backward(), 0.75))));
        }
        return out;
    }

    private static List<String> samples(TrainingTimer.Result r) {
        List<String> out = new ArrayList<>();
        out.add("split,repetition,edge_forward_s,edge_backward_s,cloud_s,quantise_s");
        for (int i = 0; i < r.splits().size(); i++) {
            TrainingTimer.SplitSamples s = r.splits().get(i);
            for (int k = 0; k < s.cloud().length; k++) {
                out.add(String.join(",", Integer.toString(i), Integer.toString(k), sec(s.edgeForward()[k]),
                        sec(s.edgeBackward()[k]), sec(s.cloud()[k]), sec(s.quantise()[k])));
            }
        }
        int last = r.splits().size();
        for (int k = 0; k < r.whole().length; k++) {
            // the unsplit step: the edge-only row's edge time and the cloud-only row's cloud time
            out.add(String.join(",", Integer.toString(last), Integer.toString(k), "", sec(r.whole()[k]), "", ""));
        }
        return out;
    }

    private Map<String, String> provenance(DataSource source, LoadGuard guard,
            LoadGuard.Outcome<TrainingTimer.Result> outcome) {
        TrainingTimer.Result r = outcome.value();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source", "measured here with eesim-models training-profile (DJL, PyTorch engine)");
        p.put("command", o.command());
        p.put("network", o.net() + " rebuilt for 1x28x28 inputs, width multiplier " + o.width()
                + " (org.eesim.models.net.Backbones, no side branches); layers " + r.names());
        p.put("method", "every split i = 0.." + (r.names().size() - 2) + " trained as split-train runs it (K = 0,"
                + " fp32): edge_forward_time_s = the edge's forward of layers 0..i in training mode without a graph,"
                + " plus copying the feature out; edge_time_s adds the replay forward with the graph, the backward of"
                + " sum(f*g) and the edge's SGD update; cloud_time_s = copying the feature in, forward of layers"
                + " i+1..end, softmax cross-entropy, backward (with the feature's gradient, copied out) and the"
                + " cloud's update; quantise_time_s = int8 affine encoding of layer i's output (FeatureCodec.INT8,"
                + " Java); split -1 (cloud-only: the raw batch goes up) and split " + (r.names().size() - 1)
                + " (edge-only) hold one unsplit training step of the whole network. Medians over the repetitions;"
                + " all splits and the unsplit step timed round-robin, one iteration each per repetition; the same"
                + " batch of " + o.batchSize() + " Fashion-MNIST training images (the file's first) throughout;"
                + " samples.csv has every repetition");
        p.put("layers_csv", "each layer alone on the activations of that batch, round-robin: forward_s with the"
                + " autograd graph (training mode), forward_no_graph_s without, backward_s of a fixed random upstream"
                + " gradient (with the input gradient for every layer but the first, as inside the network), update_s"
                + " its SGD update; medians and quartiles; param_bytes counts every parameter including BatchNorm's"
                + " running statistics (what moves when the split moves), fp32");
        p.put("sum_check", sumCheck(r));
        p.put("timing", o.warmup() + " warm-up + " + o.repetitions() + " repetitions per split; one PyTorch thread"
                + " (" + Provenance.threads() + "), CPU affinity "
                + affinity() + "; both tiers on this one CPU: a scenario scales them by its tiers' speeds");
        p.put("drift_series", "the series the load rule checks for drift here: each split's per-repetition total"
                + " (edge + cloud), the unsplit step, and the per-repetition sum over layers.csv");
        p.put("load_rule", guard.rule().equals(NO_RULE) ? "none: --no-load-rule, a trial whose times may be disturbed"
                : guard.rule().describe());
        p.put("load_checks", outcome.describe());
        p.put("data", source.name() + " (" + source.installHint() + "), sha256 " + source.sha256());
        p.put("hardware", Provenance.cpuModel() + ", " + machineCpus() + " logical CPUs, shared with other jobs");
        p.put("engine_isa", org.eesim.models.engine.EngineEnvironment.settings());
        p.put("software", Provenance.software());
        return p;
    }

    /**
     * How far the timed splits are above the per-layer sums: per split, edge_time_s minus Σ over
     * edge layers of (forward without graph + forward + backward + update), and cloud_time_s minus
     * Σ over cloud layers of (forward + backward + update).
     */
    static String sumCheck(TrainingTimer.Result r) {
        int n = r.names().size();
        double[] edge = new double[n];
        double[] cloud = new double[n];
        for (int k = 0; k < n; k++) {
            TrainingTimer.LayerSamples l = r.layers().get(k);
            double train = median(l.forward()) + median(l.backward()) + median(l.update());
            edge[k] = median(l.forwardNoGraph()) + train;
            cloud[k] = train;
        }
        double[] de = new double[n - 1];
        double[] dc = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            TrainingTimer.SplitSamples s = r.splits().get(i);
            de[i] = medianOfSum(s.edgeForward(), s.edgeBackward()) - Arrays.stream(edge, 0, i + 1).sum();
            dc[i] = median(s.cloud()) - Arrays.stream(cloud, i + 1, n).sum();
        }
        return String.format(Locale.ROOT, "splits.csv minus the sums of layers.csv: edge %+.2f..%+.2f ms, cloud"
                + " %+.2f..%+.2f ms over the splits (the split times also hold the copies across the cut, the loss and"
                + " the per-call overhead of a whole iteration; the layers were timed alone, each hot in cache)",
                1e3 * Arrays.stream(de).min().orElse(0), 1e3 * Arrays.stream(de).max().orElse(0),
                1e3 * Arrays.stream(dc).min().orElse(0), 1e3 * Arrays.stream(dc).max().orElse(0));
    }

    private List<String> yaml(TrainingTimer.Result r, long inputBytes, Map<String, String> provenance) {
        List<String> y = new ArrayList<>();
        y.add("# Written by eesim-models training-profile; see provenance.command. Do not edit by hand.");
        y.add("format: eesim-training-profile/1");
        y.add("name: " + o.name());
        y.add("description: " + q(o.net() + " (28 px, width " + o.width() + ") split training on Fashion-MNIST, batch "
                + o.batchSize() + ", both tiers timed in DJL on this machine's CPU with one thread"));
        y.add("provenance:");
        provenance.forEach((k, v) -> y.add("  " + k + ": " + q(v)));
        y.add("batch_size: " + o.batchSize());
        y.add("element_bytes: 4");
        y.add("layers: " + r.names().size());
        y.add("input_bytes: " + inputBytes);
        String cpu = q(Provenance.cpuModel() + ", one PyTorch thread, DJL " + Engine.getDjlVersion() + " / PyTorch "
                + Engine.getInstance().getVersion());
        y.add("measured_on:");
        for (String column : List.of("edge_time_s", "cloud_time_s", "quantise_time_s", "edge_forward_time_s")) {
            y.add("  " + column + ": " + cpu);
        }
        return y;
    }

    static String q(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String sec(double v) {
        return String.format(Locale.ROOT, "%.9f", v);
    }

    private static String shape(long[] s) {
        return String.join("x", Arrays.stream(s).mapToObj(Long::toString).toList());
    }

    /** The machine's logical CPUs (/proc/cpuinfo), not those this process is pinned to. */
    static int machineCpus() {
        return org.eesim.models.timing.TimingDriver.onlineCpus();
    }

    /** The CPUs this process may run on (/proc/self/status), e.g. "1" when pinned with taskset -c 1. */
    static String affinity() {
        String cpus = Provenance.procField("/proc/self/status", "Cpus_allowed_list:", "unknown");
        if (cpus.startsWith("unknown")) {
            return cpus;
        }
        boolean one = cpus.chars().allMatch(Character::isDigit);
        return (one ? "CPU " : "CPUs ") + cpus + " of the machine's " + machineCpus();
    }
}
