package org.eesim.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.eesim.scenario.ScenarioWriter;
import org.eesim.sim.SplitMix;
import org.eesim.yaml.Problem;
import org.eesim.yaml.Problems;
import org.eesim.yaml.ProblemsException;
import org.eesim.yaml.YamlNode;
import org.eesim.yaml.YamlTree;

/**
 * A scenario file expanded into its points (one point when it has no {@code sweep}), each read
 * and checked as a scenario of its own, and the runs they make. Nothing here depends on threads,
 * shards or the clock: the same file gives the same points, seeds and hash everywhere.
 */
public final class SweepPlan {

    /** Points whose problems are listed before the rest are only counted. */
    static final int MAX_POINTS_REPORTED = 20;
    /** A sweep past this many points is refused: it is more likely a wrong step than a wish. */
    static final int MAX_POINTS = 100_000;
    /** Runs of one plan (points x replications): the runner keeps one small record per run. */
    static final long MAX_RUNS = 1_000_000;

    private final Path file;
    private final Declaration declaration;
    private final List<Point> points;
    private final String sha256;

    private SweepPlan(Path file, Declaration declaration, List<Point> points) {
        this.file = file;
        this.declaration = declaration;
        this.points = List.copyOf(points);
        this.sha256 = hash();
    }

    /** The plan of {@code file}; throws with every problem of the sweep and of every point. */
    public static SweepPlan read(Path file) throws ProblemsException {
        Problems problems = new Problems();
        YamlNode root = YamlTree.parse(file, problems);
        if (!(root instanceof YamlNode.Mapping m) || !m.entries().containsKey("sweep")) {
            // No sweep: exactly the plain reader, its problems and its single point.
            Scenario s = ScenarioReader.read(file);
            Path profile = ScenarioReader.profileDir(file);
            return new SweepPlan(file, null, List.of(new Point(0, List.of(), s.run().seed(), s,
                    ScenarioWriter.toYaml(s, profile.toString()))));
        }
        Declaration d = SweepReader.read(m.entries().get("sweep"), problems);
        problems.throwIfAny();
        List<List<YamlNode>> combos = combinations(d, problems);
        problems.throwIfAny();
        List<Point> points = points(file, m, d, combos);
        baselineOf(d, points, problems);
        problems.throwIfAny();
        long runs = points.stream().mapToLong(Point::replications).sum();
        if (runs > MAX_RUNS) {
            problems.add(d.node(), points.size() + " points x their replications = " + runs + " runs, more than "
                    + MAX_RUNS + ": split the sweep into several scenarios or use fewer replications");
            problems.throwIfAny();
        }
        return new SweepPlan(file, d, points);
    }

    private static List<List<YamlNode>> combinations(Declaration d, Problems problems) {
        long n = 1;
        for (Axis a : d.axes()) {
            n = d.combine() == Declaration.Combine.ZIP ? a.values().size() : n * a.values().size();
            if (n > MAX_POINTS) {
                problems.add(d.node(), "the sweep has more than " + MAX_POINTS + " points");
                return List.of();
            }
        }
        List<List<YamlNode>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<YamlNode> combo = new ArrayList<>();
            long rest = i;
            for (int k = d.axes().size() - 1; k >= 0; k--) {
                List<YamlNode> values = d.axes().get(k).values();
                if (d.combine() == Declaration.Combine.ZIP) {
                    combo.add(0, values.get(i));
                } else {
                    combo.add(0, values.get((int) (rest % values.size())));
                    rest /= values.size();
                }
            }
            out.add(combo);
        }
        return out;
    }

    private static List<Point> points(Path file, YamlNode.Mapping root, Declaration d, List<List<YamlNode>> combos)
            throws ProblemsException {
        ScenarioReader.ProfileCache profiles = new ScenarioReader.ProfileCache();
        YamlNode.Mapping base = Tree.withoutSweep(root);
        List<Point> points = new ArrayList<>();
        Map<Integer, List<Problem>> failed = new LinkedHashMap<>();
        List<Problem> reported = new ArrayList<>();
        for (int id = 0; id < combos.size(); id++) {
            List<Point.Assignment> assignments = new ArrayList<>();
            YamlNode.Mapping tree = base;
            List<Problem> own = new ArrayList<>();
            for (int k = 0; k < d.axes().size(); k++) {
                Axis axis = d.axes().get(k);
                YamlNode value = combos.get(id).get(k);
                assignments.add(new Point.Assignment(axis.key(), Tree.text(value)));
                YamlNode.Mapping edited = tree == null ? null : Tree.set(tree, axis.key(), value, keyMark(axis));
                if (edited == null && tree != null) {
                    own.add(at(axis.entry(), axis.key(), "cannot set '" + axis.key()
                            + "': a key on its path holds a value, not a mapping"));
                }
                tree = edited;
            }
            if (tree == null) {
                failed.put(id, own);
                continue;
            }
            try {
                Scenario s = ScenarioReader.read(file, tree, profiles);
                Point p = new Point(id, assignments, 0, s, null);
                long seed = d.seeds() == Declaration.Seeds.COMMON ? s.run().seed()
                        : SplitMix.derive(s.run().seed(), SplitMix.code("point"), SplitMix.code(p.identity()));
                points.add(new Point(id, assignments, seed, s,
                        ScenarioWriter.toYaml(s, ScenarioReader.profileDir(file, tree).toString())));
            } catch (ProblemsException e) {
                failed.put(id, e.problems());
            }
        }
        if (!failed.isEmpty()) {
            report(failed, combos.size(), d, points, reported);
            throw new ProblemsException(reported);
        }
        return points;
    }

    /**
     * Problems every failing point shares (a mistake outside the swept keys) are listed once;
     * the others once per point, naming the point.
     */
    private static void report(Map<Integer, List<Problem>> failed, int total, Declaration d, List<Point> ok,
                               List<Problem> out) {
        List<Problem> common = new ArrayList<>(failed.values().iterator().next());
        failed.values().forEach(common::retainAll);
        if (ok.isEmpty()) {
            out.addAll(common);
        } else {
            common.clear();
        }
        int listed = 0;
        for (Map.Entry<Integer, List<Problem>> e : failed.entrySet()) {
            if (listed++ == MAX_POINTS_REPORTED) {
                out.add(at(d.node(), "sweep", (failed.size() - MAX_POINTS_REPORTED)
                        + " more points have problems (" + failed.size() + " of " + total + " in all)"));
                break;
            }
            for (Problem p : e.getValue()) {
                if (!common.contains(p)) {
                    out.add(new Problem(p.file(), p.line(), p.column(), p.keyPath(),
                            "at sweep point " + e.getKey() + " (" + identity(d, e.getKey(), total) + "): "
                                    + p.reason()));
                }
            }
        }
    }

    private static String identity(Declaration d, int id, int total) {
        List<String> parts = new ArrayList<>();
        long rest = id;
        for (int k = d.axes().size() - 1; k >= 0; k--) {
            Axis a = d.axes().get(k);
            int i = d.combine() == Declaration.Combine.ZIP ? id : (int) (rest % a.values().size());
            rest /= a.values().size();
            parts.add(0, a.key() + "=" + Tree.text(a.values().get(i)));
        }
        return String.join(", ", parts);
    }

    /** Where the sweep entry names its key. */
    private static YamlNode.Mark keyMark(Axis axis) {
        YamlNode key = ((YamlNode.Mapping) axis.entry()).entries().get("key");
        return key.at();
    }

    private static Problem at(YamlNode node, String key, String reason) {
        return new Problem(node.file(), node.at().line(), node.at().column(), key, reason);
    }

    /**
     * A hash of what determines the numbers: every point's identity, seed and resolved scenario,
     * with the profile and bandwidth traces named by their content hashes (so moving the checkout
     * keeps it, and editing a trace changes it) and without the output section (which says where
     * results go, not what they are).
     */
    private String hash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("eesim-plan/1\n".getBytes(StandardCharsets.UTF_8));
            for (Point p : points) {
                String yaml = ScenarioWriter.toHashText(p.scenario(), p.scenario().profileSha256());
                String text = p.id() + "\n" + p.identity() + "\n" + p.seed() + "\n" + withoutOutput(yaml) + "\n";
                md.update(text.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String withoutOutput(String yaml) {
        StringBuilder b = new StringBuilder();
        boolean skipping = false;
        for (String line : yaml.split("\n")) {
            if (!line.startsWith(" ")) {
                skipping = line.startsWith("output:");
            }
            if (!skipping) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    public Path file() {
        return file;
    }

    /** The sweep section, or null for a single-point scenario. */
    /**
     * The point the others are compared with in {@code differences.csv} (common seeds: the
     * sweep's {@code baseline}, else the first point), or -1 when the plan has no paired
     * differences (no sweep, or independent seeds per point).
     */
    public int baselinePoint() {
        if (declaration == null || declaration.seeds() != Declaration.Seeds.COMMON) {
            return -1;
        }
        return declaration.baseline() == null ? 0 : baselineOf(declaration, points, new Problems());
    }

    /** The id of the one point the baseline names, or -1 after reporting why there is not one. */
    private static int baselineOf(Declaration d, List<Point> points, Problems problems) {
        if (d.baseline() == null) {
            return -1;
        }
        List<Point> matching = new ArrayList<>();
        for (Point p : points) {
            boolean all = true;
            for (Point.Assignment a : p.assignments()) {
                YamlNode wanted = d.baseline().entries().get(a.key());
                all &= wanted == null || Tree.text(wanted).equals(a.value());
            }
            if (all) {
                matching.add(p);
            }
        }
        if (matching.size() != 1) {
            problems.add(d.baseline(), "the baseline matches " + matching.size() + " points"
                    + (matching.isEmpty() ? " (its values must be written as in the sweep, e.g. '5 Mbps')"
                    : ": give a value for every swept key"));
            return -1;
        }
        return matching.get(0).id();
    }

    public Declaration declaration() {
        return declaration;
    }

    public boolean isSweep() {
        return declaration != null;
    }

    public List<Point> points() {
        return points;
    }

    /** The swept keys in declaration order (none without a sweep). */
    public List<String> keys() {
        return declaration == null ? List.of() : declaration.axes().stream().map(Axis::key).toList();
    }

    public String sha256() {
        return sha256;
    }

    /** Every run, point by point, replication by replication. */
    public List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (Point p : points) {
            for (int r = 0; r < p.replications(); r++) {
                out.add(new Run(p.id(), r));
            }
        }
        return out;
    }

    /**
     * The runs shard {@code index} of {@code count} takes: every count-th run starting at index,
     * so each shard gets a share of every point and the cheap and dear points spread evenly.
     */
    public List<Run> shard(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= i < n");
        }
        List<Run> all = runs();
        List<Run> out = new ArrayList<>();
        for (int i = index; i < all.size(); i += count) {
            out.add(all.get(i));
        }
        return out;
    }

    /** The results folder's name: output.name, or the scenario's name and the plan hash's start. */
    public String folderName() {
        Scenario s = points.get(0).scenario();
        return s.output().name() != null ? s.output().name() : s.name() + "-" + sha256.substring(0, 8);
    }

    /** Where the results go: output.dir / {@link #folderName()}. */
    public Path folder() {
        return points.get(0).scenario().output().dir().resolve(folderName());
    }
}
