package org.eesim.analysis.results;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eesim.units.Units;

/**
 * A number with the unit the scenario wrote ({@code 18.8 Mbps}, {@code 5 ms}, {@code 1/s}).
 * Figures keep the unit the user wrote on the axis (a paper says "Mbps", not "bit/s"), and
 * convert other folders' values into it when they wrote another unit of the same kind. The
 * units and their factors are sim-core's ({@link Units}): resolved.yaml is written in them, so
 * one grammar serves both ends.
 */
public record Quantity(double value, String unit) {

    private static final Pattern FORM = Pattern.compile(
            "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)\\s*");

    public Quantity {
        if (!unit.isEmpty() && kindOf(unit) == null) {
            throw new IllegalArgumentException("unknown unit '" + unit + "'");
        }
    }

    /** The kind of quantity {@code unit} measures, or null when it is no unit sim-core knows. */
    private static Units.Kind kindOf(String unit) {
        for (Units.Kind kind : Units.Kind.values()) {
            try {
                Units.parse("1 " + unit, kind);
                return kind;
            } catch (IllegalArgumentException notThisKind) {
                // try the next kind
            }
        }
        return null;
    }

    /** Parses {@code "18.8 Mbps"}, {@code "1/s"}, {@code "0.8"}; the message says what is wrong. */
    public static Quantity parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a number with a unit");
        }
        String unit = m.group(2);
        if (!unit.isEmpty() && kindOf(unit) == null) {
            throw new IllegalArgumentException("'" + text + "' has unknown unit '" + unit
                    + "' (known: Mbps, ms, s, /s, KiB, ... or none)");
        }
        return new Quantity(Double.parseDouble(m.group(1)), unit);
    }

    /** This quantity expressed in {@code other}'s unit; fails across kinds (Mbps vs ms). */
    public double in(String other) {
        if (unit.isEmpty() && other.isEmpty()) {
            return value;
        }
        Units.Kind kind = unit.isEmpty() ? null : kindOf(unit);
        if (kind == null || other.isEmpty() || kind != kindOf(other)) {
            throw new IllegalArgumentException("cannot express " + this + " in '" + other + "'");
        }
        return value * Units.parse("1 " + unit, kind) / Units.parse("1 " + other, kind);
    }

    @Override
    public String toString() {
        return unit.isEmpty() ? Double.toString(value) : value + " " + unit;
    }
}
