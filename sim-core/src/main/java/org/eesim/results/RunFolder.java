package org.eesim.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import org.eesim.scenario.Scenario;
import org.eesim.stats.Summary;
import org.eesim.sweep.Point;
import org.eesim.sweep.Run;
import org.eesim.sweep.SweepPlan;

/**
 * A results folder for a plan (or one shard of it): made on the first run, found again by its
 * deterministic name on the next, so a stopped run resumes in place. {@code manifest.yaml} is
 * written last when the folder is made; its presence says the folder's fixed files are whole,
 * and its plan hash says which scenario the folder belongs to.
 */
public final class RunFolder {

    public static final String MANIFEST = "manifest.yaml";
    private static final Set<String> OWN = Set.of("scenario.yaml", "resolved.yaml", "resolved", Tables.POINTS,
            MANIFEST, Tables.REPLICATIONS, Tables.DISTRIBUTION, Tables.RUNS, Tables.SUMMARY, Tables.SUMMARY_WIDE,
            "figures");
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private final Path dir;
    private final SweepPlan plan;
    private final String shard;
    private final List<Run> slice;
    private final List<String> warnings;

    private RunFolder(Path dir, SweepPlan plan, String shard, List<Run> slice, List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        this.dir = dir;
        this.plan = plan;
        this.shard = shard;
        this.slice = List.copyOf(slice);
    }

    /** The folder of shard {@code index} of {@code count}: beside the whole plan's, named after it. */
    public static Path shardDir(SweepPlan plan, int index, int count) {
        return plan.folder().resolveSibling(plan.folderName() + "-shard-" + index + "-of-" + count);
    }

    /**
     * The folder {@code dir} for the runs {@code slice} of {@code plan}, made if new, checked if
     * not. {@code shard} is {@code "i/n"} or null for the whole plan.
     *
     * @throws ResultsConflict when the folder holds something else
     */
    public static RunFolder prepare(SweepPlan plan, Path dir, String shard, List<Run> slice, Instant now) {
        return prepare(plan, dir, shard, slice, List.of(), now);
    }

    /** As above; {@code warnings} (an overloaded resource, say) go into the manifest. */
    public static RunFolder prepare(SweepPlan plan, Path dir, String shard, List<Run> slice, List<String> warnings,
                                    Instant now) {
        RunFolder f = new RunFolder(dir, plan, shard, slice, warnings);
        try {
            if (Files.exists(dir.resolve(MANIFEST))) {
                f.check();
            } else {
                f.make(now);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare results folder " + dir + ": " + e.getMessage(), e);
        }
        return f;
    }

    /** The plan hash and shard recorded in {@code dir}'s manifest ({@code [hash, shard]}; nulls when absent). */
    public static String[] recorded(Path dir) {
        try {
            Map<?, ?> m = YAML.readValue(dir.resolve(MANIFEST).toFile(), Map.class);
            Object hash = m.get("plan_sha256");
            Object shard = m.get("shard");
            return new String[] {hash == null ? null : hash.toString(), shard == null ? null : shard.toString()};
        } catch (IOException e) {
            throw new ResultsConflict(dir + " is not a results folder: cannot read its " + MANIFEST + " ("
                    + e.getMessage() + ")");
        }
    }

    private void check() throws IOException {
        Map<?, ?> m = YAML.readValue(dir.resolve(MANIFEST).toFile(), Map.class);
        Object hash = m.get("plan_sha256");
        if (!plan.sha256().equals(hash)) {
            throw new ResultsConflict("results folder " + dir + " holds the results of another scenario or sweep"
                    + " (plan " + (hash == null ? "unknown" : String.valueOf(hash).substring(0, 8)) + ", this one "
                    + plan.sha256().substring(0, 8) + "): set another output.name or move it away; nothing was run.");
        }
        Object theirs = m.get("shard");
        if (!String.valueOf(shard).equals(String.valueOf(theirs))) {
            throw new ResultsConflict("results folder " + dir + " holds shard " + theirs + ", not " + shard
                    + "; nothing was run.");
        }
        // The same plan hash means the same numbers; what may differ is outside the hash (the
        // output section, comments): the folder records the file as it is now, so that figures
        // named in output.figures after a run are the ones the analysis command draws.
        writeScenario();
    }

    private void make(Instant now) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
                List<String> foreign = children.map(p -> p.getFileName().toString())
                        .filter(n -> !OWN.contains(n) && !n.startsWith(".")).toList();
                if (!foreign.isEmpty() || Files.exists(dir.resolve(Tables.SUMMARY))) {
                    throw new ResultsConflict("results folder " + dir + " exists and is not this scenario's"
                            + " (no manifest.yaml): set another output.name or move it away; nothing was run.");
                }
            }
        } else if (Files.exists(dir)) {
            throw new ResultsConflict(dir + " exists and is not a folder; nothing was run.");
        }
        Files.createDirectories(dir);
        writeScenario();
        Tables.replace(dir.resolve(Tables.POINTS), points());
        Tables.replace(dir.resolve(MANIFEST), yaml(manifest(now)));
    }

    private void writeScenario() throws IOException {
        Tables.replace(dir.resolve("scenario.yaml"), Files.readString(plan.file()));
        if (plan.isSweep()) {
            Files.createDirectories(dir.resolve("resolved"));
            for (Point p : plan.points()) {
                Tables.replace(dir.resolve("resolved").resolve(p.id() + ".yaml"), p.resolvedYaml());
            }
        } else {
            Tables.replace(dir.resolve("resolved.yaml"), plan.points().get(0).resolvedYaml());
        }
    }

    /**
     * {@code point,<key>,...,seed}: each point's value of every swept key, as written, units
     * included, with its SI value beside it for quantities ({@link SweptColumns}).
     */
    private String points() {
        SweptColumns swept = SweptColumns.of(plan);
        StringBuilder b = new StringBuilder("point");
        swept.header().forEach(k -> b.append(',').append(k));
        b.append(",seed\n");
        for (Point p : plan.points()) {
            b.append(p.id());
            swept.row(p.id()).forEach(v -> b.append(',').append(v));
            b.append(',').append(p.seed()).append('\n');
        }
        return b.toString();
    }

    /** The project version written into the manifest, from the jar's filtered resource. */
    public static String version() {
        try (InputStream in = RunFolder.class.getResourceAsStream("/eesim-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private Map<String, Object> manifest(Instant now) {
        Scenario s = plan.points().get(0).scenario();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eesim_version", version());
        m.put("java_version", System.getProperty("java.version"));
        m.put("scenario", s.name());
        m.put("scenario_file", plan.file().toString());
        m.put("profile", s.profileName());
        m.put("profile_sha256", s.profileSha256());
        m.put("seed", s.run().seed());
        m.put("seeds", plan.isSweep() ? plan.declaration().seeds().name().toLowerCase(java.util.Locale.ROOT)
                : "per_point");
        m.put("plan_sha256", plan.sha256());
        m.put("points", plan.points().size());
        m.put("runs", plan.runs().size());
        m.put("shard", shard);
        m.put("shard_runs", slice.size());
        m.put("started", now.toString());
        if (!warnings.isEmpty()) {
            m.put("warnings", warnings);
        }
        return m;
    }

    private static String yaml(Map<String, Object> m) {
        try {
            return YAML.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values always serialises", e);
        }
    }

    public Path dir() {
        return dir;
    }

    public SweepPlan plan() {
        return plan;
    }

    /** The runs this folder is for (all of the plan's, or a shard's). */
    public List<Run> slice() {
        return slice;
    }

    /**
     * Rewrites the tables in run order and {@code summary.csv} and {@code summary_wide.csv} from
     * them, and marks the folder finished when every run of its slice is recorded. Returns the
     * summary's lines.
     */
    public List<String> finish(Instant now, int threads) {
        try {
            Map<Run, Block> blocks = Journal.load(dir);
            Tables.write(dir, blocks.values());
            Map<Integer, List<Summary>> summaries = Tables.summaries(blocks.values());
            List<String> summary = Tables.summary(summaries);
            Tables.replace(dir.resolve(Tables.SUMMARY), String.join("\n", summary) + "\n");
            Tables.replace(dir.resolve(Tables.SUMMARY_WIDE),
                    String.join("\n", Tables.wide(summaries, SweptColumns.of(plan))) + "\n");
            if (plan.baselinePoint() >= 0) {
                Tables.replace(dir.resolve(Tables.DIFFERENCES),
                        String.join("\n", Tables.differences(blocks.values(), plan.baselinePoint())) + "\n");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            Map<?, ?> old = YAML.readValue(dir.resolve(MANIFEST).toFile(), Map.class);
            old.forEach((k, v) -> m.put(String.valueOf(k), v));
            m.put("runs_done", blocks.size());
            m.put("threads", threads);
            m.put("finished", now.toString());
            Tables.replace(dir.resolve(MANIFEST), yaml(m));
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish results folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
