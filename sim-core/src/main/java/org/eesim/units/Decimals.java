package org.eesim.units;

import java.math.BigDecimal;

/**
 * Decimal literals as written in a scenario or a profile, refused when no double can hold them.
 * {@code new BigDecimal("1e2147483647")} is legal but every later multiplication overflows its
 * scale, and {@code 1e100000000} turned into a whole number takes hours: both are refused here,
 * before any arithmetic.
 */
public final class Decimals {

    /** No number a person writes is longer; a longer one is a paste accident. */
    static final int MAX_LENGTH = 100;
    /** Decimal exponents of the largest and smallest normal doubles (1.8e308, 2.2e-308). */
    static final int MAX_MAGNITUDE = 309;
    static final int MIN_MAGNITUDE = -307;
    private static final String OUT_OF_RANGE = "out of range (numbers must lie between 1e-307 and 1e308 in size)";

    private Decimals() {
    }

    /**
     * The value of {@code literal} (a decimal such as {@code 5}, {@code -0.25} or {@code 1e-3}).
     *
     * @throws IllegalArgumentException "out of range" when it is not within the range of a
     *                                  double, or too long to be a number someone wrote
     */
    public static BigDecimal parse(String literal) {
        if (literal.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("out of range (more than " + MAX_LENGTH + " characters)");
        }
        BigDecimal v;
        try {
            v = new BigDecimal(literal.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(OUT_OF_RANGE); // an exponent beyond an int
        }
        if (v.signum() == 0) {
            return v;
        }
        long magnitude = (long) v.precision() - v.scale(); // |v| is below 10^magnitude, at least 10^(magnitude-1)
        if (magnitude > MAX_MAGNITUDE || magnitude < MIN_MAGNITUDE || Double.isInfinite(v.doubleValue())) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        return v;
    }

    /** Digits before the decimal point of a nonzero {@code v} (0 for |v| < 1). */
    public static long integerDigits(BigDecimal v) {
        return Math.max(0, (long) v.precision() - v.scale());
    }
}
