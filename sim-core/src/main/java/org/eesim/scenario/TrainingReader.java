package org.eesim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eesim.training.TrainingProfile;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;

/**
 * The parts of a training scenario (a root with a {@code training} section,
 * docs/scenario-reference.md#training): the training profile, the {@code training} section,
 * the full-duplex {@code links} (uplink, downlink) and the {@code run} section (replications,
 * seed, warm-up iterations). Problems go to the scenario reader's list, located like all others.
 */
final class TrainingReader {

    /** The root keys of a training scenario. */
    static final List<String> KEYS = List.of("name", "profile", "training", "links", "run", "output", "energy",
            "sweep");
    static final List<String> POLICIES = java.util.Arrays.stream(Training.Kind.values()).map(Training.Kind::key).toList();
    static final List<String> QUANTISE = List.of("none", "int8");
    /** The seed's client: {@code --queue_limit 5}. */
    static final int DEFAULT_UPLOAD_QUEUE = 5;
    /** The seed's client: {@code beta=0.8}. */
    static final double DEFAULT_BETA = 0.8;

    private final Problems problems;
    private final Path file;

    TrainingReader(Problems problems, Path file) {
        this.problems = problems;
        this.file = file;
    }

    /** The training section, or null (reported); {@code profile} null when it could not be read. */
    Training read(YamlNode node, TrainingProfile profile, YamlNode linksNode) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "iterations", "epochs", "samples_per_epoch", "batch_size", "staleness",
                "quantise", "error_feedback", "quantise_time", "upload_queue", "drain_each_epoch", "policy");
        long[] length = length(f, profile);
        Integer batch = f.integer("batch_size", profile == null ? 1 : profile.batchSize());
        if (batch != null && profile != null && batch != profile.batchSize()) {
            problems.add(f.node("batch_size"), "the profile " + profile.name() + " was measured at batch "
                    + profile.batchSize() + ": batch_size must be " + profile.batchSize() + " (times do not scale"
                    + " linearly with the batch; profile the batch you want)");
        }
        String quantise = f.choice("quantise", QUANTISE, "quantisation", "none");
        boolean int8 = "int8".equals(quantise);
        Boolean feedback = f.bool("error_feedback", int8);
        if (feedback != null && feedback && !int8 && f.has("error_feedback")) {
            problems.add(f.node("error_feedback"), "error_feedback keeps the int8 quantisation error: it needs"
                    + " quantise: int8");
        }
        Double qtime = quantiseTime(f);
        Integer queue = uploadQueue(f);
        Boolean drain = f.bool("drain_each_epoch", f.has("epochs"));
        if (drain != null && drain && !f.has("epochs") && f.has("drain_each_epoch")) {
            problems.add(f.node("drain_each_epoch"), "drain_each_epoch needs epochs (and samples_per_epoch)");
        }
        Training.Policy policy = policy(f, profile, length == null ? 1 : length[1]);
        Integer k = staleness(f, policy);
        if (policy != null && policy.kind() == Training.Kind.JOINTDNN && int8) {
            problems.add(f.node("quantise"), "jointdnn sends fp32 features (JointDNN has no quantisation):"
                    + " use quantise: none, or a fixed split with int8");
        }
        if (policy != null && policy.kind() == Training.Kind.CLOUD_ONLY && int8) {
            problems.add(f.node("quantise"), "cloud_only sends the raw input batch, which is not quantised: use"
                    + " quantise: none");
        }
        Link[] links = links(linksNode);
        if (problems.size() > before || f.mapping() == null || profile == null || links == null) {
            return null;
        }
        Integer epochs = f.has("epochs") ? (int) (length[0] / length[1]) : null;
        Long samples = f.has("epochs") ? f.longInteger("samples_per_epoch") : null;
        return new Training(profile, length[0], length[1], epochs, samples, k, int8, feedback, qtime, queue, drain, policy,
                links[0], links[1]);
    }

    /** {iterations, iterations per epoch}, or null (reported). */
    private long[] length(Fields f, TrainingProfile profile) {
        boolean iterations = f.has("iterations");
        boolean epochs = f.has("epochs");
        if (iterations && (epochs || f.has("samples_per_epoch"))) {
            f.problem("give iterations, or epochs with samples_per_epoch, not both");
            return null;
        }
        if (iterations) {
            Long n = f.longInteger("iterations");
            return n == null || !inRange(f, "iterations", n) ? null : new long[] {n, n};
        }
        if (!epochs) {
            if (!f.misspelt("iterations") && !f.misspelt("epochs")) {
                f.problem("missing run length: give iterations (per replication), or epochs and samples_per_epoch"
                        + " (an epoch is ceil(samples_per_epoch / batch_size) iterations)");
            }
            return null;
        }
        Integer e = f.integer("epochs");
        Long samples = f.longInteger("samples_per_epoch");
        if (e != null && e < 1) {
            problems.add(f.node("epochs"), "epochs must be at least 1, got " + e);
            return null;
        }
        if (samples != null && samples < 1) {
            problems.add(f.node("samples_per_epoch"), "samples_per_epoch must be at least 1, got " + samples);
            return null;
        }
        if (e == null || samples == null || profile == null) {
            return null;
        }
        long perEpoch = (samples + profile.batchSize() - 1) / profile.batchSize(); // the loader keeps a last partial batch
        if (perEpoch > Training.MAX_ITERATIONS / e) {
            problems.add(f.node("epochs"), e + " epochs of " + perEpoch + " iterations are more than "
                    + Training.MAX_ITERATIONS + " iterations");
            return null;
        }
        return new long[] {perEpoch * e, perEpoch};
    }

    private boolean inRange(Fields f, String key, long n) {
        if (n < 1 || n > Training.MAX_ITERATIONS) {
            problems.add(f.node(key), key + " must be in 1.." + Training.MAX_ITERATIONS + ", got " + n
                    + (n > 1 ? " (past 10^9 a replication takes hours: use a shorter run and more replications)" : ""));
            return false;
        }
        return true;
    }

    /** The quantise time: {@code profile} (null: the profile's column) or a time. */
    private Double quantiseTime(Fields f) {
        YamlNode n = f.node("quantise_time");
        if (n == null || n instanceof YamlNode.Scalar s && "profile".equals(s.text())) {
            return null;
        }
        Double t = Values.quantity(n, org.eesim.units.Units.Kind.TIME, problems);
        if (t != null && t < 0) {
            problems.add(n, "quantise_time must be >= 0, got " + n.describe());
            return null;
        }
        return t;
    }

    private Integer uploadQueue(Fields f) {
        YamlNode n = f.node("upload_queue");
        if (n instanceof YamlNode.Scalar s && "unlimited".equals(s.text())) {
            return Integer.MAX_VALUE;
        }
        Integer q = f.integer("upload_queue", DEFAULT_UPLOAD_QUEUE);
        if (q != null && q < 1) {
            problems.add(n, "upload_queue must be at least 1 (features waiting for the uplink), or unlimited, got " + q);
            return null;
        }
        return q;
    }

    /** K: required unless the policy fixes it (jointdnn: 0) or does not use it (edge_only). */
    private Integer staleness(Fields f, Training.Policy policy) {
        boolean implied = policy != null && (policy.kind() == Training.Kind.JOINTDNN
                || policy.kind() == Training.Kind.EDGE_ONLY);
        if (!f.has("staleness")) {
            if (!implied && policy != null) {
                f.missing("staleness", "missing required key 'staleness' (K: iteration i starts once iteration"
                        + " i-K-1 has finished; 0 is the serial schedule)");
                return null;
            }
            return 0;
        }
        Integer k = f.integer("staleness");
        if (k != null && k < 0) {
            problems.add(f.node("staleness"), "staleness must be >= 0, got " + k);
            return null;
        }
        if (k != null && k != 0 && policy != null && policy.kind() == Training.Kind.JOINTDNN) {
            problems.add(f.node("staleness"), "jointdnn is the serial schedule, K = 0: drop staleness or set it"
                    + " to 0 (a fixed split with K > 0 is the pipelined one)");
            return null;
        }
        return k;
    }

    private Training.Policy policy(Fields f, TrainingProfile profile, long perEpoch) {
        YamlNode node = f.required("policy");
        if (node == null) {
            return null;
        }
        YamlNode.Mapping m = Values.mapping(node, problems);
        if (m == null) {
            return null;
        }
        YamlNode typeNode = m.entries().get("type");
        String type = typeNode == null ? null : Values.choice(typeNode, POLICIES, "training policy", problems);
        String[] keys = switch (type == null ? "" : type) {
            case "fixed" -> new String[] {"type", "split"};
            case "engine" -> new String[] {"type", "initial_split", "beta", "initial_remain"};
            case "edge_only", "cloud_only", "jointdnn" -> new String[] {"type"};
            default -> new String[] {"type", "split", "initial_split", "beta", "initial_remain"};
        };
        int before = problems.size();
        Fields p = Fields.of(node, problems, keys);
        if (typeNode == null) {
            p.missing("type", "missing required key 'type' (one of: " + String.join(", ", POLICIES) + ")");
        }
        if (type == null) {
            return null;
        }
        Training.Kind kind = Training.Kind.valueOf(type.toUpperCase(java.util.Locale.ROOT));
        int split = switch (kind) {
            case FIXED -> split(p, "split", profile, true, null);
            case ENGINE -> split(p, "initial_split", profile, false, 0);
            case EDGE_ONLY -> needRow(p, profile, profile == null ? 0 : profile.edgeOnly(), "edge_only");
            case CLOUD_ONLY -> needRow(p, profile, TrainingProfile.CLOUD_ONLY, "cloud_only");
            case JOINTDNN -> -2;
        };
        double beta = DEFAULT_BETA;
        double remain = perEpoch;
        if (kind == Training.Kind.ENGINE) {
            Double b = p.number("beta", DEFAULT_BETA);
            if (b != null && !(b >= 0 && b < 1)) {
                problems.add(p.node("beta"), "beta must be in [0, 1) (the weight of the old average), got " + b);
            }
            beta = b == null ? beta : b;
            Double r = p.number("initial_remain", (double) perEpoch);
            if (r != null && !(r >= 1) || r != null && Double.isInfinite(r)) {
                problems.add(p.node("initial_remain"), "initial_remain must be a finite number >= 1 (iterations),"
                        + " got " + r);
            }
            remain = r == null ? remain : r;
        }
        if (problems.size() > before) {
            return null;
        }
        return new Training.Policy(kind, split, beta, remain);
    }

    /**
     * A split the profile has a row for: any for {@code fixed}; a split point proper
     * (0..layers-2) or edge-only for the engine's start, as the seed's engine chooses among those.
     */
    private int split(Fields p, String key, TrainingProfile profile, boolean any, Integer absent) {
        Integer s = absent == null ? p.integer(key) : p.integer(key, absent);
        if (s == null || profile == null) {
            return -2;
        }
        if (!profile.has(s) || !any && s == TrainingProfile.CLOUD_ONLY) {
            YamlNode at = p.node(key) != null ? p.node(key) : p.mapping();
            problems.add(at, "the profile " + profile.name() + " has no " + (any ? "" : "engine ") + "split " + s
                    + " (it has " + splitList(profile, any) + ")");
            return -2;
        }
        return s;
    }

    private int needRow(Fields p, TrainingProfile profile, int split, String policy) {
        if (profile != null && !profile.has(split)) {
            p.problem(policy + " needs the profile's split " + split + " row ("
                    + (split < 0 ? "cloud-only: the whole network in the cloud" : "edge-only: the whole network on the edge")
                    + "), which " + profile.name() + " does not have (docs/training-profile-format.md)");
        }
        return split;
    }

    private static String splitList(TrainingProfile p, boolean any) {
        StringBuilder b = new StringBuilder();
        int first = Integer.MIN_VALUE;
        int last = Integer.MIN_VALUE;
        for (TrainingProfile.Split s : p.splits()) {
            if (!any && s.split() < 0) {
                continue;
            }
            if (s.split() == last + 1) {
                last = s.split();
                continue;
            }
            if (first != Integer.MIN_VALUE) {
                b.append(first == last ? first + ", " : first + ".." + last + ", ");
            }
            first = last = s.split();
        }
        b.append(first == last ? String.valueOf(first) : first + ".." + last);
        return b.toString();
    }

    /** {uplink, downlink}: the downlink defaults to a copy of the uplink (full duplex, same rate). */
    private Link[] links(YamlNode node) {
        int before = problems.size();
        if (node == null) {
            return null; // reported by the scenario reader as a missing key
        }
        Fields f = Fields.of(node, problems, "uplink", "downlink");
        YamlNode up = f.required("uplink");
        Link uplink = new LinkReader(problems, file).read(up);
        Link downlink = f.has("downlink") ? new LinkReader(problems, file).read(f.node("downlink")) : uplink;
        if (problems.size() > before || uplink == null || downlink == null) {
            return null;
        }
        return new Link[] {uplink, downlink};
    }

    /** The {@code run} section of a training scenario: replications (default 1), seed, warm-up iterations. */
    static RunControl run(YamlNode node, Problems problems, long iterations) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "replications", "seed", "warmup");
        Integer reps = f.integer("replications", 1);
        if (reps != null && (reps < 1 || reps > RunReader.MAX_REPLICATIONS)) {
            problems.add(f.node("replications"), "replications must be in 1.." + RunReader.MAX_REPLICATIONS
                    + ", got " + reps);
        }
        Long seed = f.longInteger("seed");
        Long warmup = f.longInteger("warmup", 0L);
        if (warmup != null && (warmup < 0 || iterations > 0 && warmup >= iterations)) {
            problems.add(f.node("warmup"), "warmup is a number of iterations in 0.." + (iterations - 1)
                    + " (those not counted in the per-iteration time), got " + warmup);
        }
        if (problems.size() > before || f.mapping() == null) {
            return null;
        }
        return new RunControl(new RunControl.Span.Requests(Math.max(1, iterations - warmup)),
                new RunControl.Span.Requests(warmup), reps, seed);
    }

    /** Whether {@code dir} holds a training profile; reported at {@code at} when not. */
    static boolean isTrainingProfile(Path dir, YamlNode at, Problems problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(at, "training profile folder not found: " + dir);
            return false;
        }
        if (!org.eesim.training.TrainingProfileReader.isTrainingProfile(dir)) {
            problems.add(at, "a training scenario needs a training profile (training.yaml and splits.csv,"
                    + " docs/training-profile-format.md); " + dir + " has none"
                    + (Files.exists(dir.resolve("profile.yaml")) ? " (its profile.yaml is an inference profile)" : ""));
            return false;
        }
        return true;
    }
}
