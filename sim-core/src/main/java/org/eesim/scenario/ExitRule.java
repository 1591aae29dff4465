package org.eesim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The early-exit rule applied at every enabled side branch. The final exit always answers.
 *
 * @param kind      max-softmax (exit when confidence >= threshold) or normalised entropy (exit
 *                  when entropy <= threshold)
 * @param threshold the threshold for branches not named in {@code perExit}, in [0, 1]
 * @param perExit   branch name to its own threshold, in [0, 1]
 * @param disabled  names of branches that never exit (a request passes them without paying
 *                  their cost)
 */
public record ExitRule(Kind kind, double threshold, Map<String, Double> perExit, Set<String> disabled) {

    public enum Kind {
        MAX_SOFTMAX, ENTROPY;

        public boolean exits(double confidence, double entropy, double threshold) {
            return this == MAX_SOFTMAX ? confidence >= threshold : entropy <= threshold;
        }
    }

    public ExitRule {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        checkUnit(threshold, "threshold");
        perExit.forEach((k, v) -> checkUnit(v, "threshold of " + k));
        perExit = Collections.unmodifiableMap(new LinkedHashMap<>(perExit));
        disabled = Collections.unmodifiableSet(new LinkedHashSet<>(disabled));
    }

    private static void checkUnit(double v, String what) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + v);
        }
    }

    public double thresholdOf(String branch) {
        return perExit.getOrDefault(branch, threshold);
    }

    public boolean enabled(String branch) {
        return !disabled.contains(branch);
    }
}
