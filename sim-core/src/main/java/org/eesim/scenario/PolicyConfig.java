package org.eesim.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code policy} section: who decides the cuts (and, for some policies, the threshold) while
 * the simulation runs. The policies themselves live in {@code org.eesim.policy}; this record is
 * only what the scenario file says.
 *
 * @param kind                which policy
 * @param thresholds          POPEX: threshold configurations to choose from, one threshold for
 *                            every branch (with {@code branchThresholds} empty too: the
 *                            scenario's exit rule only)
 * @param latencySeconds      POPEX: the latency requirement on the expected time, or {@code null}
 *                            for none (then the fastest configuration wins)
 * @param publishedIndexing   TinyML: reproduce the published code's indexing (sends the output of
 *                            layer L+1 after running layers before L, leaves the last layer out of
 *                            the edge's sum, rounds costs to 3 decimals) instead of the stated rule
 * @param monitor             the uplink probe feeding the estimate, or {@code null}: the policy
 *                            is told the link's nominal bandwidth once, at the start
 * @param expert              seed 001's distortion classifier choosing expert branches, or
 *                            {@code null}: every request uses its own condition's branches
 * @param adaptation          a controller moving the exit threshold toward a latency target while
 *                            the run goes, or {@code null}: the threshold stays
 * @param branchThresholds    POPEX: more configurations, each a threshold per named branch
 *                            (branches not named keep {@code early_exit.threshold}), as POPEX
 *                            varies each side branch's threshold
 * @param minimiseEnergy      Neurosurgeon: choose the cut of least expected device energy
 *                            (the scenario's {@code energy} section) instead of least latency
 */
public record PolicyConfig(Kind kind, List<Double> thresholds, Double latencySeconds, boolean publishedIndexing,
                           Monitor monitor, Expert expert, Adaptation adaptation,
                           List<Map<String, Double>> branchThresholds, boolean minimiseEnergy) {

    /** A policy that minimises latency. */
    public PolicyConfig(Kind kind, List<Double> thresholds, Double latencySeconds, boolean publishedIndexing,
                        Monitor monitor, Expert expert, Adaptation adaptation,
                        List<Map<String, Double>> branchThresholds) {
        this(kind, thresholds, latencySeconds, publishedIndexing, monitor, expert, adaptation, branchThresholds,
                false);
    }

    /** The policy of a scenario without a {@code policy} section: the {@code placement} cuts. */
    public static final PolicyConfig FIXED = new PolicyConfig(Kind.FIXED, List.of(), null, false, null);

    /** A policy without expert branches. */
    public PolicyConfig(Kind kind, List<Double> thresholds, Double latencySeconds, boolean publishedIndexing,
                        Monitor monitor) {
        this(kind, thresholds, latencySeconds, publishedIndexing, monitor, null, null, List.of());
    }

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
        branchThresholds = branchThresholds.stream()
                .map(m -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m))).toList();
        for (Map<String, Double> config : branchThresholds) {
            config.values().forEach(t -> {
                if (!(t >= 0 && t <= 1)) {
                    throw new IllegalArgumentException("threshold must be in [0, 1], got " + t);
                }
            });
        }
        for (double t : thresholds) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1], got " + t);
            }
        }
        if (latencySeconds != null && !(latencySeconds > 0)) {
            throw new IllegalArgumentException("latency requirement must be positive, got " + latencySeconds);
        }
        if (minimiseEnergy && kind != Kind.NEUROSURGEON) {
            throw new IllegalArgumentException("only neurosurgeon minimises energy, not " + kind.key());
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

    /**
     * Expert branches (seed 001): a classifier on the device guesses each input's distortion class
     * (pristine, blur, noise), taking {@code classifierSeconds} on the profiled hardware (divided
     * by the device's speed, like a layer); it is right or wrong as the confusion matrix says,
     * drawn per request from the {@code classifier} stream. A guess of blur or noise makes the
     * request use the expert branches: the profile's condition {@code <condition>@expert-blur} or
     * {@code <condition>@expert-noise} (same backbone, the experts' exit data); a guess of
     * pristine keeps the standard branches.
     *
     * @param confusion {@code confusion[true][guess]}, classes in {@link #CLASSES} order; rows sum to 1
     */
    public record Expert(double classifierSeconds, double[][] confusion) {

        public static final List<String> CLASSES = List.of("pristine", "blur", "noise");

        public Expert {
            if (!(classifierSeconds >= 0) || Double.isInfinite(classifierSeconds)) {
                throw new IllegalArgumentException("classifier time must be >= 0, got " + classifierSeconds);
            }
            if (confusion.length != 3) {
                throw new IllegalArgumentException("the confusion matrix has a row per class: pristine, blur, noise");
            }
            double[][] copy = new double[3][];
            for (int i = 0; i < 3; i++) {
                if (confusion[i].length != 3) {
                    throw new IllegalArgumentException("confusion row " + CLASSES.get(i) + " needs 3 entries");
                }
                double sum = 0;
                for (double p : confusion[i]) {
                    if (!(p >= 0 && p <= 1)) {
                        throw new IllegalArgumentException("confusion entries are probabilities, got " + p);
                    }
                    sum += p;
                }
                if (Math.abs(sum - 1) > 1e-9) {
                    throw new IllegalArgumentException("confusion row " + CLASSES.get(i) + " sums to " + sum);
                }
                copy[i] = confusion[i].clone();
            }
            confusion = copy;
        }

        /**
         * The distortion class of a profile condition: from its {@code type} parameter ({@code none}
         * or {@code pristine}: 0; containing {@code blur}: 1; {@code noise}: 2), or without one from
         * its name the same way; -1 when neither tells.
         */
        public static int classOf(String name, java.util.Map<String, String> parameters) {
            String type = parameters.get("type");
            String text = type != null ? type : name;
            if (text.equals("none") || text.startsWith("pristine")) {
                return 0;
            }
            return text.contains("blur") ? 1 : text.contains("noise") ? 2 : -1;
        }

        /** The profile condition whose exit data a request of {@code condition} uses after guess {@code k}. */
        public static String variant(String condition, int k) {
            return k == 0 ? condition : condition + "@expert-" + CLASSES.get(k);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Expert e && e.classifierSeconds == classifierSeconds
                    && java.util.Arrays.deepEquals(e.confusion, confusion);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(classifierSeconds) * 31 + java.util.Arrays.deepHashCode(confusion);
        }

        @Override
        public String toString() {
            return "Expert[" + classifierSeconds + ", " + java.util.Arrays.deepToString(confusion) + "]";
        }
    }

    /**
     * Threshold adaptation toward a latency target: after every {@code batch} completed requests,
     * if their mean latency was above {@code targetSeconds} the threshold moves one step toward
     * earlier exits (lower for max-softmax, higher for entropy), otherwise one step toward later,
     * more accurate exits. A simple bang-bang controller: with the target between two steps'
     * latencies it alternates between them, so the mean latency hovers around the target.
     *
     * @param thresholds the steps, ascending, at least two
     */
    public record Adaptation(double targetSeconds, List<Double> thresholds, int batch) {
        public Adaptation {
            if (!(targetSeconds > 0) || Double.isInfinite(targetSeconds)) {
                throw new IllegalArgumentException("latency target must be positive, got " + targetSeconds);
            }
            thresholds = List.copyOf(thresholds);
            if (thresholds.size() < 2) {
                throw new IllegalArgumentException("adaptation needs at least two thresholds");
            }
            for (int i = 0; i < thresholds.size(); i++) {
                double t = thresholds.get(i);
                if (!(t >= 0 && t <= 1) || i > 0 && !(t > thresholds.get(i - 1))) {
                    throw new IllegalArgumentException("thresholds must be in [0, 1] and increasing");
                }
            }
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be at least 1, got " + batch);
            }
        }
    }
}
