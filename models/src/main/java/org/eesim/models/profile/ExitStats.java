package org.eesim.models.profile;

import java.util.Map;
import java.util.Set;

import org.eesim.models.train.NonFiniteException;
import org.eesim.models.train.TemperatureScaling;
import org.eesim.profile.Condition;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Exits;

/**
 * What each exit says about each test sample once its logits are divided by the exit's fitted
 * temperature: max-softmax confidence, normalised entropy, correctness. Also the exit counts of
 * the max-softmax rule (leave at the first side exit whose confidence reaches the threshold).
 */
public record ExitStats(double[][] confidence, double[][] entropy, boolean[][] correct) {

    /** @param logits [exit][sample][class] */
    public static ExitStats of(float[][][] logits, double[] temperatures, int[] labels) {
        return of(logits, temperatures, labels, "(unnamed)", "");
    }

    /**
     * As {@link #of(float[][][], double[], int[])}; a NaN or infinite logit, temperature,
     * confidence or entropy throws a {@link NonFiniteException} naming {@code network}, the
     * exit, the sample and {@code what} (e.g. the condition).
     */
    public static ExitStats of(float[][][] logits, double[] temperatures, int[] labels, String network, String what) {
        int exits = logits.length;
        for (int e = 0; e < exits; e++) {
            if (!Double.isFinite(temperatures[e]) || !(temperatures[e] > 0)) {
                throw new NonFiniteException("network '" + network + "': temperature of exit " + NonFiniteException.exitName(e, exits)
                        + (what.isEmpty() ? "" : " (" + what + ")") + " is " + temperatures[e]);
            }
        }
        int n = labels.length;
        double[][] conf = new double[exits][n];
        double[][] ent = new double[exits][n];
        boolean[][] ok = new boolean[exits][n];
        for (int e = 0; e < exits; e++) {
            for (int s = 0; s < n; s++) {
                NonFiniteException.checkLogits(logits[e][s], network, e, exits, s, what);
                double[] p = TemperatureScaling.softmax(logits[e][s], temperatures[e]);
                int arg = 0;
                for (int c = 1; c < p.length; c++) {
                    if (p[c] > p[arg]) {
                        arg = c;
                    }
                }
                conf[e][s] = p[arg];
                ent[e][s] = TemperatureScaling.normalisedEntropy(p);
                if (!Double.isFinite(conf[e][s]) || !Double.isFinite(ent[e][s])) {
                    throw new NonFiniteException("network '" + network + "': confidence " + conf[e][s] + " / entropy " + ent[e][s]
                            + " of exit " + NonFiniteException.exitName(e, exits) + " for sample " + s
                            + (what.isEmpty() ? "" : " of " + what));
                }
                ok[e][s] = arg == labels[s];
            }
        }
        return new ExitStats(conf, ent, ok);
    }

    public int exits() {
        return confidence.length;
    }

    public int samples() {
        return confidence[0].length;
    }

    /**
     * Exit index each sample leaves at under max-softmax with {@code threshold}, decided by
     * sim-core's one exit rule ({@link Exits}) on the trace exactly as the profile writes it and
     * sim-core reads it back: so the counts here are the simulator's.
     */
    public int[] exitTaken(double threshold) {
        Condition.Trace trace = asWritten();
        java.util.List<String> sides = new java.util.ArrayList<>();
        for (int e = 0; e < exits() - 1; e++) {
            sides.add("b" + (e + 1));
        }
        Exits rule = new Exits(new ExitRule(ExitRule.Kind.MAX_SOFTMAX, threshold, Map.of(), Set.of()), sides);
        int[] taken = new int[samples()];
        for (int s = 0; s < samples(); s++) {
            taken[s] = rule.ofSample(trace, s);
        }
        return taken;
    }

    /** The trace as a profile holds it: each value rounded to 6 decimals, then read as TraceCsv reads it (a float). */
    Condition.Trace asWritten() {
        int exits = exits();
        int n = samples();
        float[] conf = new float[n * exits];
        float[] ent = new float[n * exits];
        boolean[] ok = new boolean[n * exits];
        for (int s = 0; s < n; s++) {
            for (int e = 0; e < exits; e++) {
                conf[s * exits + e] = Float.parseFloat(ProfileWriter.f6(confidence[e][s]));
                ent[s * exits + e] = Float.parseFloat(ProfileWriter.f6(entropy[e][s]));
                ok[s * exits + e] = correct[e][s];
            }
        }
        return new Condition.Trace("check", Map.of(), n, exits, conf, ent, ok);
    }

    /** How many samples leave at each exit. */
    public int[] exitCounts(double threshold) {
        int[] counts = new int[exits()];
        for (int e : exitTaken(threshold)) {
            counts[e]++;
        }
        return counts;
    }

    public double accuracy(int exit) {
        int c = 0;
        for (boolean b : correct[exit]) {
            c += b ? 1 : 0;
        }
        return (double) c / samples();
    }

    /** Accuracy of the early-exit inference as a whole (each sample judged at the exit it took). */
    public double overallAccuracy(double threshold) {
        int[] taken = exitTaken(threshold);
        int c = 0;
        for (int s = 0; s < taken.length; s++) {
            c += correct[taken[s]][s] ? 1 : 0;
        }
        return (double) c / taken.length;
    }
}
