package org.eesim.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eesim.units.Decimals;
import org.eesim.units.Units;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;
import org.eesim.yaml.YamlTree;

/**
 * Reads the {@code sweep} section (docs/scenario-reference.md, "sweep"). Only its own shape is
 * checked here: whether each value suits its key is checked per point by the scenario reader.
 */
final class SweepReader {

    /** Keys that say what the run is, not what is simulated; sweeping them means nothing. */
    static final List<String> NOT_SWEPT = List.of("sweep", "output", "name");
    /** Past this, a range is more likely a wrong step than a wish. */
    static final int MAX_VALUES = 10_000;
    /** Significant digits of generated log-range values, so that points.csv reads as written. */
    static final MathContext LOG_DIGITS = new MathContext(6);
    /** Unit conversions are exact decimal scalings; 12 digits drop the binary noise of the double product. */
    private static final MathContext CONVERTED = new MathContext(12);

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern QUANTITY = Pattern.compile(
            "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)\\s*");

    private final Problems problems;

    private SweepReader(Problems problems) {
        this.problems = problems;
    }

    /** The declaration in {@code node}, or null after reporting its problems. */
    static Declaration read(YamlNode node, Problems problems) {
        return new SweepReader(problems).declaration(node);
    }

    private Declaration declaration(YamlNode node) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "combine", "seeds", "over", "baseline");
        String combine = f.choice("combine", List.of("grid", "zip"), "way to combine sweep keys", "grid");
        String seeds = f.choice("seeds", List.of("per_point", "common"), "seed policy", "per_point");
        YamlNode overNode = f.required("over");
        YamlNode.Sequence over = overNode == null ? null : Values.sequence(overNode, problems);
        List<Axis> axes = new ArrayList<>();
        List<YamlNode> keys = new ArrayList<>();
        if (over != null) {
            if (over.items().isEmpty()) {
                problems.add(over, "the sweep has no keys: list at least one {key, values | range | log_range}");
            }
            for (YamlNode item : over.items()) {
                Axis a = axis(item, keys);
                if (a != null) {
                    axes.add(a);
                }
            }
        }
        YamlNode.Mapping baseline = f.has("baseline") ? Values.mapping(f.node("baseline"), problems) : null;
        if (baseline != null && !"common".equals(seeds)) {
            problems.add(f.node("baseline"), "paired differences against a baseline need common random numbers:"
                    + " add 'seeds: common' to the sweep");
        }
        if (baseline != null) {
            for (Map.Entry<String, YamlNode> e : baseline.entries().entrySet()) {
                if (axes.stream().noneMatch(a -> a.key().equals(e.getKey()))) {
                    problems.addAtKey(e.getValue(), "'" + e.getKey() + "' is not a swept key (swept: "
                            + String.join(", ", axes.stream().map(Axis::key).toList()) + ")");
                }
            }
        }
        if (problems.size() > before || f.mapping() == null) {
            return null;
        }
        Declaration.Combine c = Declaration.Combine.valueOf(combine.toUpperCase(Locale.ROOT));
        if (c == Declaration.Combine.ZIP) {
            for (Axis a : axes) {
                if (a.values().size() != axes.get(0).values().size()) {
                    problems.add(a.entry(), "zip combines values one by one: " + a.key() + " has "
                            + a.values().size() + " values but " + axes.get(0).key() + " has "
                            + axes.get(0).values().size());
                }
            }
            if (problems.size() > before) {
                return null;
            }
        }
        return new Declaration(c, Declaration.Seeds.valueOf(seeds.toUpperCase(Locale.ROOT)), axes, node, baseline);
    }

    private Axis axis(YamlNode item, List<YamlNode> earlier) {
        int before = problems.size();
        Fields f = Fields.of(item, problems, "key", "values", "range", "log_range");
        String key = f.string("key");
        if (key != null) {
            checkKey(f.node("key"), key, earlier);
            earlier.add(f.node("key"));
        }
        int given = (f.has("values") ? 1 : 0) + (f.has("range") ? 1 : 0) + (f.has("log_range") ? 1 : 0);
        if (given != 1 && f.mapping() != null) {
            f.problem(given == 0 ? "give the values: values: [...], range: {from, to, step} or"
                    + " log_range: {from, to, count}" : "give only one of values, range and log_range");
            return null;
        }
        List<YamlNode> values = null;
        if (f.has("values")) {
            YamlNode.Sequence list = f.sequence("values");
            if (list != null && list.items().isEmpty()) {
                problems.add(list, "values is empty: give at least one");
            }
            values = list == null ? null : list.items();
        } else if (f.has("range")) {
            values = range(f.node("range"), false);
        } else if (f.has("log_range")) {
            values = range(f.node("log_range"), true);
        }
        if (values != null) {
            noRepeats(values);
        }
        if (problems.size() > before || values == null || values.isEmpty()) {
            return null;
        }
        return new Axis(key, item, values);
    }

    /** A value given twice makes two identical points (same identity, same seeds): a slip, not a wish. */
    private void noRepeats(List<YamlNode> values) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (YamlNode v : values) {
            if (!seen.add(Tree.text(v))) {
                problems.add(v, "value " + Tree.text(v) + " is listed twice: the two points would be the same");
            }
        }
    }

    private void checkKey(YamlNode node, String key, List<YamlNode> earlier) {
        if (!KEY.matcher(key).matches()) {
            problems.add(node, "a sweep key is a path of scenario keys joined by dots, such as"
                    + " links.uplink.bandwidth; got '" + key + "'");
            return;
        }
        String root = key.split("\\.")[0];
        if (NOT_SWEPT.contains(root)) {
            problems.add(node, "'" + root + "' cannot be swept: it names the run, not what is simulated");
        }
        for (YamlNode n : earlier) {
            String other = ((YamlNode.Scalar) n).text();
            if (other.equals(key)) {
                problems.add(node, "key '" + key + "' is swept twice (first at line " + n.at().line() + ")");
            } else if (key.startsWith(other + ".") || other.startsWith(key + ".")) {
                problems.add(node, "key '" + key + "' overlaps '" + other + "' (line " + n.at().line()
                        + "): one would overwrite the other");
            }
        }
    }

    /** A number and the unit written after it. */
    private record Written(BigDecimal number, String unit) {
        String text(BigDecimal v) {
            BigDecimal stripped = v.stripTrailingZeros();
            // 1e-300 as written, not as 300 zeros: plain only for magnitudes people write out
            long digits = (long) stripped.precision() - stripped.scale();
            String n = stripped.signum() != 0 && (digits > 21 || digits < -6)
                    ? stripped.toString().toLowerCase(Locale.ROOT).replace("+", "") : stripped.toPlainString();
            return unit.isEmpty() ? n : unit.startsWith("/") ? n + unit : n + " " + unit;
        }
    }

    private Written written(Fields f, String key) {
        YamlNode n = f.required(key);
        String text = n == null ? null : Values.string(n, problems);
        if (text == null) {
            return null;
        }
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            problems.add(n, "expected a number, with its unit if the key has one (e.g. '5 Mbps'), got " + n.describe());
            return null;
        }
        try {
            return new Written(Decimals.parse(m.group(1)), m.group(2));
        } catch (IllegalArgumentException e) {
            problems.add(n, "number " + n.describe() + " is " + e.getMessage());
            return null;
        }
    }

    /**
     * {@code w} in the unit of {@code from} ({@code 1 Gbps} as {@code 1000 Mbps}), so values are
     * written in the unit the range starts with; null after reporting units of different kinds.
     */
    private Written inUnitOf(Written from, Written w, YamlNode node) {
        if (w.unit().equals(from.unit())) {
            return w;
        }
        for (Units.Kind kind : Units.Kind.values()) {
            try {
                double factor = Units.parse("1 " + w.unit(), kind) / Units.parse("1 " + from.unit(), kind);
                double converted = w.number().doubleValue() * factor;
                if (!Double.isFinite(converted) || converted != 0 && Math.abs(converted) < Double.MIN_NORMAL) {
                    problems.add(node, "number out of range in '" + from.unit() + "': " + node.describe());
                    return null;
                }
                return new Written(new BigDecimal(converted, CONVERTED), from.unit());
            } catch (IllegalArgumentException notThisKind) {
                // try the next kind
            }
        }
        problems.add(node, "from is in '" + from.unit() + "' but this is in '" + w.unit()
                + "': give the range's ends" + " and step as quantities of one kind");
        return null;
    }

    /** The values of a linear range {@code from, to, step} or a log range {@code from, to, count}. */
    private List<YamlNode> range(YamlNode node, boolean log) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "from", "to", log ? "count" : "step");
        Written from = written(f, "from");
        Written to = written(f, "to");
        Written step = log ? null : written(f, "step");
        Integer count = log ? f.integer("count") : null;
        if (problems.size() > before || f.mapping() == null) {
            return null;
        }
        to = inUnitOf(from, to, f.node("to"));
        step = log || to == null ? step : inUnitOf(from, step, f.node("step"));
        if (to == null || (!log && step == null)) {
            return null;
        }
        if (to.number().compareTo(from.number()) < 0) {
            problems.add(f.node("to"), "to must be >= from");
            return null;
        }
        List<String> texts = log ? logValues(f, from, to, count) : linearValues(f, from, to, step);
        if (texts == null) {
            return null;
        }
        List<YamlNode> out = new ArrayList<>();
        for (String t : texts) {
            // Parsed as YAML so a generated '3' is an integer and '0.5' a float, as if written.
            YamlNode v = YamlTree.parse(t, node.file(), problems);
            out.add(Tree.relocate(v, node.path(), node.at(), node.keyAt()));
        }
        return out;
    }

    private List<String> linearValues(Fields f, Written from, Written to, Written step) {
        if (step.number().signum() <= 0) {
            problems.add(f.node("step"), "step must be positive");
            return null;
        }
        BigDecimal span = to.number().subtract(from.number());
        // Compared as BigDecimal: a huge range has more values than a long holds.
        BigDecimal n = span.divideToIntegralValue(step.number()).add(BigDecimal.ONE);
        if (n.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
            problems.add(f.mapping(), "the range has " + n.toPlainString() + " values, more than " + MAX_VALUES
                    + ": is the step right?");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (long i = 0, count = n.longValueExact(); i < count; i++) {
            // Decimal arithmetic: 0.1 + 0.1 + 0.1 is 0.3 here, not 0.30000000000000004.
            out.add(from.text(from.number().add(step.number().multiply(BigDecimal.valueOf(i)))));
        }
        return out;
    }

    private List<String> logValues(Fields f, Written from, Written to, int count) {
        if (from.number().signum() <= 0) {
            problems.add(f.node("from"), "a log range needs from > 0");
            return null;
        }
        if (count < 2 || count > MAX_VALUES) {
            problems.add(f.node("count"), "count must be between 2 and " + MAX_VALUES + ", got " + count);
            return null;
        }
        double a = from.number().doubleValue();
        double ratio = to.number().doubleValue() / a;
        double logRatio = Math.log(to.number().doubleValue()) - Math.log(a); // when the ratio itself overflows
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double share = (double) i / (count - 1);
            BigDecimal v = i == 0 ? from.number() : i == count - 1 ? to.number()
                    : new BigDecimal(Double.isFinite(ratio) ? a * Math.pow(ratio, share) : a * Math.exp(share * logRatio),
                            LOG_DIGITS);
            out.add(from.text(v));
        }
        return out;
    }
}
