package org.eesim.models.timing;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
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
import java.util.SplittableRandom;
import org.eesim.models.net.MultiExitBlock;
import org.eesim.models.net.NetLayer;
import org.eesim.models.profile.LayerTimer;
import org.eesim.models.profile.ProfileWriter;
import org.eesim.models.profile.Summary;
import org.eesim.profile.Condition;
import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.eesim.yaml.ProblemsException;

/**
 * One timing run (README, "Full-size timing profiles"): build the network with seeded untrained
 * weights, time it under the {@link LoadGuard} rule ({@link PassTimer}: split and whole passes,
 * op-dispatch probe), and write the profile folder: a new profile (exit data copied from
 * {@code --exits-from}, or a placeholder condition without exits), a re-timed one (traces and
 * everything but the times kept), or only the timing files.
 */
public final class TimingRun {

    /** The condition of a profile timed without exit data: every branch passes. */
    public static final String NO_EXITS = "no-exit-data";

    private static final List<String> TIMING_KEYS = List.of("timing", "load_average_during_timing", "hardware",
            "threads", "engine_isa", "software", "run_seconds");
    /** Provenance keys of an exit-data source that describe its times, not its exits: not carried over. */
    private static final List<String> NOT_EXIT_KEYS = List.of("times", "measurement", "quantisation", "hardware",
            "dropout", "timing", "threads", "software", "engine_isa", "load_average_during_timing", "run_seconds",
            "command", "load_rule", "load_checks", "whole_pass", "dispatch", "cpu_affinity", "weights", "input",
            "network", "layers");

    private final TimingOptions o;
    private final LoadGuard.Rule rule;
    private final double maxDisagreement;
    private final PrintStream log;
    private final long started = System.nanoTime();

    /** Under the standard load rule. */
    public TimingRun(TimingOptions options, PrintStream log) {
        this(options, LoadGuard.Rule.standard(), PassTimer.MAX_DISAGREEMENT, log);
    }

    /**
     * Under {@code rule}, split and whole passes at most {@code maxDisagreement} apart (tests
     * relax both; the command line always uses the standard ones).
     */
    public TimingRun(TimingOptions options, LoadGuard.Rule rule, double maxDisagreement, PrintStream log) {
        this.o = options;
        this.rule = rule;
        this.maxDisagreement = maxDisagreement;
        this.log = log;
    }

    /** Runs and returns the folder written. */
    public Path run() throws Exception {
        String engineWarning = org.eesim.models.engine.EngineEnvironment.warning();
        if (engineWarning != null) {
            log.println(engineWarning);
        }
        Retime retime = o.retime() == null ? null : Retime.read(o.retime());
        NetSpec spec = retime != null ? retime.spec() : NetSpec.of(o);
        String name = retime != null ? retime.name() : o.name();
        Path dir = retime != null ? o.retime() : o.outputRoot().resolve(name);
        Profile exits = o.exitsFrom() == null ? null : exitSource(spec);
        step("timing " + name + ": " + spec.layers().size() + " layers, " + spec.after().size() + " branches, "
                + o.warmup() + " warm-up + " + o.repetitions() + " repetitions");
        Engine.getInstance().setRandomSeed((int) o.seed());
        MultiExitBlock block = new MultiExitBlock(spec.layers(), spec.after(), spec.branch());
        long[] in = spec.input();
        LoadGuard guard = new LoadGuard(rule, log);
        LoadGuard.Outcome<PassTimer.Result> outcome;
        try (Model model = Model.newInstance(name)) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, in[0], in[1], in[2]));
            float[] image = input(in, o.seed());
            outcome = guard.measure(() -> PassTimer.time(block, model.getNDManager(), image, in, o.warmup(),
                    o.warmupSeconds(), o.repetitions(), log), PassTimer.Result::driftSeries, r -> {
                        String a = r.disagreement(maxDisagreement);
                        String b = r.slowMachine(o.maxReferenceMs() / 1e3, maxDisagreement);
                        return a == null ? b : b == null ? a : a + ", " + b;
                    });
        }
        PassTimer.Result r = outcome.value();
        List<ProfileWriter.LayerEntry> layers = new ArrayList<>();
        for (int k = 0; k < spec.layers().size(); k++) {
            NetLayer l = spec.layers().get(k);
            if (!Arrays.equals(l.outputShape(), r.outputShapes()[k])) {
                throw new IllegalStateException("layer " + l.name() + ": measured shape "
                        + Arrays.toString(r.outputShapes()[k]) + " differs from the built one "
                        + Arrays.toString(l.outputShape()));
            }
            layers.add(new ProfileWriter.LayerEntry(l.name(), r.layerSeconds()[k], l.outputShape(), l.flops()));
        }
        List<ProfileWriter.BranchEntry> branches = new ArrayList<>();
        for (int i = 0; i < spec.after().size(); i++) {
            branches.add(new ProfileWriter.BranchEntry("b" + (i + 1), spec.layers().get(spec.after().get(i)).name(),
                    r.branchSeconds()[i]));
        }
        Map<String, String> prov = retime != null ? retimedProvenance(retime, spec, guard, outcome)
                : provenance(spec, guard, outcome, exits);
        write(dir, name, spec, retime, layers, branches, r, prov);
        step("wrote " + dir);
        return dir;
    }

    private Profile exitSource(NetSpec spec) throws IOException, ProblemsException {
        Profile p = ProfileReader.read(o.exitsFrom());
        String where = "--exits-from " + o.exitsFrom() + ": ";
        if (p.layers().size() != spec.layers().size()) {
            throw new IllegalArgumentException(where + p.layers().size() + " layers, this network has "
                    + spec.layers().size());
        }
        for (int k = 0; k < spec.layers().size(); k++) {
            if (!p.layers().get(k).name().equals(spec.layers().get(k).name())) {
                throw new IllegalArgumentException(where + "layer " + (k + 1) + " is " + p.layers().get(k).name()
                        + ", this network's is " + spec.layers().get(k).name());
            }
        }
        if (p.branches().size() != spec.after().size()) {
            throw new IllegalArgumentException(where + p.branches().size() + " branches, this network has "
                    + spec.after().size());
        }
        for (int i = 0; i < spec.after().size(); i++) {
            var b = p.branches().get(i);
            if (!b.name().equals("b" + (i + 1)) || b.afterLayer() != spec.after().get(i) + 1) {
                throw new IllegalArgumentException(where + "branch " + b.name() + " follows layer " + b.afterLayer()
                        + ", this network's b" + (i + 1) + " follows layer " + (spec.after().get(i) + 1));
            }
        }
        for (Condition c : p.conditions().values()) {
            if (!(c instanceof Condition.Rates)) {
                throw new IllegalArgumentException(where + "condition " + c.name() + " is a trace; only rate tables"
                        + " are copied (a profile with traces is re-timed with --retime)");
            }
        }
        return p;
    }

    private Map<String, String> provenance(NetSpec spec, LoadGuard guard, LoadGuard.Outcome<PassTimer.Result> out,
            Profile exits) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source", "measured here with eesim-models time (DJL, PyTorch engine, CPU): timing only, seeded"
                + " untrained weights");
        p.put("command", o.command());
        p.put("network", spec.description());
        p.put("weights", weightsWords());
        p.put("input", "a seeded uniform [0, 1) float32 tensor of shape 1x" + NetSpec.shape(spec.input())
                + " (seed " + o.seed() + ")");
        p.put("branch_placement", spec.placement());
        putTiming(p, guard, out);
        if (o.timingOnly()) {
            p.put("exit_data", "none in these files: a --timing-only run writes times for a profile that has its own"
                    + " exit data");
        } else if (exits == null) {
            p.put("exit_data", "none: condition '" + NO_EXITS + "' is a placeholder in which no branch ever exits"
                    + " (exit probability 0, accuracy unknown); the weights are untrained, so their confidences"
                    + " mean nothing. Use this profile for times, sizes and partitions; give it exit data by"
                    + " importing a CSV (eesim import-profile) or by timing with --exits-from");
        } else {
            p.put("exit_data", "copied unchanged from " + rel(o.exitsFrom()) + "/profile.yaml (sha256 "
                    + exits.sha256() + "): its conditions section, whose branches have the same names and positions"
                    + " as these; the keys exits_* below are that profile's provenance of them");
            exits.provenance().entrySet().stream().filter(e -> !NOT_EXIT_KEYS.contains(e.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> p.put("exits_" + e.getKey(), e.getValue()));
        }
        p.put("run_seconds", String.format(Locale.ROOT, "%.0f", (System.nanoTime() - started) / 1e9));
        return p;
    }

    private Map<String, String> retimedProvenance(Retime retime, NetSpec spec, LoadGuard guard,
            LoadGuard.Outcome<PassTimer.Result> out) {
        Map<String, String> p = new LinkedHashMap<>(retime.provenance());
        TIMING_KEYS.forEach(p::remove);
        p.put("retimed", "the times were re-measured by 'eesim-models " + o.command() + "' in a fresh JVM with seeded"
                + " untrained weights (the trained ones are not committed; " + weightsWords() + "). The traces,"
                + " temperatures and every key above are those of the original run (command); the network was"
                + " rebuilt from that command and checked layer by layer against this profile (names, output"
                + " shapes, FLOPs, branch positions); " + spec.placement());
        putTiming(p, guard, out);
        p.put("timing_run_seconds", String.format(Locale.ROOT, "%.0f", (System.nanoTime() - started) / 1e9));
        return p;
    }

    private String weightsWords() {
        return "untrained: DJL's default initialisers seeded with " + o.seed() + " (Engine.setRandomSeed); a dense"
                + " float32 forward pass at batch 1 does the same arithmetic whatever the weights' values, so"
                + " untrained weights serve for timing (their outputs, and the branches' confidences, mean nothing)";
    }

    private void putTiming(Map<String, String> p, LoadGuard guard, LoadGuard.Outcome<PassTimer.Result> out) {
        PassTimer.Result r = out.value();
        p.put("timing", "batch 1, inference mode, a fresh JVM per profile pinned to one CPU (cpu_affinity), one"
                + " PyTorch thread; an untimed warm-up of at least " + o.warmup() + " repetitions and "
                + java.math.BigDecimal.valueOf(o.warmupSeconds()).stripTrailingZeros().toPlainString() + " s (" + r.warmupRepetitions() + " repetitions in "
                + String.format(Locale.ROOT, "%.1f", r.warmupSeconds()) + " s), then " + o.repetitions()
                + " repetitions, each a split"
                + " pass (every layer's and branch's forward timed alone with System.nanoTime, branches on the"
                + " output of the layer they follow) then a whole pass (one forward of the network with every"
                + " branch, timed once); samples are the split pass's raw repetitions; samples.csv has every"
                + " repetition of every layer, branch and pass, timing.csv their medians and quartiles");
        p.put("load_rule", guard.rule().describe() + String.format(Locale.ROOT, "; and the split pass's median"
                + " must lie within %d%% of the whole pass's (both run the same operations in the same repetitions;"
                + " a wider gap means the machine changed speed under one of them); and the reference convolution"
                + " (key reference) must take as long after the repetitions as before, within %d%%",
                Math.round(maxDisagreement * 100), Math.round(maxDisagreement * 100))
                + (o.maxReferenceMs() > 0 ? ", and at most " + java.math.BigDecimal.valueOf(o.maxReferenceMs())
                        .stripTrailingZeros().toPlainString() + " ms (this machine's usual speed with a margin:"
                        + " --max-reference-ms)" : ""));
        p.put("load_checks", out.describe());
        double whole = LayerTimer.median(r.wholeSeconds());
        double split = LayerTimer.median(r.splitSeconds());
        int ops = Arrays.stream(r.layerOps()).sum() + Arrays.stream(r.branchOps()).sum();
        double fixed = Arrays.stream(r.layerFixedSeconds()).sum() + Arrays.stream(r.branchFixedSeconds()).sum();
        p.put("whole_pass", String.format(Locale.ROOT, "whole pass (all layers and branches in one forward) median"
                + " %.4f ms (IQR %.4f-%.4f); split pass (the same, each layer and branch timed alone, summed per"
                + " repetition) median %.4f ms; splitting adds %+.4f ms (%+.1f%%) of clock reads and hand-overs"
                + " between layers", whole * 1e3, LayerTimer.quantile(r.wholeSeconds(), 0.25) * 1e3,
                LayerTimer.quantile(r.wholeSeconds(), 0.75) * 1e3, split * 1e3, (split - whole) * 1e3,
                100 * (split - whole) / whole));
        StringBuilder kinds = new StringBuilder();
        r.probe().forEach((k, v) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", LayerTimer.median(v) * 1e6)));
        p.put("dispatch", String.format(Locale.ROOT, "fixed cost of one operation by kind (each on a one-element"
                + " tensor, %d calls, median us): %s. The network dispatches %d operations (%d in layers, %d in"
                + " branches; timing.csv columns ops and fixed_s), so about %.4f ms (%.1f%% of the whole pass) is"
                + " fixed per-operation cost, which a tier's speed factor scales as if it were arithmetic (see"
                + " docs/scenario-reference.md, tiers)", DispatchProbe.REPETITIONS, kinds, ops,
                Arrays.stream(r.layerOps()).sum(), Arrays.stream(r.branchOps()).sum(), fixed * 1e3,
                100 * fixed / whole));
        p.put("reference", String.format(Locale.ROOT, "the machine's speed while timing: a fixed 64->64 3x3"
                + " convolution on 1x64x56x56 (231 MFLOPs), %d calls, median %.3f ms before the repetitions and %.3f ms"
                + " after (timing.csv rows reference); on this shared VM it moves by tens of percent between runs,"
                + " and times of two runs compare only as far as these agree", DispatchProbe.REFERENCE_REPETITIONS,
                LayerTimer.median(r.referenceBefore()) * 1e3, LayerTimer.median(r.referenceAfter()) * 1e3));
        p.put("cpu_affinity", "CPUs allowed " + cpusAllowed() + (System.getenv(TimingDriver.PINNED) != null
                ? " (" + System.getenv(TimingDriver.PINNED) + ")" : ""));
        p.put("hardware", org.eesim.models.profile.Provenance.cpuModel() + ", "
                + TimingDriver.onlineCpus() + " logical CPUs (this JVM on " + cpusAllowed() + "), shared with other"
                + " jobs");
        p.put("threads", org.eesim.models.profile.Provenance.threads());
        p.put("engine_isa", org.eesim.models.engine.EngineEnvironment.settings());
        p.put("software", org.eesim.models.profile.Provenance.software());
    }

    private void write(Path dir, String name, NetSpec spec, Retime retime, List<ProfileWriter.LayerEntry> layers,
            List<ProfileWriter.BranchEntry> branches, PassTimer.Result r, Map<String, String> prov)
            throws IOException, ProblemsException {
        String timing = TimingFiles.timingCsv(layers, branches, r);
        String samples = TimingFiles.samplesCsv(layers, branches, r);
        if (o.timingOnly()) {
            Files.createDirectories(dir);
            ProfileWriter.writeAtomically(dir.resolve("timing.csv"), timing);
            ProfileWriter.writeAtomically(dir.resolve("samples.csv"), samples);
            ProfileWriter.writeAtomically(dir.resolve("timing-provenance.json"), TimingFiles.json(prov));
            return;
        }
        Path staging = ProfileWriter.staging(dir);
        String description;
        String conditions;
        String summary;
        String table = Summary.layerTable(layers, branches, "[" + spec.classes() + "]") + passLine(r);
        if (retime != null) {
            description = retime.description();
            conditions = retime.conditions();
            copyTree(retime.dir().resolve("traces"), staging.resolve("traces"));
            String old = Files.readString(retime.dir().resolve("summary.md"));
            int at = old.indexOf("| layer |");
            summary = (at < 0 ? old + "\n" : old.substring(0, at)) + table;
        } else {
            String exits = o.exitsFrom() == null ? "no exit data (condition " + NO_EXITS + ")"
                    : "exit data copied from " + rel(o.exitsFrom());
            description = spec.description() + "; timed here (DJL, PyTorch CPU, seeded untrained weights); " + exits
                    + ".";
            conditions = o.exitsFrom() == null ? placeholder(branches)
                    : conditionsOf(Files.readString(o.exitsFrom().resolve("profile.yaml")));
            summary = "### " + name + "\n\n" + description + "\n\n" + table;
        }
        ProfileWriter.writeAtomically(staging.resolve("profile.yaml"), ProfileWriter.yaml(name, description, prov,
                spec.input(), layers, branches, conditions));
        ProfileWriter.writeAtomically(staging.resolve("timing.csv"), timing);
        ProfileWriter.writeAtomically(staging.resolve("samples.csv"), samples);
        ProfileWriter.writeAtomically(staging.resolve("summary.md"), summary);
        ProfileReader.read(staging);
        ProfileWriter.publish(staging, dir);
    }

    static String passLine(PassTimer.Result r) {
        double fixed = Arrays.stream(r.layerFixedSeconds()).sum() + Arrays.stream(r.branchFixedSeconds()).sum();
        return String.format(Locale.ROOT, "Whole pass (one forward, every branch): median %.3f ms; split pass (the"
                + " sum per repetition of the rows above): median %.3f ms; fixed dispatch cost of its operations:"
                + " %.3f ms.%n", LayerTimer.median(r.wholeSeconds()) * 1e3, LayerTimer.median(r.splitSeconds()) * 1e3,
                fixed * 1e3);
    }

    static String placeholder(List<ProfileWriter.BranchEntry> branches) {
        StringBuilder p = new StringBuilder();
        StringBuilder a = new StringBuilder();
        for (ProfileWriter.BranchEntry b : branches) {
            p.append(p.length() == 0 ? "" : ", ").append(b.name()).append(": 0.0");
            a.append(b.name()).append(": .nan, ");
        }
        return "conditions:\n  " + ProfileWriter.q(NO_EXITS) + ":\n    parameters: {type: \"none\", branch_set:"
                + " \"standard\", exit_data: \"none (untrained weights): no branch ever exits\"}\n"
                + "    rule: max_softmax\n    rates:\n      - threshold: 0.8\n        exit_probability: {" + p
                + "}\n        accuracy: {" + a + "final: .nan}\n";
    }

    /** The {@code conditions:} section of a profile.yaml: from its line to the end (it is the last key). */
    static String conditionsOf(String profileYaml) {
        int at = profileYaml.startsWith("conditions:") ? 0 : profileYaml.indexOf("\nconditions:") + 1;
        if (at <= 0 && !profileYaml.startsWith("conditions:")) {
            throw new IllegalArgumentException("no conditions section in the --exits-from profile");
        }
        String section = profileYaml.substring(at);
        for (String line : section.split("\n")) {
            if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#") && !line.startsWith("conditions:")) {
                throw new IllegalArgumentException("the --exits-from profile has a key after its conditions ('" + line
                        + "'); conditions must be its last section to be copied");
            }
        }
        return section;
    }

    static float[] input(long[] shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[Math.toIntExact(shape[0] * shape[1] * shape[2])];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        return x;
    }

    static String cpusAllowed() {
        return org.eesim.models.profile.Provenance.procField("/proc/self/status", "Cpus_allowed_list:", "unknown");
    }

    static String rel(Path p) {
        return TimingOptions.rel(p);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var paths = Files.walk(from)) {
            for (Path src : paths.toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst);
                }
            }
        }
    }

    private void step(String what) {
        log.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
    }
}
