package org.eesim.scenario;

import java.util.List;
import java.util.Locale;

/**
 * The {@code policy} section: who decides the cuts (and, for some policies, the threshold) while
 * the simulation runs. The policies themselves live in {@code org.eesim.policy}; this record is
 * only what the scenario file says.
 *
 * @param kind                which policy
 * @param thresholds          POPEX: the threshold configurations to choose from (empty: the
 *                            scenario's {@code early_exit.threshold} only)
 * @param latencySeconds      POPEX: the latency requirement on the expected time, or {@code null}
 *                            for none (then the fastest configuration wins)
 * @param publishedIndexing   TinyML: reproduce the published code's indexing (sends the output of
 *                            layer L+1 after running layers before L, leaves the last layer out of
 *                            the edge's sum, rounds costs to 3 decimals) instead of the stated rule
 * @param monitor             the uplink probe feeding the estimate, or {@code null}: the policy
 *                            is told the link's nominal bandwidth once, at the start
 */
public record PolicyConfig(Kind kind, List<Double> thresholds, Double latencySeconds, boolean publishedIndexing,
                           Monitor monitor) {

    /** The policy of a scenario without a {@code policy} section: the {@code placement} cuts. */
    public static final PolicyConfig FIXED = new PolicyConfig(Kind.FIXED, List.of(), null, false, null);

    public enum Kind {
        FIXED, DEVICE_ONLY, EDGE_ONLY, CLOUD_ONLY, POPEX, TINYML, NEUROSURGEON;

        /** The name used in scenario files, e.g. {@code device_only}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True for policies whose decision depends on the uplink rate. */
        public boolean usesUplink() {
            return this == POPEX || this == TINYML || this == NEUROSURGEON;
        }
    }

    public PolicyConfig {
        if (kind == null) {
            throw new IllegalArgumentException("policy kind is required");
        }
        thresholds = List.copyOf(thresholds);
        for (double t : thresholds) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1], got " + t);
            }
        }
        if (latencySeconds != null && !(latencySeconds > 0)) {
            throw new IllegalArgumentException("latency requirement must be positive, got " + latencySeconds);
        }
    }

    /**
     * A periodic probe of the uplink, as the seeds measure it: every {@code periodSeconds} a
     * sample of the rate, off by a relative error (normal, standard deviation
     * {@code relativeError}, drawn from its own stream) and known {@code lagSeconds} later; the
     * estimate is the mean of the last {@code samples} samples (POPEX: 5 pings).
     */
    public record Monitor(double periodSeconds, int samples, double relativeError, double lagSeconds) {
        public Monitor {
            if (!(periodSeconds > 0) || Double.isInfinite(periodSeconds)) {
                throw new IllegalArgumentException("monitor period must be positive, got " + periodSeconds);
            }
            if (samples < 1) {
                throw new IllegalArgumentException("monitor samples must be at least 1, got " + samples);
            }
            if (!(relativeError >= 0 && relativeError < 1)) {
                throw new IllegalArgumentException("monitor error must be in [0, 1), got " + relativeError);
            }
            if (!(lagSeconds >= 0) || Double.isInfinite(lagSeconds)) {
                throw new IllegalArgumentException("monitor lag must be >= 0, got " + lagSeconds);
            }
        }
    }
}
