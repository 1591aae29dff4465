package org.eesim.profile;

import java.util.List;
import java.util.Map;

import org.eesim.scenario.ExitRule;

/**
 * What the exits do under one input condition. Exits are indexed 0..k where k is the final exit.
 */
public sealed interface Condition {

    String name();

    /** Free parameters of the distortion, e.g. {@code type: gaussian_blur, sigma: 3, kernel: 13}. */
    Map<String, String> parameters();

    int exitCount();

    /**
     * Trace mode: for every test sample, each exit's confidence, normalised entropy and
     * correctness. Keeps the correlation between exits; any threshold applies exactly.
     * Arrays are flat, index {@code sample * exitCount + exit}; treat them as read-only.
     */
    record Trace(String name, Map<String, String> parameters, int samples, int exitCount,
                 float[] confidence, float[] entropy, boolean[] correct) implements Condition {
        public Trace {
            parameters = Map.copyOf(parameters);
            int n = samples * exitCount;
            if (samples < 1 || confidence.length != n || entropy.length != n || correct.length != n) {
                throw new IllegalArgumentException("trace of " + name + " has inconsistent sizes");
            }
        }

        public double confidence(int sample, int exit) {
            return confidence[sample * exitCount + exit];
        }

        public double entropy(int sample, int exit) {
            return entropy[sample * exitCount + exit];
        }

        public boolean correct(int sample, int exit) {
            return correct[sample * exitCount + exit];
        }
    }

    /**
     * Rate mode, for imported data: per tabulated threshold, each side branch's probability of
     * exiting given that the request reached it, and the accuracy of the requests that exit
     * there (the last entry of {@code accuracy} is the final exit's).
     */
    record Rates(String name, Map<String, String> parameters, ExitRule.Kind rule, int exitCount,
                 List<RateRow> rows) implements Condition {
        public Rates {
            parameters = Map.copyOf(parameters);
            rows = List.copyOf(rows);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("rate table of " + name + " is empty");
            }
            for (RateRow r : rows) {
                if (r.exitProbability().length != exitCount - 1 || r.accuracy().length != exitCount) {
                    throw new IllegalArgumentException("rate row of " + name + " has the wrong number of exits");
                }
            }
        }

        /** The row for {@code threshold}, or {@code null} when it is not tabulated. */
        public RateRow row(double threshold) {
            for (RateRow r : rows) {
                if (Math.abs(r.threshold() - threshold) < 1e-9) {
                    return r;
                }
            }
            return null;
        }
    }

    /**
     * @param threshold       the threshold these rates were measured at
     * @param exitProbability per side branch: P(exit here | reached here), in [0, 1]
     * @param accuracy        per exit including the final: P(correct | exited here), in [0, 1],
     *                        or NaN when the source publishes none (accuracy is then reported NaN)
     */
    record RateRow(double threshold, double[] exitProbability, double[] accuracy) {
        public RateRow {
            for (double p : exitProbability) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("exit probability must be in [0, 1], got " + p);
                }
            }
            for (double a : accuracy) {
                if (!(Double.isNaN(a) || a >= 0 && a <= 1)) {
                    throw new IllegalArgumentException("accuracy must be in [0, 1], got " + a);
                }
            }
        }
    }
}
