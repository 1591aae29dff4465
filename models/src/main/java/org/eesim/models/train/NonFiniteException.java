package org.eesim.models.train;

import org.eesim.models.engine.EngineEnvironment;

/**
 * A NaN or infinite loss, logit, confidence or profile value: the run stops at the first one.
 * The message names the network, the exit (or layer), the batch or sample, what was non-finite,
 * and what to try.
 */
public final class NonFiniteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NonFiniteException(String what) {
        super(what + "; nothing is written. Try: " + EngineEnvironment.HINT);
    }

    /** {@code b1, b2, ..., final} for {@code exits} exits (side branches first). */
    public static String exitName(int exit, int exits) {
        return exit == exits - 1 ? "final" : "b" + (exit + 1);
    }

    /** Throws when {@code row} (one sample's logits at one exit) holds a NaN or infinity. */
    public static void checkLogits(float[] row, String network, int exit, int exits, int sample, String where) {
        for (int c = 0; c < row.length; c++) {
            if (!Float.isFinite(row[c])) {
                throw new NonFiniteException("network '" + network + "': logit " + c + " of exit "
                        + exitName(exit, exits) + " for sample " + sample + (where.isEmpty() ? "" : " of " + where)
                        + " is " + row[c]);
            }
        }
    }
}
