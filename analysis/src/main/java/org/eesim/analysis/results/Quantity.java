package org.eesim.analysis.results;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number with the unit the scenario wrote ({@code 18.8 Mbps}, {@code 5 ms}, {@code 1/s}).
 * Figures keep the unit the user wrote on the axis (a paper says "Mbps", not "bit/s"), and
 * convert other folders' values into it when they wrote another unit of the same kind.
 */
public record Quantity(double value, String unit) {

    private record Unit(String dimension, double factor) {
    }

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("bps", new Unit("rate of data", 1)),
            Map.entry("bit/s", new Unit("rate of data", 1)),
            Map.entry("kbps", new Unit("rate of data", 1e3)),
            Map.entry("Kbps", new Unit("rate of data", 1e3)),
            Map.entry("Mbps", new Unit("rate of data", 1e6)),
            Map.entry("Gbps", new Unit("rate of data", 1e9)),
            Map.entry("ns", new Unit("time", 1e-9)),
            Map.entry("us", new Unit("time", 1e-6)),
            Map.entry("µs", new Unit("time", 1e-6)),
            Map.entry("ms", new Unit("time", 1e-3)),
            Map.entry("s", new Unit("time", 1)),
            Map.entry("min", new Unit("time", 60)),
            Map.entry("h", new Unit("time", 3600)),
            Map.entry("/ms", new Unit("frequency", 1e3)),
            Map.entry("/s", new Unit("frequency", 1)),
            Map.entry("/min", new Unit("frequency", 1.0 / 60)),
            Map.entry("/h", new Unit("frequency", 1.0 / 3600)),
            Map.entry("Hz", new Unit("frequency", 1)),
            Map.entry("B", new Unit("size", 1)),
            Map.entry("kB", new Unit("size", 1e3)),
            Map.entry("KB", new Unit("size", 1e3)),
            Map.entry("MB", new Unit("size", 1e6)),
            Map.entry("GB", new Unit("size", 1e9)),
            Map.entry("KiB", new Unit("size", 1024)),
            Map.entry("MiB", new Unit("size", 1024 * 1024)),
            Map.entry("GiB", new Unit("size", 1024.0 * 1024 * 1024)),
            Map.entry("", new Unit("number", 1)));

    private static final Pattern FORM = Pattern.compile(
            "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)\\s*");

    public Quantity {
        if (!UNITS.containsKey(unit)) {
            throw new IllegalArgumentException("unknown unit '" + unit + "'");
        }
    }

    /** Parses {@code "18.8 Mbps"}, {@code "1/s"}, {@code "0.8"}; the message says what is wrong. */
    public static Quantity parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a number with a unit");
        }
        String unit = m.group(2);
        if (!UNITS.containsKey(unit)) {
            throw new IllegalArgumentException("'" + text + "' has unknown unit '" + unit
                    + "' (known: Mbps, ms, s, /s, KiB, ... or none)");
        }
        return new Quantity(Double.parseDouble(m.group(1)), unit);
    }

    /** This quantity expressed in {@code other}'s unit; fails across kinds (Mbps vs ms). */
    public double in(String other) {
        Unit from = UNITS.get(unit);
        Unit to = UNITS.get(other);
        if (to == null || !to.dimension().equals(from.dimension())) {
            throw new IllegalArgumentException("cannot express " + this + " in '" + other + "'");
        }
        return value * from.factor() / to.factor();
    }

    @Override
    public String toString() {
        return unit.isEmpty() ? Double.toString(value) : value + " " + unit;
    }
}
