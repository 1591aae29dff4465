package org.eesim.scenario;

/**
 * Two cuts over the profile's layers, numbered 1..n: layers 1..cut1 run on the device,
 * cut1+1..cut2 at the edge, cut2+1..n in the cloud. A tier may get no layers (cut1 == 0: nothing
 * on the device; cut1 == cut2: nothing at the edge; cut2 == n: nothing in the cloud).
 * A side branch placed after layer k runs on the tier that ran layer k.
 */
public record Placement(int cut1, int cut2) {
    public Placement {
        if (cut1 < 0) {
            throw new IllegalArgumentException("cut1 must be >= 0, got " + cut1);
        }
        if (cut2 < cut1) {
            throw new IllegalArgumentException("cut2 (" + cut2 + ") must be >= cut1 (" + cut1 + ")");
        }
    }

    /** The tier that runs layer {@code layer} (1..n): the one rule, for the model and the policies alike. */
    public Tier tierOf(int layer) {
        return tierOf(layer, cut1, cut2);
    }

    /** The same for cuts not (yet) made a placement: a policy trying candidates. */
    public static Tier tierOf(int layer, int cut1, int cut2) {
        return layer <= cut1 ? Tier.DEVICE : layer <= cut2 ? Tier.EDGE : Tier.CLOUD;
    }
}
