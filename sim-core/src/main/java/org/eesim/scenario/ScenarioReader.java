package org.eesim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.eesim.units.Units;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.ProblemsException;
import org.eesim.yaml.TextFiles;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;
import org.eesim.yaml.YamlTree;

/**
 * Reads a scenario file (docs/scenario-reference.md describes every key) and the profile it
 * names into a {@link Scenario}. Every problem in either is collected and reported in one
 * {@link ProblemsException}, each with its file, line, column and key path; no record is built
 * from a file that has any problem, so the records' own checks are only a last line of defence.
 */
public final class ScenarioReader {

    private static final int MAX_NAME = 100;
    /** POSIX's portable file-name characters, starting with a letter or digit. */
    private static final java.util.regex.Pattern FOLDER_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_NAME - 1) + "}");
    static final List<String> KEYS = List.of("name", "profile", "tiers", "links", "placement", "workload",
            "early_exit", "service_time", "run", "output", "policy", "energy", "answer", "sweep");
    static final List<String> SERVICE_TIMES = List.of("empirical", "mean", "exponential", "lognormal");
    static final List<String> ASSIGNMENTS = java.util.Arrays.stream(EdgeAssignment.values())
            .map(EdgeAssignment::key).toList();

    private final Path file;
    private final Problems problems = new Problems();
    private final YamlNode given;
    private final ProfileCache profiles;
    /** {@code tiers.edge.assignment}, read with the edge tier. */
    private EdgeAssignment edgeAssignment = EdgeAssignment.STATIC;

    private ScenarioReader(Path file) {
        this(file, null, null);
    }

    private ScenarioReader(Path file, YamlNode given, ProfileCache profiles) {
        this.file = file;
        this.given = given;
        this.profiles = profiles;
    }

    /** The scenario in {@code file}; throws with every problem found when there is any. */
    public static Scenario read(Path file) throws ProblemsException {
        ScenarioReader reader = new ScenarioReader(file);
        Scenario scenario = reader.read();
        reader.problems.throwIfAny();
        return scenario;
    }

    /**
     * The scenario in an already parsed (and possibly edited) tree of {@code file}: a sweep reads
     * each point this way, so that every check of a plain scenario applies to every point. The
     * {@code sweep} section itself is not read here ({@link org.eesim.sweep}).
     */
    public static Scenario read(Path file, YamlNode root, ProfileCache profiles) throws ProblemsException {
        ScenarioReader reader = new ScenarioReader(file, root, profiles);
        Scenario scenario = reader.read();
        reader.problems.throwIfAny();
        return scenario;
    }

    /**
     * Profiles read once and shared by the points of a sweep (a profile with per-sample traces
     * takes far longer to read than a scenario). Remembers failures too, so each is reported
     * once per point without reading the folder again.
     */
    public static final class ProfileCache {
        private final java.util.Map<Path, Object> byDir = new java.util.HashMap<>();
        private final java.util.Map<Path, Object> trainingByDir = new java.util.HashMap<>();

        synchronized org.eesim.training.TrainingProfile training(Path dir) throws ProblemsException {
            Object o = trainingByDir.get(dir);
            if (o == null) {
                try {
                    o = org.eesim.training.TrainingProfileReader.read(dir);
                } catch (ProblemsException e) {
                    o = e;
                }
                trainingByDir.put(dir, o);
            }
            if (o instanceof ProblemsException e) {
                throw e;
            }
            return (org.eesim.training.TrainingProfile) o;
        }

        synchronized Profile get(Path dir) throws ProblemsException {
            Object o = byDir.get(dir);
            if (o == null) {
                try {
                    o = ProfileReader.read(dir);
                } catch (ProblemsException e) {
                    o = e;
                }
                byDir.put(dir, o);
            }
            if (o instanceof ProblemsException e) {
                throw e;
            }
            return (Profile) o;
        }
    }

    /**
     * The profile folder that the scenario in {@code file} names, resolved against the file's
     * folder, or {@code null} when the file cannot be read or has no usable {@code profile} key.
     */
    public static Path profileDir(Path file) {
        return profileDir(file, YamlTree.parse(file, new Problems()));
    }

    /** The same for a scenario tree read from {@code file} (a sweep point's, whose profile may be swept). */
    public static Path profileDir(Path file, YamlNode root) {
        if (!(root instanceof YamlNode.Mapping m) || m.entries().get("profile") == null) {
            return null;
        }
        String ref = Values.string(m.entries().get("profile"), new Problems());
        return ref == null ? null : TextFiles.resolve(file.toAbsolutePath().getParent(), ref, m, new Problems());
    }

    private Scenario read() {
        YamlNode root = given != null ? given : YamlTree.parse(file, problems);
        if (root == null) {
            return null;
        }
        if (root instanceof YamlNode.Mapping m && m.entries().containsKey("training")) {
            return readTraining(root);
        }
        Fields f = Fields.of(root, problems, KEYS.toArray(String[]::new));
        if (f.mapping() == null) {
            return null;
        }
        String name = f.has("name") ? folderName(f.node("name")) : defaultName();
        Profile profile = profile(f);
        Tiers tiers = tiers(f.required("tiers"));
        // Presence, not validity: a tier given with a bad value still exists for the placement checks.
        boolean edge = f.node("tiers") instanceof YamlNode.Mapping m && m.entries().containsKey("edge");
        boolean cloud = f.node("tiers") instanceof YamlNode.Mapping m && m.entries().containsKey("cloud");
        Links links = links(f.node("links"), edge, cloud);
        Placement placement = f.has("placement") ? placement(f.node("placement")) : null;
        if (placement != null && profile != null) {
            new PlacementCheck(problems, f, profile.layers().size(), edge, cloud).check(placement, links);
        }
        WorkloadReader workload = new WorkloadReader(problems, profile);
        Workload w = workload.read(f.required("workload"));
        ExitRule rule = new ExitRuleReader(problems, profile).read(f.required("early_exit"),
                ExpertReader.reachable(profile, workload.mixNames(), expertPeek(f.node("policy"), profile, w)));
        String serviceTime = f.choice("service_time", SERVICE_TIMES, "service time model", "empirical");
        if (serviceTime != null && profile != null) {
            ServiceTimeCheck.check(problems, f, profile,
                    ServiceTimeModel.valueOf(serviceTime.toUpperCase(Locale.ROOT)));
        }
        RunControl run = RunReader.read(f.required("run"), problems);
        Energy energy = new EnergyReader(problems).read(f.node("energy"), edge, cloud);
        Answer answer = answer(f.node("answer"));
        PolicyConfig policy = new PolicyReader(problems).read(f, edge, cloud, links, profile, w == null ? null : w.mix());
        Output output = output(f.node("output"));
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new Scenario(name, file, profile, tiers, links, placement, w, rule,
                    ServiceTimeModel.valueOf(serviceTime.toUpperCase(Locale.ROOT)), run, output, policy, energy, answer);
        } catch (IllegalArgumentException | NullPointerException e) {
            // Unreachable if the checks above are complete; if not, still a located message.
            problems.add(root, "invalid scenario: " + e.getMessage());
            return null;
        }
    }

    /** A training scenario (docs/scenario-reference.md#training): its own keys, profile, links and run section. */
    private Scenario readTraining(YamlNode root) {
        Fields f = Fields.of(root, problems, TrainingReader.KEYS.toArray(String[]::new));
        String name = f.has("name") ? folderName(f.node("name")) : defaultName();
        org.eesim.training.TrainingProfile profile = trainingProfile(f);
        Training training = new TrainingReader(problems, file).read(f.required("training"), profile,
                f.required("links"));
        RunControl run = TrainingReader.run(f.required("run"), problems, training == null ? 0 : training.iterations());
        Output output = output(f.node("output"));
        Energy energy = new EnergyReader(problems).readTraining(f.node("energy"));
        if (!problems.isEmpty() || training == null || run == null || output == null) {
            return null;
        }
        try {
            return new Scenario(name, file, training, run, output, energy);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(root, "invalid scenario: " + e.getMessage()); // unreachable if the checks are complete
            return null;
        }
    }

    private org.eesim.training.TrainingProfile trainingProfile(Fields f) {
        String ref = f.string("profile");
        if (ref == null) {
            return null;
        }
        Path dir = TextFiles.resolve(file.toAbsolutePath().getParent(), ref, f.node("profile"), problems);
        if (dir == null || !TrainingReader.isTrainingProfile(dir, f.node("profile"), problems)) {
            return null;
        }
        try {
            return profiles != null ? profiles.training(dir) : org.eesim.training.TrainingProfileReader.read(dir);
        } catch (ProblemsException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /**
     * The expert classifier as the policy reader will see it, read early (its problems dropped:
     * the policy reader reports them) so that the exit rule is checked against the variants it reaches.
     */
    private static PolicyConfig.Expert expertPeek(YamlNode policy, Profile profile, Workload w) {
        if (!(policy instanceof YamlNode.Mapping m) || !m.entries().containsKey("expert") || w == null) {
            return null;
        }
        return new ExpertReader(new Problems()).read(m.entries().get("expert"), profile, w.mix());
    }

    /** The file's name without .yaml, made a {@link #FOLDER_NAME} (a scenario may be called "my run.yaml"). */
    private String defaultName() {
        String n = file.getFileName().toString().replaceFirst("\\.(yaml|yml)$", "").replaceAll("[^A-Za-z0-9._-]", "_")
                .replaceFirst("^[._-]+", "");
        n = n.substring(0, Math.min(n.length(), MAX_NAME));
        return n.isEmpty() ? "scenario" : n;
    }

    /**
     * The value at {@code node} when it can name a folder inside {@code output.dir} on any
     * system: no separators, no {@code .} or {@code ..}, nothing a cluster's file system or a
     * {@code LC_ALL=C} shell would mangle; otherwise null, reported.
     */
    private String folderName(YamlNode node) {
        String name = Values.string(node, problems);
        if (name != null && !FOLDER_NAME.matcher(name).matches()) {
            String shown = name.length() > 60 ? name.substring(0, 40) + "... (" + name.length() + " characters)" : name;
            problems.add(node, "names a results folder: use 1 to " + MAX_NAME + " of A-Z a-z 0-9 . _ -,"
                    + " starting with a letter or digit (no paths), got '" + shown + "'");
            return null;
        }
        return name;
    }

    private Profile profile(Fields f) {
        String ref = f.string("profile");
        if (ref == null) {
            return null;
        }
        Path dir = TextFiles.resolve(file.toAbsolutePath().getParent(), ref, f.node("profile"), problems);
        if (dir == null) {
            return null;
        }
        if (!Files.isDirectory(dir)) {
            problems.add(f.node("profile"), "profile folder not found: " + dir);
            return null;
        }
        try {
            return profiles != null ? profiles.get(dir) : ProfileReader.read(dir);
        } catch (ProblemsException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private Tiers tiers(YamlNode node) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "device", "edge", "cloud");
        TierSpec device = tier(f.required("device"), false, true);
        TierSpec edge = tier(f.node("edge"), true, false);
        TierSpec cloud = tier(f.node("cloud"), false, false);
        return problems.size() > before || f.mapping() == null ? null
                : new Tiers(device, edge, cloud, edgeAssignment);
    }

    /**
     * A tier's machines; the edge's also say how requests are assigned to them ({@link #edgeAssignment}),
     * the devices' how many of a device's requests may be in flight at once.
     */
    private TierSpec tier(YamlNode node, boolean edge, boolean device) {
        if (node == null) {
            return null;
        }
        int before = problems.size();
        Fields f = edge ? Fields.of(node, problems, "count", "cores", "speed", "per_message", "assignment")
                : device ? Fields.of(node, problems, "count", "cores", "speed", "per_message", "in_flight")
                : Fields.of(node, problems, "count", "cores", "speed", "per_message");
        if (edge) {
            String a = f.choice("assignment", ASSIGNMENTS, "edge assignment", EdgeAssignment.STATIC.key());
            edgeAssignment = a == null ? null : EdgeAssignment.valueOf(a.toUpperCase(Locale.ROOT));
        }
        Integer count = atLeastOne(f, "count");
        Integer cores = atLeastOne(f, "cores");
        if (count != null && cores != null && (long) count * (cores + 2L) > MAX_TIER_SLOTS) {
            // the simulator keeps each machine's cores (and two more slots) in one array per tier
            problems.add(f.node("count"), String.format(Locale.ROOT, "count %d x (cores %d + 2) = %d slots: more"
                    + " than a tier holds (at most %d; the simulator keeps every machine's cores in memory)",
                    count, cores, (long) count * (cores + 2L), MAX_TIER_SLOTS));
        }
        Double speed = f.number("speed", 1.0);
        if (speed != null && !(speed > 0)) {
            problems.add(f.node("speed"), "speed must be a positive factor, got " + Values.s(speed));
        }
        double[] perMessage = perMessage(f);
        Integer inFlight = device && f.has("in_flight") ? atLeastOne(f, "in_flight") : Integer.valueOf(0);
        return problems.size() > before || f.mapping() == null || perMessage == null || inFlight == null ? null
                : new TierSpec(count, cores, speed, perMessage[0], perMessage[1], inFlight);
    }

    /** A tier's machines times (cores + 2): the slots of its station array (800 MB of doubles). */
    static final long MAX_TIER_SLOTS = 100_000_000L;

    private Integer atLeastOne(Fields f, String key) {
        Integer v = f.integer(key, 1);
        if (v != null && v < 1) {
            problems.add(f.node(key), key + " must be at least 1, got " + v);
            return null;
        }
        return v;
    }

    /**
     * The links; one whose tiers do not both exist is left out ({@link Links}: no request can
     * cross it), so that a scenario can switch a tier off without deleting its link.
     */
    private Links links(YamlNode node, boolean edge, boolean cloud) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "uplink", "wan");
        Link uplink = link(f.node("uplink"));
        Link wan = link(f.node("wan"));
        if (problems.size() > before) {
            return null;
        }
        return new Links(edge || cloud ? uplink : null, edge && cloud ? wan : null);
    }

    private Link link(YamlNode node) {
        return new LinkReader(problems, file).read(node);
    }

    /** {@code per_message}: a time (constant), or {@code {mean, sd}} (log-normal); {mean, sd} in seconds, or null. */
    private double[] perMessage(Fields f) {
        if (f.node("per_message") instanceof YamlNode.Mapping) {
            Fields m = Fields.of(f.node("per_message"), problems, "mean", "sd");
            Double mean = m.quantity("mean", org.eesim.units.Units.Kind.TIME);
            Double sd = m.quantity("sd", org.eesim.units.Units.Kind.TIME, 0.0);
            if (mean != null && !(mean > 0)) {
                problems.add(m.node("mean"), "the mean per-message time must be positive, got " + m.node("mean").describe());
                return null;
            }
            if (sd != null && !(sd >= 0)) {
                problems.add(m.node("sd"), "sd must be >= 0, got " + m.node("sd").describe());
                return null;
            }
            return mean == null || sd == null ? null : new double[] {mean, sd};
        }
        Double perMessage = f.quantity("per_message", org.eesim.units.Units.Kind.TIME, 0.0);
        if (perMessage != null && !(perMessage >= 0)) {
            problems.add(f.node("per_message"), "per_message must be >= 0, got " + f.node("per_message").describe());
            return null;
        }
        return perMessage == null ? null : new double[] {perMessage, 0};
    }

    /** The answer's way back ({@link Answer}), or null: requests end where they exit. */
    private Answer answer(YamlNode node) {
        if (node == null) {
            return null;
        }
        int before = problems.size();
        Fields f = Fields.of(node, problems, "bytes");
        Long bytes = f.wholeBytes("bytes", null);
        return problems.size() > before || f.mapping() == null || bytes == null ? null : new Answer(bytes);
    }

    private Placement placement(YamlNode node) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "cut1", "cut2");
        Integer cut1 = f.integer("cut1");
        Integer cut2 = f.integer("cut2");
        if (cut1 != null && cut1 < 0) {
            problems.add(f.node("cut1"), "cut1 must be >= 0, got " + cut1);
        }
        if (cut2 != null && cut2 < 0) {
            problems.add(f.node("cut2"), "cut2 must be >= 0, got " + cut2);
        }
        if (cut1 != null && cut2 != null && cut1 > cut2) {
            problems.add(f.node("cut1"), "cut1 (" + cut1 + ") must be <= cut2 (" + cut2 + ")");
        }
        return problems.size() > before || f.mapping() == null ? null : new Placement(cut1, cut2);
    }

    /** {@code output.figures}: a list of known figure names; each unknown one is reported. */
    private List<String> figures(YamlNode node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            problems.add(node, "expected a list of figure names (" + String.join(", ", Output.FIGURES) + ")");
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (YamlNode item : seq.items()) {
            String name = item instanceof YamlNode.Scalar sc ? sc.text() : null;
            if (name == null || !Output.FIGURES.contains(name)) {
                problems.add(item, "unknown figure '" + (name == null ? item.describe() : name) + "'"
                        + org.eesim.yaml.Suggest.hint(name == null ? "" : name, Output.FIGURES)
                        + " (known: " + String.join(", ", Output.FIGURES) + ")");
            } else if (out.contains(name)) {
                problems.add(item, "figure '" + name + "' is listed twice");
            } else {
                out.add(name);
            }
        }
        return out;
    }

    private Output output(YamlNode node) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "dir", "name", "figures", "figure_x");
        String dir = f.string("dir", "results");
        String name = f.has("name") ? folderName(f.node("name")) : null;
        List<String> figures = figures(f.node("figures"));
        String figureX = f.string("figure_x", null);
        if (figureX != null && figureX.isBlank()) {
            problems.add(f.node("figure_x"), "figure_x must name a scenario key, e.g. early_exit.threshold");
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new Output(Path.of(dir), name, figures, figureX);
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(f.node("dir"), "not a usable folder path: " + e.getMessage());
            return null;
        }
    }
}
