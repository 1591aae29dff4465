package org.eesim.models.split;

import java.util.Locale;

/** What the edge does with the quantisation error of the features it sent. */
public enum Feedback {

    /** Nothing: the cloud's gradient is applied as received. */
    NONE,

    /**
     * The seed's "error feedback" (computation.edge_backprocess, base.py --use_EF): the edge keeps
     * E = x̂ − x of each batch and corrects that batch's returned gradient to g − E⊙g⊙g, a first-order
     * step back from the gradient at x̂ to the gradient at x with g⊙g standing in for the Hessian's
     * diagonal.
     */
    GRADIENT,

    /**
     * Error feedback in the usual compression sense: the edge carries the error of what it sent,
     * r = (x + r) − x̂, and adds it to the next batch's features before quantising them. Not what the
     * seed's code does (see {@link #GRADIENT}); measured as the alternative.
     */
    RESIDUAL;

    public static Feedback parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "gradient", "seed" -> GRADIENT;
            case "residual" -> RESIDUAL;
            default -> throw new IllegalArgumentException("unknown feedback '" + s + "' (none, gradient, residual)");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
