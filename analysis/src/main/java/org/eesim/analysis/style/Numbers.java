package org.eesim.analysis.style;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers as a figure prints them: few digits, no trailing zeros, never an exponent. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * {@code v} to {@code digits} significant digits in plain decimal form: {@code 2.15443}
     * reads {@code 2.15}, {@code 0.500} reads {@code 0.5}, {@code 100} stays {@code 100} (not
     * {@code 1E+2}), so the label repeats the value the user wrote where it can.
     */
    public static String significant(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        return rounded.stripTrailingZeros().toPlainString();
    }
}
