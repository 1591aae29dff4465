package org.eesim.sim;

/**
 * One inference request on its way through the tiers. Mutable and short-lived; the planner fills
 * in where it will exit and what each tier must compute before the journey starts.
 */
final class Request {
    static final int DEVICE = 0;
    static final int EDGE = 1;
    static final int CLOUD = 2;

    int device;
    int user;
    int edge;
    int cloud;
    double birth;
    boolean measured;

    /** The cuts in force when the request was born (a policy may change them later). */
    int cut1;
    int cut2;
    /** The exit threshold in force at birth (branches without their own threshold). */
    double threshold;
    int condition;
    int exit;
    /** 1 correct, 0 wrong, -1 unknown (rate-mode profiles without accuracy). */
    int correct;
    int exitTier;
    /** Seconds of compute on each tier (already divided by the tier's speed). */
    final double[] compute = new double[3];
    long uplinkBytes;
    /** This request's propagation delays (seconds), drawn at birth when links have jitter. */
    double uplinkDelay;
    double wanDelay;
    long wanBytes;
    boolean crossesUplink;
    boolean crossesWan;
}
