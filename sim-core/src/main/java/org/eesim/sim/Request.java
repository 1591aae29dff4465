package org.eesim.sim;

import org.eesim.scenario.Tier;

/**
 * One inference request on its way through the tiers. Mutable and short-lived; the planner fills
 * in where it will exit, what each tier must compute and, from that, its route: the legs it walks
 * (a resource of the {@link Topology}: its kind and which one, the work there, the propagation delay
 * after it).
 */
final class Request {
    /** At most one leg per kind of resource: device, uplink, edge, WAN, cloud. */
    static final int MAX_LEGS = Topology.Kind.values().length;

    int device;
    int user;
    /** The edge machine (0..E-1) past the access point, chosen at birth; -1 without an edge tier. */
    int edge;
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
    Tier exitTier;
    /** Seconds of compute on each tier, by {@link Tier#ordinal()} (already divided by the tier's speed). */
    final double[] compute = new double[3];
    long uplinkBytes;
    long wanBytes;
    boolean crossesUplink;
    boolean crossesWan;

    /** The route: legs 0..legCount-1 in order. */
    int legCount;
    /** Each leg's kind of resource ({@link Topology.Kind#ordinal()}) and which of them. */
    final int[] legKind = new int[MAX_LEGS];
    final int[] legMember = new int[MAX_LEGS];
    /** Each leg's work: seconds on a machine, bytes on a link. */
    final double[] legWork = new double[MAX_LEGS];
    /** Each leg's propagation delay after its service (links; 0 on machines). */
    final double[] legDelay = new double[MAX_LEGS];
    /** The leg that crosses the uplink, or -1. */
    int uplinkLeg = -1;
    /** Whether it holds one of its device's slots for requests in flight (tiers.device.in_flight). */
    boolean inFlight;
    /** Joules the device's radio spends sending this request's tensor (its tail is counted apart). */
    double radioJoules;

    void addLeg(Topology.Kind kind, int member, double work, double delay) {
        legKind[legCount] = kind.ordinal();
        legMember[legCount] = member;
        legWork[legCount] = work;
        legDelay[legCount] = delay;
        legCount++;
    }
}
