package org.eesim.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

import org.eesim.units.Decimals;
import org.eesim.units.Units;
import org.eesim.yaml.YamlNode.Scalar;
import org.eesim.yaml.YamlNode.ScalarType;

/**
 * Typed values from single nodes. Each method returns {@code null} after reporting a problem,
 * so that a reader can go on and report the next one.
 */
public final class Values {

    /** Numbers YAML 1.1 leaves as strings (e.g. {@code 1e-5}) but a user means as numbers. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Values() {
    }

    /** Any scalar as written (a {@code 3} becomes "3"); not a mapping, list or empty value. */
    public static String string(YamlNode node, Problems problems) {
        if (node instanceof Scalar s && s.type() != ScalarType.NULL) {
            return s.text();
        }
        problems.add(node, "expected a string, got " + node.describe());
        return null;
    }

    public static Long longInteger(YamlNode node, Problems problems) {
        BigInteger v = wholeNumber(node, problems);
        if (v != null && v.bitLength() > 63) {
            problems.add(node, "number out of range: " + node.describe());
            return null;
        }
        return v == null ? null : v.longValue();
    }

    public static Integer integer(YamlNode node, Problems problems) {
        BigInteger v = wholeNumber(node, problems);
        if (v != null && v.bitLength() > 31) {
            problems.add(node, "number out of range: " + node.describe());
            return null;
        }
        return v == null ? null : v.intValue();
    }

    /** A whole number of any size a long could nearly hold, or null after reporting a problem. */
    private static BigInteger wholeNumber(YamlNode node, Problems problems) {
        if (node instanceof Scalar s && s.type() == ScalarType.INTEGER) {
            return (BigInteger) s.value();
        }
        if (node instanceof Scalar s && (s.type() == ScalarType.FLOAT || s.type() == ScalarType.STRING)
                && DECIMAL.matcher(s.text()).matches()) {
            BigDecimal d;
            try {
                d = Decimals.parse(s.text());
            } catch (IllegalArgumentException e) {
                problems.add(node, "number " + node.describe() + " is " + e.getMessage());
                return null;
            }
            if (Decimals.integerDigits(d) > 20) {
                // 2e4 is a whole number even though YAML calls it a float; 1e100000000 would take hours to expand.
                problems.add(node, "number " + node.describe() + " is out of range for a whole number");
                return null;
            }
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException notWhole) {
                // reported below
            }
        }
        problems.add(node, "expected a whole number, got " + node.describe());
        return null;
    }

    /** A finite number. */
    public static Double number(YamlNode node, Problems problems) {
        Double v = null;
        if (node instanceof Scalar s) {
            if (s.type() == ScalarType.INTEGER) {
                v = ((BigInteger) s.value()).doubleValue();
            } else if ((s.type() == ScalarType.FLOAT || s.type() == ScalarType.STRING)
                    && DECIMAL.matcher(s.text()).matches()) {
                try {
                    v = Decimals.parse(s.text()).doubleValue();
                } catch (IllegalArgumentException e) {
                    problems.add(node, "number " + node.describe() + " is " + e.getMessage());
                    return null;
                }
            } else if (s.type() == ScalarType.FLOAT) {
                v = (Double) s.value(); // .nan, .inf
            }
        }
        if (v == null) {
            problems.add(node, "expected a number, got " + node.describe());
            return null;
        }
        if (v.isNaN()) {
            problems.add(node, "expected a number, got " + node.describe() + " (not a number)");
            return null;
        }
        if (v.isInfinite()) {
            problems.add(node, "number out of range: " + node.describe());
            return null;
        }
        return v;
    }

    /**
     * A number in [0, 1], or YAML's {@code .nan} for a value the source does not know (an
     * imported profile without published accuracies); NaN then propagates to the results.
     */
    public static Double probabilityOrUnknown(YamlNode node, String what, Problems problems) {
        if (node instanceof Scalar s && s.type() == ScalarType.FLOAT && ((Double) s.value()).isNaN()) {
            return Double.NaN;
        }
        return probability(node, what, problems);
    }

    /** A number in [0, 1]; {@code what} names it in the message ("threshold", "confidence"). */
    public static Double probability(YamlNode node, String what, Problems problems) {
        Double v = number(node, problems);
        if (v != null && !(v >= 0 && v <= 1)) {
            problems.add(node, what + " must be in [0, 1], got " + s(v));
            return null;
        }
        return v;
    }

    public static Boolean bool(YamlNode node, Problems problems) {
        if (node instanceof Scalar s && s.type() == ScalarType.BOOLEAN) {
            return (Boolean) s.value();
        }
        problems.add(node, "expected true or false, got " + node.describe());
        return null;
    }

    /** A quantity with a unit of {@code kind}, in SI. */
    public static Double quantity(YamlNode node, Units.Kind kind, Problems problems) {
        if (!(node instanceof Scalar s) || s.type() == ScalarType.NULL) {
            problems.add(node, "expected " + kind.description() + " such as '" + kind.example() + "', got "
                    + node.describe());
            return null;
        }
        try {
            return Units.parse(s.text(), kind);
        } catch (IllegalArgumentException e) {
            problems.add(node, e.getMessage());
            return null;
        }
    }

    public static YamlNode.Mapping mapping(YamlNode node, Problems problems) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        problems.add(node, "expected a mapping (key: value, ...), got " + node.describe());
        return null;
    }

    public static YamlNode.Sequence sequence(YamlNode node, Problems problems) {
        if (node instanceof YamlNode.Sequence l) {
            return l;
        }
        problems.add(node, "expected a list, got " + node.describe());
        return null;
    }

    /** One of {@code options}, exactly as written there; {@code what} names the choice in messages. */
    public static String choice(YamlNode node, List<String> options, String what, Problems problems) {
        String v = string(node, problems);
        if (v == null || options.contains(v)) {
            return v;
        }
        problems.add(node, "unknown " + what + " '" + v + "'" + Suggest.hint(v, options)
                + " (expected one of: " + String.join(", ", options) + ")");
        return null;
    }

    /** A double as a person would write it: 2 rather than 2.0. */
    public static String s(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
