package org.eesim.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses quantities written as a number, optional spaces and a unit, into one SI value per kind.
 * Units are case-sensitive on purpose: {@code mbps} would be millibits, {@code MB} is not {@code Mb}.
 * A bare number is refused, because a missing unit is the commonest way to be off by 1000.
 *
 * <p>Numbers are scaled as decimals and rounded once, so {@code 5 ms} is exactly the double
 * {@code 0.005} and {@link #format} writes values that parse back to the same double.
 */
public final class Units {

    /** The kinds of quantity, each with its SI unit, an example for messages, and its units. */
    public enum Kind {
        TIME("a time", "s", "5 ms"),
        BITRATE("a bitrate", "bps", "18.8 Mbps"),
        SIZE("a size", "B", "300 KiB"),
        RATE("a rate", "/s", "20/s"),
        POWER("a power", "W", "10 W"),
        ENERGY("an energy", "J", "5 mJ");

        private final String article;
        private final String siUnit;
        private final String example;

        Kind(String article, String siUnit, String example) {
            this.article = article;
            this.siUnit = siUnit;
            this.example = example;
        }

        /** "a time", "a bitrate", ...: for messages. */
        public String description() {
            return article;
        }

        public String siUnit() {
            return siUnit;
        }

        public String example() {
            return example;
        }

        /** The accepted unit symbols, smallest first, without the alternative spellings. */
        public List<String> units() {
            List<String> names = new ArrayList<>();
            UNITS.forEach((symbol, unit) -> {
                if (unit.kind == this && !ALIASES.contains(symbol)) {
                    names.add(symbol);
                }
            });
            return names;
        }
    }

    /** A unit symbol's kind and its factor to the kind's SI unit. */
    private record Unit(Kind kind, BigDecimal factor) {
    }

    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();
    /** Spellings accepted but not advertised (the Greek mu, Kbps). */
    private static final List<String> ALIASES = List.of("\u03bcs", "Kbps", "\u00b5J");

    static {
        // Registration order is the order in which messages list the units: smallest first.
        time("ns", "1e-9");
        time("us", "1e-6");
        time("\u00b5s", "1e-6");
        time("\u03bcs", "1e-6");
        time("ms", "1e-3");
        time("s", "1");
        time("min", "60");
        time("h", "3600");
        unit("bps", Kind.BITRATE, "1");
        unit("kbps", Kind.BITRATE, "1e3");
        unit("Kbps", Kind.BITRATE, "1e3");
        unit("Mbps", Kind.BITRATE, "1e6");
        unit("Gbps", Kind.BITRATE, "1e9");
        // Byte rates: 8 bits per byte, binary prefixes where the symbol says so.
        unit("B/s", Kind.BITRATE, "8");
        unit("kB/s", Kind.BITRATE, "8e3");
        unit("MB/s", Kind.BITRATE, "8e6");
        unit("GB/s", Kind.BITRATE, "8e9");
        unit("KiB/s", Kind.BITRATE, String.valueOf(8L << 10));
        unit("MiB/s", Kind.BITRATE, String.valueOf(8L << 20));
        unit("GiB/s", Kind.BITRATE, String.valueOf(8L << 30));
        unit("B", Kind.SIZE, "1");
        unit("kB", Kind.SIZE, "1e3");
        unit("KiB", Kind.SIZE, String.valueOf(1L << 10));
        unit("MB", Kind.SIZE, "1e6");
        unit("MiB", Kind.SIZE, String.valueOf(1L << 20));
        unit("GB", Kind.SIZE, "1e9");
        unit("GiB", Kind.SIZE, String.valueOf(1L << 30));
        unit("/s", Kind.RATE, "1");
        unit("Hz", Kind.RATE, "1");
        unit("/ms", Kind.RATE, "1e3");
        unit("/min", Kind.RATE, BigDecimal.ONE.divide(new BigDecimal(60), MathContext.DECIMAL128).toString());
        unit("/h", Kind.RATE, BigDecimal.ONE.divide(new BigDecimal(3600), MathContext.DECIMAL128).toString());
        unit("uW", Kind.POWER, "1e-6");
        unit("mW", Kind.POWER, "1e-3");
        unit("W", Kind.POWER, "1");
        unit("kW", Kind.POWER, "1e3");
        unit("nJ", Kind.ENERGY, "1e-9");
        unit("uJ", Kind.ENERGY, "1e-6");
        unit("\u00b5J", Kind.ENERGY, "1e-6");
        unit("mJ", Kind.ENERGY, "1e-3");
        unit("J", Kind.ENERGY, "1");
        unit("kJ", Kind.ENERGY, "1e3");
    }

    private static void time(String symbol, String factor) {
        unit(symbol, Kind.TIME, factor);
    }

    private static void unit(String symbol, Kind kind, String factor) {
        UNITS.put(symbol, new Unit(kind, new BigDecimal(factor)));
    }

    /** Refused spellings with the reason: guessing would be wrong half of the time. */
    private static final Map<String, String> REFUSED = Map.of(
            "KB", "ambiguous: write kB (1000) or KiB (1024)",
            "KB/s", "ambiguous: write kB/s (1000) or KiB/s (1024)");

    private static final Pattern QUANTITY = Pattern.compile(
            "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(\\S.*?)?\\s*");

    private Units() {
    }

    /**
     * The SI value of {@code text}: seconds, bits per second, bytes, events per second, watts or joules.
     *
     * @throws IllegalArgumentException with a message fit for the user (it does not repeat the
     *                                  text's location, which only the caller knows)
     */
    public static double parse(String text, Kind kind) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + kind.description() + " such as '" + kind.example()
                    + "', got '" + text + "'");
        }
        String symbol = m.group(2);
        if (symbol == null) {
            throw new IllegalArgumentException("'" + text.strip() + "' needs a unit, e.g. '" + kind.example()
                    + "' (units for " + kind.description() + ": " + String.join(", ", kind.units()) + ")");
        }
        Unit unit = UNITS.get(symbol);
        if (unit == null) {
            throw new IllegalArgumentException(unknownUnit(symbol, kind));
        }
        if (unit.kind != kind) {
            throw new IllegalArgumentException("'" + text.strip() + "' is " + unit.kind.description() + ", expected "
                    + kind.description() + " (units: " + String.join(", ", kind.units()) + ")");
        }
        BigDecimal number;
        try {
            number = Decimals.parse(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is " + e.getMessage());
        }
        double value = number.multiply(unit.factor).doubleValue();
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("'" + text.strip() + "' is out of range");
        }
        if (number.signum() != 0 && Math.abs(value) < Double.MIN_NORMAL) {
            throw new IllegalArgumentException("'" + text.strip() + "' is too small to compute with");
        }
        return value;
    }

    private static String unknownUnit(String symbol, Kind kind) {
        String refused = REFUSED.get(symbol);
        if (refused != null) {
            return "unit '" + symbol + "' is " + refused;
        }
        String accepted = " (units for " + kind.description() + ": " + String.join(", ", kind.units()) + ")";
        for (String candidate : kind.units()) {
            if (candidate.equalsIgnoreCase(symbol)) {
                return "unknown unit '" + symbol + "': did you mean '" + candidate + "'? Units are case-sensitive"
                        + accepted;
            }
        }
        return "unknown unit '" + symbol + "'" + accepted;
    }

    /**
     * {@code siValue} written with the unit that gives the shortest number not below 1 and that
     * parses back to exactly {@code siValue} (the larger unit on ties); the SI unit when none does.
     */
    public static String format(double siValue, Kind kind) {
        if (!Double.isFinite(siValue)) {
            throw new IllegalArgumentException("cannot format " + siValue);
        }
        BigDecimal exact = new BigDecimal(Double.toString(siValue));
        String best = join(plain(exact), kind.siUnit());
        int bestLength = Integer.MAX_VALUE;
        if (siValue == 0) {
            return best;
        }
        for (String symbol : formatCandidates(kind)) {
            BigDecimal scaled = exact.divide(UNITS.get(symbol).factor, MathContext.DECIMAL64);
            String number = plain(scaled);
            if (scaled.abs().compareTo(BigDecimal.ONE) < 0 || number.length() >= bestLength) {
                continue;
            }
            String text = join(number, symbol);
            if (parse(text, kind) == siValue) {
                best = text;
                bestLength = number.length();
            }
        }
        return best;
    }

    /** Units {@link #format} may choose, larger first: the ones people write. */
    private static List<String> formatCandidates(Kind kind) {
        return switch (kind) {
            case TIME -> List.of("h", "min", "s", "ms", "us", "ns");
            case BITRATE -> List.of("Gbps", "Mbps", "kbps", "bps");
            case SIZE -> List.of("GiB", "MiB", "KiB", "GB", "MB", "kB", "B");
            case RATE -> List.of("/s", "/min", "/h");
            case POWER -> List.of("kW", "W", "mW", "uW");
            case ENERGY -> List.of("kJ", "J", "mJ", "uJ", "nJ");
        };
    }

    private static String join(String number, String symbol) {
        return symbol.startsWith("/") ? number + symbol : number + " " + symbol;
    }

    private static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        // Keep ordinary magnitudes free of exponents; very large or small ones read better with one.
        int digitsBeforePoint = v.precision() - v.scale();
        if (digitsBeforePoint > 15 || digitsBeforePoint < -6) {
            return v.toString().toLowerCase(Locale.ROOT).replace("+", "");
        }
        return v.toPlainString();
    }
}
