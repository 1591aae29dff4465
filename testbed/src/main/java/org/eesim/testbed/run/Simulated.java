package org.eesim.testbed.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eesim.units.Units;

/**
 * The scenario the simulator runs for a measured one: the same file, with the calibrated profile,
 * each link's measured rate and delay, and the named mechanisms the calibration measured (each
 * can be left out to show what it is worth): {@code answer} (the answer's trip back),
 * {@code burst} (the shaper's token bucket), {@code framing} (protocol bytes on the wire),
 * {@code per_message} (each tier's HTTP and serialisation cost), {@code message_spread} (that cost
 * drawn log-normal with its measured sd rather than constant at its mean); and, only when asked
 * for, {@code in_flight} (a device sends its next request only once its last is answered, which
 * the busiest runs' rows suggested and the table did not bear out: README "The testbed"). Written as a YAML file that
 * {@code eesim run} runs as it is.
 */
final class Simulated {

    static final List<String> MECHANISMS = List.of("answer", "burst", "framing", "per_message", "message_spread");
    /** Mechanisms off unless asked for ({@code --with}): hypotheses the table did not bear out. */
    static final List<String> OPTIONAL = List.of("in_flight");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private Simulated() {
    }

    /**
     * Writes the simulated scenario of {@code tf} to {@code file}; {@code replications} replace the
     * scenario's (the simulator's intervals then are much narrower than the measured ones).
     */
    static Path write(TestbedFile tf, Path file, Set<String> without, Set<String> with, int replications, Path outRoot,
                      String suffix)
            throws IOException {
        ObjectNode root = (ObjectNode) YAML.readTree(tf.scenario().toFile());
        Path profileDir = tf.calibration().out();
        JsonNode cal = CalibratedProfile.read(profileDir.resolve("calibration.yaml"));
        if (root.path("sweep").path("over").isArray()) {
            for (JsonNode k : root.path("sweep").path("over")) {
                String key = k.path("key").asText();
                if (key.startsWith("links.") || key.startsWith("tiers.")) {
                    throw new IOException(tf.scenario() + ": the simulated scenario takes one calibration per file;"
                            + " a sweep of " + key + " needs one file per value");
                }
            }
        }
        String nominal = root.path("links").path("uplink").path("bandwidth").asText();
        double bps = Units.parse(nominal, Units.Kind.BITRATE);
        JsonNode setting = null;
        for (JsonNode s : cal.path("settings")) {
            if (Units.parse(s.path("uplink_nominal").asText(), Units.Kind.BITRATE) == bps) {
                setting = s;
            }
        }
        if (setting == null) {
            throw new IOException(profileDir.resolve("calibration.yaml") + " has no calibration at uplink " + nominal
                    + ": run eesim testbed calibrate with " + tf.file());
        }
        String name = root.path("name").asText("testbed") + "-simulated" + suffix;
        root.put("name", name);
        root.put("profile", profileDir.toAbsolutePath().toString());
        ObjectNode links = (ObjectNode) root.get("links");
        for (String l : List.of("uplink", "wan")) {
            if (links.has(l) && setting.has(l)) {
                ObjectNode link = (ObjectNode) links.get(l);
                JsonNode m = setting.get(l);
                link.put("bandwidth", m.get("bandwidth").asText());
                link.put("delay", m.get("delay").asText());
                if (!without.contains("burst")) {
                    link.put("burst", m.get("burst").asText());
                }
                if (!without.contains("framing")) {
                    link.set("framing", m.get("framing"));
                }
            }
        }
        if (!without.contains("answer")) {
            root.set("answer", setting.get("answer"));
        }
        if (!without.contains("per_message")) {
            ObjectNode tiers = (ObjectNode) root.get("tiers");
            setting.path("per_message").fields().forEachRemaining(e -> {
                if (tiers.has(e.getKey())) {
                    JsonNode v = e.getValue();
                    if (without.contains("message_spread") && v.isObject()) {
                        v = v.get("mean");
                    }
                    ((ObjectNode) tiers.get(e.getKey())).set("per_message", v);
                }
            });
        }
        if (with.contains("in_flight")) {
            ((ObjectNode) root.get("tiers").get("device")).put("in_flight", 1);
        }
        root.put("service_time", "empirical");
        ((ObjectNode) root.get("run")).put("replications", replications);
        ObjectNode output = root.putObject("output");
        output.put("dir", outRoot.toAbsolutePath().toString());
        output.put("name", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# The simulator's view of " + tf.scenario() + ", written by eesim testbed compare from "
                + profileDir.resolve("calibration.yaml") + (without.isEmpty() ? "" : "; without " + without)
                + (with.isEmpty() ? "" : "; with " + with) + ".\n"
                + YAML.writeValueAsString(root));
        return file;
    }
}
