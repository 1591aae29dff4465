package org.eesim.models.profile;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eesim.models.data.DataSource;
import org.eesim.models.data.ImageSet;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.MultiExitBlock;
import org.eesim.models.net.NetLayer;
import org.eesim.models.net.Placement;
import org.eesim.models.train.ExitTrainer;
import org.eesim.models.train.TemperatureScaling;
import org.eesim.models.train.WeightedExitLoss;
import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.eesim.yaml.ProblemsException;

/** One profiling run: data, network, training (or loaded weights), calibration, traces, timing, files. */
public final class ProfileRun {

    private static final int EVAL_BATCH = 256;
    private final RunOptions o;
    private final PrintStream log;
    private final long started = System.nanoTime();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final List<ProfileWriter.ConditionEntry> written = new ArrayList<>();

    public ProfileRun(RunOptions options, PrintStream log) {
        this.o = options;
        this.log = log;
    }

    public Profile run() throws IOException, ProblemsException {
        String engineWarning = org.eesim.models.engine.EngineEnvironment.warning();
        if (engineWarning != null) {
            log.println(engineWarning);
        }
        DataSource source = DataSource.named(o.dataSet(), o.dataDir());
        step("reading " + source.name() + " from " + source.dir());
        Splits data = Splits.of(source, o);
        long[] input = {1, data.test().rows(), data.test().cols()};
        List<NetLayer> layers = Backbones.build(o.net(), o.width(), input);
        List<Integer> after = placement(layers);
        Engine.getInstance().setRandomSeed((int) o.seed());
        MultiExitBlock block = new MultiExitBlock(layers, after);
        Path staging;
        try (Model model = Model.newInstance(o.name())) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, input[0], input[1], input[2]));
            trainOrLoad(model, block, data);
            List<ProfileWriter.ConditionEntry> conditions = new ArrayList<>();
            List<Conditions.Named> tests = Conditions.testConditions(data.test(), o.seed());
            double[] temps = calibrate(model, data.validation(), "the validation split (standard branches)");
            notes.put("temperatures_standard", fmt(temps));
            evaluate(model, tests, temps, "standard", conditions);
            for (String kind : o.experts()) {
                expert(model, block, data, kind, tests, conditions);
            }
            if (o.distortionClassifier()) {
                step("training and timing the distortion classifier");
                DistortionClassifier.run(data.train(), data.test(), o, notes, log);
            }
            step("timing " + o.repetitions() + " repetitions at batch 1 after " + o.warmup() + " warm-up");
            double loadBefore = loadAverage();
            LayerTimer.Timings t = LayerTimer.time(block, model.getNDManager(), data.test().images()[0],
                    data.test().rows(), data.test().cols(), o.warmup(), o.repetitions(), log);
            notes.put("load_average_during_timing", String.format(java.util.Locale.ROOT,
                    "1-min load average %.2f before, %.2f after (2 = both cores busy)", loadBefore, loadAverage()));
            staging = ProfileWriter.staging(o.profileDir());
            write(staging, block, t, input, source, data, conditions);
            written.addAll(conditions);
        }
        step("checking the profile with sim-core's ProfileReader");
        ProfileReader.read(staging);
        ProfileWriter.publish(staging, o.profileDir());
        Profile p = ProfileReader.read(o.profileDir());
        step("wrote " + o.profileDir() + " (" + p.layers().size() + " layers, " + p.branches().size()
                + " branches, " + p.conditions().size() + " conditions)");
        return p;
    }

    /** The conditions written by {@link #run()}, with their in-memory statistics (for checks). */
    public List<ProfileWriter.ConditionEntry> conditions() {
        return List.copyOf(written);
    }

    private List<Integer> placement(List<NetLayer> layers) {
        long[] flops = layers.stream().mapToLong(NetLayer::flops).toArray();
        long total = java.util.Arrays.stream(flops).sum();
        List<Integer> after = o.distribution().equals("explicit")
                ? Placement.explicit(o.positions(), layers.size())
                : Placement.place(flops, Placement.targets(o.distribution(), total, o.branches()));
        notes.put("branch_placement", o.distribution() + (o.distribution().equals("explicit") ? " " + o.positions()
                : " targets over cumulative FLOPs (total " + total + "), " + o.branches() + " branches")
                + "; after layers " + after.stream().map(k -> layers.get(k).name()).toList());
        return after;
    }

    private void trainOrLoad(Model model, MultiExitBlock block, Splits data) throws IOException {
        Path weights = o.weightsDir().resolve("standard.params");
        if (o.load() && Files.isRegularFile(weights)) {
            step("loading weights " + weights);
            load(block, model, weights);
            return;
        }
        step("training " + o.net() + " on " + data.train().size() + " images, " + o.epochs() + " epoch(s)");
        ExitTrainer.train(model, data.train(), WeightedExitLoss.linearWeights(block.exitCount()),
                new ExitTrainer.Settings(o.epochs(), o.batchSize(), o.learningRate(), o.seed()), o.name(), log);
        save(block, weights);
    }

    private void expert(Model model, MultiExitBlock block, Splits data, String kind, List<Conditions.Named> tests,
            List<ProfileWriter.ConditionEntry> conditions) throws IOException {
        String set = "expert-" + kind;
        byte[] standard = branchBytes(block);
        Path weights = o.weightsDir().resolve(set + ".params");
        if (o.load() && Files.isRegularFile(weights)) {
            step("loading " + set + " branches " + weights);
            loadBranches(block, model, Files.readAllBytes(weights));
        } else {
            ImageSet train = Conditions.mixed(data.train(), kind, o.seed() * 7919 + kind.hashCode());
            step("fine-tuning " + set + " branches (backbone frozen) on " + train.size() + " " + kind
                    + " images at random levels, " + o.expertEpochs() + " epoch(s)");
            float[] w = WeightedExitLoss.linearWeights(block.exitCount());
            w[w.length - 1] = 0;
            block.freezeBackbone(true);
            try {
                ExitTrainer.train(model, train, w, new ExitTrainer.Settings(o.expertEpochs(), o.batchSize(),
                        o.learningRate(), o.seed() + 1), set, log);
            } finally {
                block.freezeBackbone(false);
            }
            Files.write(weights, branchBytes(block));
        }
        ImageSet validation = Conditions.mixed(data.validation(), kind, o.seed() * 104729 + kind.hashCode());
        double[] temps = calibrate(model, validation, "the " + kind + "-distorted validation split (" + set + ")");
        notes.put("temperatures_" + set, fmt(temps));
        evaluate(model, tests, temps, set, conditions);
        loadBranches(block, model, standard);
    }

    private double[] calibrate(Model model, ImageSet validation, String what) {
        float[][][] logits = ExitTrainer.logits(model, validation, EVAL_BATCH, what);
        double[] t = new double[logits.length];
        for (int e = 0; e < t.length; e++) {
            t[e] = TemperatureScaling.fit(logits[e], validation.labels(), o.name(), e, t.length, what);
        }
        return t;
    }

    private void evaluate(Model model, List<Conditions.Named> tests, double[] temps, String set,
            List<ProfileWriter.ConditionEntry> out) {
        for (Conditions.Named c : tests) {
            step("tracing " + c.name() + " with " + set + " branches");
            String what = "condition " + c.name() + " (" + set + " branches)";
            ExitStats stats = ExitStats.of(ExitTrainer.logits(model, c.images(), EVAL_BATCH, what), temps,
                    c.images().labels(), o.name(), what);
            Map<String, String> p = new LinkedHashMap<>(c.parameters());
            p.put("branch_set", set);
            p.put("test_samples", Integer.toString(c.images().size()));
            out.add(new ProfileWriter.ConditionEntry(set.equals("standard") ? c.name() : c.name() + "@" + set, p, stats));
        }
    }

    private void write(Path dir, MultiExitBlock block, LayerTimer.Timings t, long[] input, DataSource source,
            Splits data, List<ProfileWriter.ConditionEntry> conditions) throws IOException {
        List<ProfileWriter.LayerEntry> layers = new ArrayList<>();
        for (int k = 0; k < block.layers().size(); k++) {
            NetLayer l = block.layers().get(k);
            if (!java.util.Arrays.equals(l.outputShape(), t.outputShapes()[k])) {
                throw new IllegalStateException("layer " + l.name() + ": measured shape "
                        + java.util.Arrays.toString(t.outputShapes()[k]) + " differs from the built one "
                        + java.util.Arrays.toString(l.outputShape()));
            }
            layers.add(new ProfileWriter.LayerEntry(l.name(), t.layerSeconds()[k], t.outputShapes()[k], l.flops()));
        }
        List<ProfileWriter.BranchEntry> branches = new ArrayList<>();
        for (int i = 0; i < block.branchAfter().size(); i++) {
            branches.add(new ProfileWriter.BranchEntry("b" + (i + 1),
                    block.layers().get(block.branchAfter().get(i)).name(), t.branchSeconds()[i]));
        }
        Map<String, String> prov = Provenance.of(o, source, data, notes, (System.nanoTime() - started) / 1e9);
        String description = Provenance.description(o, block);
        ProfileWriter.write(dir, o.name(), description, prov, input, layers, branches, conditions);
        Files.writeString(dir.resolve("summary.md"), Summary.markdown(o.name(), layers, branches,
                conditions, 0.8));
    }

    private static byte[] branchBytes(MultiExitBlock block) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Block b : block.branches()) {
                b.saveParameters(out);
            }
        }
        return bytes.toByteArray();
    }

    private static void loadBranches(MultiExitBlock block, Model model, byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data))) {
            for (Block b : block.branches()) {
                b.loadParameters(model.getNDManager(), in);
                // loaded arrays come without autograd; a later fine-tuning needs it back on
                b.freezeParameters(false, MultiExitBlock::trainable);
            }
        } catch (MalformedModelException e) {
            throw new IOException("branch weights do not fit this network: " + e.getMessage(), e);
        }
    }

    private static void save(MultiExitBlock block, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            block.saveParameters(out);
        }
    }

    private static void load(MultiExitBlock block, Model model, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            block.loadParameters(model.getNDManager(), in);
            block.freezeParameters(false, MultiExitBlock::trainable);
        } catch (MalformedModelException e) {
            throw new IOException(file + " does not fit this network: " + e.getMessage(), e);
        }
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String fmt(double[] values) {
        return java.util.Arrays.stream(values).mapToObj(v -> String.format(java.util.Locale.ROOT, "%.4f", v))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private void step(String what) {
        log.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
    }
}
