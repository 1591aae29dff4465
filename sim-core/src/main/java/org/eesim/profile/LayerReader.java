package org.eesim.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.Suggest;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;

/** The {@code layers} and {@code branches} lists of a profile, and the time statistics they hold. */
final class LayerReader {

    private final Problems problems;
    private final Long elementBytes;
    private final List<Layer> layers = new ArrayList<>();
    /** Layer names by position, {@code null} where a layer has no valid name: for {@code after}. */
    private final List<String> names = new ArrayList<>();

    LayerReader(Problems problems, Long elementBytes) {
        this.problems = problems;
        this.elementBytes = elementBytes;
    }

    List<Layer> layers() {
        return layers;
    }

    void readLayers(YamlNode node) {
        if (node == null) {
            return;
        }
        YamlNode.Sequence list = Values.sequence(node, problems);
        if (list == null) {
            return;
        }
        if (list.items().isEmpty()) {
            problems.add(node, "a profile needs at least one layer");
        }
        Set<String> seen = new HashSet<>();
        for (YamlNode item : list.items()) {
            int before = problems.size();
            Fields f = Fields.of(item, problems, "name", "time_s", "output_shape", "output_bytes", "flops");
            String name = f.string("name");
            if (name != null && !seen.add(name)) {
                problems.add(f.node("name"), "layer name '" + name + "' is used twice");
            }
            names.add(name);
            TimeStats time = time(f.required("time_s"), problems);
            List<Integer> shape = shape(f.node("output_shape"), problems);
            Long bytes = bytes(f, "output_bytes", "output_shape", elementBytes);
            Long flops = f.longInteger("flops", 0L);
            if (flops != null && flops < 0) {
                problems.add(f.node("flops"), "flops must be >= 0, got " + flops);
            }
            if (problems.size() == before && f.mapping() != null) {
                layers.add(new Layer(name, time, bytes, shape == null ? List.of() : shape, flops));
            }
        }
    }

    /** The branches in network order, or {@code null} when any is unsound (reported). */
    List<Branch> readBranches(YamlNode.Sequence list) {
        List<Branch> branches = new ArrayList<>();
        if (list == null) {
            return branches;
        }
        int before = problems.size();
        Set<String> seen = new HashSet<>();
        int previous = 0;
        for (YamlNode item : list.items()) {
            Fields f = Fields.of(item, problems, "name", "after", "time_s");
            String name = f.string("name");
            if (Profile.FINAL_EXIT.equals(name)) {
                problems.add(f.node("name"), "'final' names the last exit, which is implicit: choose another name");
            } else if (name != null && !seen.add(name)) {
                problems.add(f.node("name"), "branch name '" + name + "' is used twice");
            }
            Integer after = after(f.required("after"));
            if (after != null && after < previous) {
                problems.add(f.node("after"), "branches must be listed in network order: this one is after layer "
                        + after + ", the one before it after layer " + previous);
            }
            previous = after == null ? previous : after;
            TimeStats time = time(f.required("time_s"), problems);
            if (problems.size() == before) {
                branches.add(new Branch(name, after, time));
            }
        }
        return problems.size() == before ? branches : null;
    }

    /** A 1-based layer number, or a layer's name. */
    private Integer after(YamlNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER) {
            Integer n = Values.integer(node, problems);
            if (n != null && (n < 1 || n > names.size())) {
                problems.add(node, "after layer " + n + ", but the layers are numbered 1.." + names.size());
                return null;
            }
            return n;
        }
        String name = Values.string(node, problems);
        if (name == null) {
            return null;
        }
        int i = names.indexOf(name);
        if (i < 0) {
            List<String> known = names.stream().filter(x -> x != null).toList();
            problems.add(node, "unknown layer '" + name + "'" + Suggest.hint(name, known)
                    + " (layers: " + String.join(", ", known) + ")");
            return null;
        }
        return i + 1;
    }

    /**
     * {@code time_s}: a mean (with an optional sd and samples), or samples alone from which mean
     * and sd are computed. With samples but no sd, the sd is the samples' own.
     */
    static TimeStats time(YamlNode node, Problems problems) {
        if (node == null) {
            return null;
        }
        int before = problems.size();
        Fields f = Fields.of(node, problems, "mean", "sd", "samples");
        Double mean = nonNegative(f, "mean", problems);
        Double sd = nonNegative(f, "sd", problems);
        double[] samples = samples(f.sequence("samples"), problems);
        if (f.mapping() == null || problems.size() > before) {
            return null;
        }
        if (mean == null && samples == null) {
            f.missing("mean", "missing required key 'mean' (or give samples)");
            return null;
        }
        if (samples != null && samples.length == 0 && mean == null) {
            problems.add(f.node("samples"), "samples is empty: give at least one, or a mean");
            return null;
        }
        TimeStats fromSamples = samples != null && samples.length > 0 ? TimeStats.of(samples) : null;
        double m = mean != null ? mean : fromSamples.meanSeconds();
        double s = sd != null ? sd : fromSamples != null ? fromSamples.sdSeconds() : 0;
        return new TimeStats(m, s, samples == null ? new double[0] : samples);
    }

    private static Double nonNegative(Fields f, String key, Problems problems) {
        Double v = f.number(key, null);
        if (v != null && v < 0) {
            problems.add(f.node(key), key + " must be >= 0, got " + Values.s(v));
            return null;
        }
        return v;
    }

    private static double[] samples(YamlNode.Sequence list, Problems problems) {
        if (list == null) {
            return null;
        }
        double[] out = new double[list.items().size()];
        for (int i = 0; i < out.length; i++) {
            YamlNode item = list.items().get(i);
            Double v = Values.number(item, problems);
            if (v != null && v < 0) {
                problems.add(item, "a time sample must be >= 0, got " + Values.s(v));
            }
            out[i] = v == null ? 0 : v;
        }
        return out;
    }

    /** A tensor shape: a list of positive whole numbers; {@code null} when absent or invalid. */
    static List<Integer> shape(YamlNode node, Problems problems) {
        if (node == null) {
            return null;
        }
        YamlNode.Sequence list = Values.sequence(node, problems);
        if (list == null) {
            return null;
        }
        List<Integer> dims = new ArrayList<>();
        for (YamlNode item : list.items()) {
            Integer d = Values.integer(item, problems);
            if (d != null && d < 1) {
                problems.add(item, "a dimension must be at least 1, got " + d);
            }
            dims.add(d);
        }
        return dims.contains(null) ? null : dims;
    }

    /** {@code bytesKey} if given, else the product of {@code shapeKey} times the element size. */
    static Long bytes(Fields f, String bytesKey, String shapeKey, Long elementBytes) {
        Problems problems = f.problems();
        if (f.has(bytesKey)) {
            Long b = f.longInteger(bytesKey);
            if (b != null && b < 0) {
                problems.add(f.node(bytesKey), bytesKey + " must be >= 0, got " + b);
                return null;
            }
            return b;
        }
        if (!f.has(shapeKey)) {
            f.missing(bytesKey, "missing required key '" + bytesKey + "' (or give " + shapeKey + ")");
            return null;
        }
        List<Integer> shape = shape(f.node(shapeKey), new Problems()); // reported where it is read
        if (shape == null || elementBytes == null) {
            return null;
        }
        try {
            long n = elementBytes;
            for (int d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        } catch (ArithmeticException e) {
            problems.add(f.node(shapeKey), "the tensor is too large to count its bytes");
            return null;
        }
    }
}
