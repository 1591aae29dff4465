package org.eesim.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.ProblemsException;
import org.eesim.yaml.TextFiles;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;
import org.eesim.yaml.YamlTree;

/**
 * Reads {@code <profileDir>/profile.yaml} and the trace CSVs it names into a {@link Profile},
 * reporting every problem in these files at once. Numbers in a profile are bare SI values (the
 * unit is in the key's name, {@code time_s}), because profiles are mostly machine-written.
 */
public final class ProfileReader {

    public static final String FILE_NAME = "profile.yaml";
    public static final String FORMAT = "eesim-profile/1";

    private final Path dir;
    private final Problems problems;
    /** Relative path (with '/') to file, for the hash: profile.yaml and every trace. */
    private final SortedMap<String, Path> hashed = new TreeMap<>();

    private ProfileReader(Path dir, Problems problems) {
        this.dir = dir;
        this.problems = problems;
    }

    /** The profile in {@code profileDir}; throws with every problem found when there is any. */
    public static Profile read(Path profileDir) throws ProblemsException {
        Problems problems = new Problems();
        Profile profile = new ProfileReader(profileDir, problems).read();
        problems.throwIfAny();
        return profile;
    }

    private Profile read() {
        YamlNode root = openYaml();
        if (root == null) {
            return null;
        }
        int before = problems.size();
        Fields f = Fields.of(root, problems, "format", "name", "description", "provenance", "element_bytes",
                "input_bytes", "input_shape", "time_samples", "layers", "branches", "conditions");
        checkFormat(f);
        Path folderName = dir.toAbsolutePath().normalize().getFileName();
        String name = f.string("name", folderName == null ? "profile" : folderName.toString());
        String description = f.string("description", "");
        Map<String, String> provenance = stringMap(f.node("provenance"), problems);
        Long elementBytes = f.longInteger("element_bytes", 4L);
        if (elementBytes != null && elementBytes < 1) {
            problems.add(f.node("element_bytes"), "element_bytes must be at least 1, got " + elementBytes);
            elementBytes = null;
        }
        String unusable = unusableSamples(f.node("time_samples"));
        LayerReader.shape(f.node("input_shape"), problems);
        Long inputBytes = LayerReader.bytes(f, "input_bytes", "input_shape", elementBytes);
        LayerReader layers = new LayerReader(problems, elementBytes);
        layers.readLayers(f.required("layers"));
        List<Branch> branches = layers.readBranches(f.sequence("branches"));
        Map<String, Condition> conditions = new ConditionReader(dir, problems, exitNames(branches), hashed)
                .readAll(f.required("conditions"));
        String sha = problems.size() > before || f.mapping() == null ? null : sha256(hashed, problems);
        if (sha == null) {
            return null;
        }
        try {
            return new Profile(name, description, provenance, inputBytes, layers.layers(), branches, conditions, sha,
                    unusable);
        } catch (IllegalArgumentException e) {
            // The checks above should have caught it; still, a user sees a located problem.
            problems.add(root, e.getMessage());
            return null;
        }
    }

    /**
     * {@code time_samples: {usable: false, reason: "..."}}: the reason, or {@code null} when the
     * samples are usable (the key absent, or {@code usable: true}). A profile sets it when its raw
     * repetitions do not stand for single passes, e.g. quantised timer ticks.
     */
    private String unusableSamples(YamlNode node) {
        if (node == null) {
            return null;
        }
        Fields f = Fields.of(node, problems, "usable", "reason");
        if (f.mapping() == null) {
            return null;
        }
        Boolean usable = f.bool("usable", true);
        String reason = f.string("reason", "");
        if (usable == null || usable) {
            return null;
        }
        if (reason.isBlank()) {
            f.missing("reason", "time_samples.usable is false: say why in time_samples.reason");
            return "no reason given";
        }
        return reason;
    }

    /** The parsed profile.yaml, or {@code null} when the folder, the file or its YAML is unusable. */
    private YamlNode openYaml() {
        if (!Files.isDirectory(dir)) {
            problems.add(dir, 0, 0, "", Files.exists(dir) ? "not a folder: " + dir.toAbsolutePath()
                    : "profile folder not found: " + dir.toAbsolutePath());
            return null;
        }
        Path yaml = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(yaml)) {
            problems.add(yaml, 0, 0, "", "missing " + FILE_NAME + " in the profile folder " + dir.toAbsolutePath());
            return null;
        }
        hashed.put(FILE_NAME, yaml);
        return YamlTree.parse(yaml, TextFiles.PROFILE_MAX_BYTES, "profile", problems);
    }

    /** Branch names then {@code final}; {@code null} when the branches are unsound (reported). */
    private static List<String> exitNames(List<Branch> branches) {
        if (branches == null) {
            return null;
        }
        List<String> exits = new ArrayList<>();
        for (Branch b : branches) {
            exits.add(b.name());
        }
        exits.add(Profile.FINAL_EXIT);
        return exits;
    }

    private void checkFormat(Fields f) {
        String format = f.string("format");
        if (format != null && !FORMAT.equals(format)) {
            problems.add(f.node("format"), "unsupported format '" + format + "' (this version reads " + FORMAT + ")");
        }
    }

    /** A mapping of free keys to scalars (numbers are kept as written); empty when absent. */
    static Map<String, String> stringMap(YamlNode node, Problems problems) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null) {
            return map;
        }
        YamlNode.Mapping m = Values.mapping(node, problems);
        if (m != null) {
            m.entries().forEach((k, v) -> {
                String s = Values.string(v, problems);
                if (s != null) {
                    map.put(k, s);
                }
            });
        }
        return map;
    }

    /**
     * SHA-256 over the files sorted by relative path: for each, its path (UTF-8, '/'-separated),
     * a NUL, its length in decimal, a NUL, its bytes. The lengths keep the encoding unambiguous.
     */
    public static String sha256(SortedMap<String, Path> files, Problems problems) {
        Path current = null;
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Path> e : files.entrySet()) {
                current = e.getValue();
                byte[] content = Files.readAllBytes(current);
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) 0);
                md.update(content);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } catch (IOException e) {
            problems.add(current, 0, 0, "", "cannot read for the profile's hash: " + e);
            return null;
        }
    }
}
