package org.eesim.models.timing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eesim.models.net.Backbones;
import org.eesim.models.net.NetLayer;

/**
 * A profile written by {@code eesim-models profile}, to be re-timed: its network rebuilt from the
 * command in its provenance (architecture, width, branch placement; weights are not needed, since
 * time does not depend on them), checked layer by layer against the profile (names, output shapes,
 * FLOPs, branch positions), and the parts of its profile.yaml a re-timing keeps.
 *
 * @param provenance  the profile's provenance, in order
 * @param conditions  its {@code conditions:} section, verbatim (the traces it names are kept)
 */
public record Retime(Path dir, String name, String description, Map<String, String> provenance, NetSpec spec,
        String conditions) {

    public static Retime read(Path dir) throws IOException {
        Path file = dir.resolve("profile.yaml");
        String text = Files.readString(file);
        JsonNode root = new YAMLMapper().readTree(text);
        Map<String, String> prov = new LinkedHashMap<>();
        root.path("provenance").fields().forEachRemaining(e -> prov.put(e.getKey(), e.getValue().asText()));
        String command = prov.get("command");
        if (command == null || !command.startsWith("profile ")) {
            throw new IllegalArgumentException(file + ": provenance.command is not an 'eesim-models profile' command,"
                    + " so the network cannot be rebuilt (only profiles measured by eesim-models can be re-timed)");
        }
        Map<String, String> opts = options(command);
        long[] input = longs(root.path("input_shape"));
        String net = opts.get("--net");
        double width = Double.parseDouble(opts.getOrDefault("--width", "1"));
        List<NetLayer> layers = Backbones.build(net, width, input);
        String distribution = opts.getOrDefault("--distribution", "linear");
        List<Integer> positions = new ArrayList<>();
        if (opts.containsKey("--positions")) {
            Arrays.stream(opts.get("--positions").split(",")).map(Integer::valueOf).forEach(positions::add);
        }
        int branches = Integer.parseInt(opts.getOrDefault("--branches", "3"));
        List<Integer> after = NetSpec.positions(layers, distribution, branches, positions);
        check(file, root, layers, after);
        NetSpec spec = new NetSpec(net, input, layers, after, Backbones::branch, Backbones.CLASSES,
                net + " of the models module for 28 px inputs, width " + width + ", 10 classes, input "
                        + NetSpec.shape(input) + ", batch 1; " + after.size() + " side branches of "
                        + NetSpec.exitWords("bnpool2", Backbones.CLASSES),
                NetSpec.placementWords(layers, after, distribution, branches, positions));
        int at = text.indexOf("\nconditions:");
        if (at < 0) {
            throw new IllegalArgumentException(file + ": no conditions section");
        }
        return new Retime(dir, root.path("name").asText(), root.path("description").asText(), prov, spec,
                text.substring(at + 1));
    }

    /** {@code --key value} pairs of a command line (flags without a value map to "true"). */
    static Map<String, String> options(String command) {
        String[] t = command.trim().split("\\s+");
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 1; i < t.length; i++) {
            if (t[i].startsWith("--")) {
                boolean hasValue = i + 1 < t.length && !t[i + 1].startsWith("--");
                m.put(t[i], hasValue ? t[++i] : "true");
            }
        }
        return m;
    }

    private static void check(Path file, JsonNode root, List<NetLayer> layers, List<Integer> after) {
        JsonNode ls = root.path("layers");
        if (ls.size() != layers.size()) {
            throw new IllegalArgumentException(file + ": " + ls.size() + " layers, the rebuilt network has "
                    + layers.size());
        }
        for (int k = 0; k < layers.size(); k++) {
            NetLayer l = layers.get(k);
            JsonNode y = ls.get(k);
            if (!y.path("name").asText().equals(l.name()) || !Arrays.equals(longs(y.path("output_shape")),
                    l.outputShape()) || y.path("flops").asLong() != l.flops()) {
                throw new IllegalArgumentException(file + ": layers[" + k + "] is " + y.path("name").asText() + " "
                        + y.path("output_shape") + " " + y.path("flops").asLong() + " FLOPs, the rebuilt network's is "
                        + l.name() + " " + Arrays.toString(l.outputShape()) + " " + l.flops());
            }
        }
        JsonNode bs = root.path("branches");
        if (bs.size() != after.size()) {
            throw new IllegalArgumentException(file + ": " + bs.size() + " branches, the rebuilt network has "
                    + after.size());
        }
        for (int i = 0; i < after.size(); i++) {
            String expected = layers.get(after.get(i)).name();
            if (!bs.get(i).path("name").asText().equals("b" + (i + 1))
                    || !bs.get(i).path("after").asText().equals(expected)) {
                throw new IllegalArgumentException(file + ": branches[" + i + "] is " + bs.get(i).path("name").asText()
                        + " after " + bs.get(i).path("after").asText() + ", the rebuilt one b" + (i + 1) + " after "
                        + expected);
            }
        }
    }

    static long[] longs(JsonNode list) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).asLong();
        }
        return out;
    }
}
