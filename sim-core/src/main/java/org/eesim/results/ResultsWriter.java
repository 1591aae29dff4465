package org.eesim.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import org.eesim.scenario.Scenario;
import org.eesim.sim.ReplicationRunner.Outcome;
import org.eesim.stats.Summary;

/**
 * Writes a run's folder: {@code scenario.yaml} (the file as given), {@code resolved.yaml} (every
 * default filled in), {@code manifest.yaml} (versions, seeds, profile hash, timing),
 * {@code replications.csv} (one row per replication and metric) and {@code summary.csv} (one row
 * per metric with its Student-t interval) and {@code distribution.csv} (each replication's latency
 * quantiles, every percent and the far tail, for CDF plots).
 *
 * <p>Everything is written into a hidden sibling folder first and renamed into place at the end,
 * so a run that is stopped never leaves a half-written results folder behind.
 */
public final class ResultsWriter {

    public static final String REPLICATIONS_HEADER = "point,replication,seed,metric,value";
    public static final String SUMMARY_HEADER = "point,metric,n,mean,sd,ci_low,ci_high";
    public static final String DISTRIBUTION_HEADER = "point,replication,quantile,latency_s";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private ResultsWriter() {
    }

    /** The run's facts that are not in the scenario. */
    public record RunInfo(Instant started, Instant finished, int threads, String resolvedYaml) {
    }

    /** Where a run of {@code s} started at {@code started} writes. */
    public static Path folderFor(Scenario s, Instant started) {
        String name = s.output().name() != null ? s.output().name() : s.name() + "-" + STAMP.format(started);
        return s.output().dir().resolve(name);
    }

    public static Path write(Scenario s, List<Outcome> outcomes, List<Summary> summaries, RunInfo info) {
        Path target = folderFor(s, info.started());
        if (Files.exists(target)) {
            throw new IllegalStateException("results folder " + target
                    + " exists already; name another in output.name or move it away");
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            Files.copy(s.sourceFile(), tmp.resolve("scenario.yaml"));
            Files.writeString(tmp.resolve("resolved.yaml"), info.resolvedYaml(), StandardCharsets.UTF_8);
            writeManifest(tmp.resolve("manifest.yaml"), s, outcomes, info);
            writeReplications(tmp.resolve("replications.csv"), outcomes);
            writeSummary(tmp.resolve("summary.csv"), summaries);
            writeDistribution(tmp.resolve("distribution.csv"), outcomes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writeReplications(Path file, List<Outcome> outcomes) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(REPLICATIONS_HEADER + "\n");
            for (Outcome o : outcomes) {
                for (Map.Entry<String, Double> e : o.metrics().entrySet()) {
                    w.write("0," + o.replication() + "," + o.seed() + "," + e.getKey() + "," + e.getValue() + "\n");
                }
            }
        }
    }

    private static void writeDistribution(Path file, List<Outcome> outcomes) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(DISTRIBUTION_HEADER + "\n");
            for (Outcome o : outcomes) {
                for (Map.Entry<Double, Double> e : o.latencyDistribution().entrySet()) {
                    w.write("0," + o.replication() + "," + e.getKey() + "," + e.getValue() + "\n");
                }
            }
        }
    }

    private static void writeSummary(Path file, List<Summary> summaries) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(SUMMARY_HEADER + "\n");
            for (Summary m : summaries) {
                w.write("0," + m.metric() + "," + m.n() + "," + m.mean() + "," + m.sd() + "," + m.ciLow() + ","
                        + m.ciHigh() + "\n");
            }
        }
    }

    private static void writeManifest(Path file, Scenario s, List<Outcome> outcomes, RunInfo info)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eesim_version", version());
        m.put("java_version", System.getProperty("java.version"));
        m.put("scenario", s.name());
        m.put("scenario_file", s.sourceFile().toString());
        m.put("profile", s.profile().name());
        m.put("profile_sha256", s.profile().sha256());
        m.put("seed", s.run().seed());
        m.put("replications", outcomes.size());
        Map<String, Long> seeds = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            seeds.put(Integer.toString(o.replication()), o.seed());
        }
        m.put("replication_seeds", seeds);
        m.put("threads", info.threads());
        m.put("started", info.started().toString());
        m.put("finished", info.finished().toString());
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
        yaml.writeValue(file.toFile(), m);
    }

    /** The project version, from the jar's filtered resource. */
    public static String version() {
        try (InputStream in = ResultsWriter.class.getResourceAsStream("/eesim-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
