package org.eesim.testbed.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eesim.profile.ProfileReader;

/**
 * The profile the simulator runs for the deployment: the traces profile of the same weights
 * (its exits, per test image and condition, unchanged) with every layer's and branch's time
 * replaced by the passes the calibration's phase B measured inside the tier servers (one pass
 * per request: layer k of sample j is request j's, so {@code service_time: empirical} keeps the
 * correlation within a pass), and {@code calibration.yaml} beside it. Written into a staging
 * folder and checked with sim-core's reader before it replaces the old one.
 */
final class CalibratedProfile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private CalibratedProfile() {
    }

    static void write(Path traces, Path out, List<Phase> passes, Setup st, Map<String, Object> calibration, Path work)
            throws IOException {
        if (st.cut1() != 0) {
            throw new IOException("the calibration times the edge's and the cloud's layers; a placement with layers on"
                    + " the device (cut1 > 0) is not calibrated");
        }
        ObjectNode root = (ObjectNode) YAML.readTree(traces.resolve("profile.yaml").toFile());
        String name = out.getFileName().toString();
        root.put("name", name);
        root.put("description", root.path("description").asText() + " Layer and branch times measured inside the"
                + " testbed's tier servers (eesim testbed calibrate).");
        ObjectNode prov = (ObjectNode) root.get("provenance");
        prov.put("timing", "in the testbed deployment: each layer and branch timed with System.nanoTime inside its"
                + " tier's server (layers 1.." + st.cut2() + " and their branches at the edge, the rest in the cloud),"
                + " one pass per request of the calibration's phase B (light load, no early exit); see calibration.yaml");
        prov.put("traces_from", traces.toString());
        ArrayNode layers = (ArrayNode) root.get("layers");
        ArrayNode branches = (ArrayNode) root.get("branches");
        List<double[]> layerSamples = new ArrayList<>();
        for (int k = 1; k <= layers.size(); k++) {
            layerSamples.add(samples(passes, k <= st.cut2(), "layer" + k + "_ns"));
        }
        List<double[]> branchSamples = new ArrayList<>();
        for (int b = 0; b < branches.size(); b++) {
            String after = branches.get(b).get("after").asText();
            int k = 0;
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i).get("name").asText().equals(after)) {
                    k = i + 1;
                }
            }
            branchSamples.add(samples(passes, k <= st.cut2(), "branch" + (b + 1) + "_ns"));
        }
        StringBuilder timing = new StringBuilder("kind,name,n,median_s,p25_s,p75_s,mean_s,sd_s\n");
        for (int k = 0; k < layers.size(); k++) {
            put((ObjectNode) layers.get(k), layerSamples.get(k));
            timing.append(row("layer", layers.get(k).get("name").asText(), layerSamples.get(k)));
        }
        for (int b = 0; b < branches.size(); b++) {
            put((ObjectNode) branches.get(b), branchSamples.get(b));
            timing.append(row("branch", branches.get(b).get("name").asText(), branchSamples.get(b)));
        }
        Path staging = out.resolveSibling("." + name + ".staging");
        deleteTree(staging);
        Files.createDirectories(staging.resolve("traces"));
        try (var s = Files.list(traces.resolve("traces"))) {
            for (Path p : s.toList()) {
                Files.copy(p, staging.resolve("traces").resolve(p.getFileName()));
            }
        }
        Files.writeString(staging.resolve("profile.yaml"), "# Written by eesim testbed calibrate; do not edit by hand.\n"
                + YAML.writeValueAsString(root));
        Files.writeString(staging.resolve("timing.csv"), timing.toString());
        Files.writeString(staging.resolve("calibration.yaml"), "# Measured by eesim testbed calibrate, separately from"
                + " the validation runs; the simulator's settings for the deployment.\n" + YAML.writeValueAsString(calibration));
        try {
            ProfileReader.read(staging);
        } catch (org.eesim.yaml.ProblemsException e) {
            throw new IOException("the calibrated profile does not read back: " + e.getMessage(), e);
        }
        deleteTree(out);
        Files.createDirectories(out.getParent());
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double[] samples(List<Phase> passes, boolean edge, String column) {
        List<Double> v = new ArrayList<>();
        for (Phase p : passes) {
            Map<String, Integer> cols = edge ? p.edgeColumns : p.cloudColumns;
            Integer c = cols.get(column);
            for (Phase.Request r : p.requests) {
                String[] row = edge ? r.edge() : r.cloud();
                if (c != null && row != null && r.edge() != null && r.cloud() != null) {
                    v.add(Long.parseLong(row[c]) / 1e9);
                }
            }
        }
        if (v.isEmpty()) {
            throw new IllegalStateException("no timed pass of " + column);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void put(ObjectNode node, double[] s) {
        double mean = java.util.Arrays.stream(s).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(s).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, s.length - 1));
        ObjectNode t = node.putObject("time_s");
        t.put("mean", mean);
        t.put("sd", sd);
        ArrayNode a = t.putArray("samples");
        for (double x : s) {
            a.add(x);
        }
    }

    private static String row(String kind, String name, double[] s) {
        double[] o = s.clone();
        java.util.Arrays.sort(o);
        double mean = java.util.Arrays.stream(s).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(s).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, s.length - 1));
        return String.format(Locale.ROOT, "%s,%s,%d,%.9f,%.9f,%.9f,%.9f,%.9f%n", kind, name, s.length,
                q(o, 0.5), q(o, 0.25), q(o, 0.75), mean, sd);
    }

    private static double q(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var w = Files.walk(p)) {
            for (Path x : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    static JsonNode read(Path yaml) throws IOException {
        return YAML.readTree(yaml.toFile());
    }
}
