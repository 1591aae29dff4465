package org.eesim.scenario;

import java.util.List;
import java.util.function.DoubleSupplier;

import org.eesim.profile.Condition;
import org.eesim.profile.Profile;

/**
 * An {@link ExitRule} applied to one network's exits: the one implementation of "leave at the
 * first enabled side exit that passes its threshold, else at the final exit". The simulator
 * draws exits with it, the policies plan with its expected shares, and the profiler counts exits
 * with it, so the three cannot disagree.
 */
public final class Exits {

    private final ExitRule.Kind kind;
    private final int sideExits;
    private final boolean[] enabled;
    private final double[] threshold;
    private final double defaultThreshold;
    /** Every side exit disabled (and there is one): see {@link #noneEnabled}. */
    private final boolean noneEnabled;

    /** The rule over side exits named {@code sideExitNames} (branch order); the final exit comes after them. */
    public Exits(ExitRule rule, List<String> sideExitNames) {
        this.kind = rule.kind();
        this.sideExits = sideExitNames.size();
        this.enabled = new boolean[sideExits];
        this.threshold = new double[sideExits];
        this.defaultThreshold = rule.threshold();
        for (int b = 0; b < sideExits; b++) {
            enabled[b] = rule.enabled(sideExitNames.get(b));
            threshold[b] = rule.thresholdOf(sideExitNames.get(b));
        }
        boolean any = false;
        for (boolean e : enabled) {
            any |= e;
        }
        this.noneEnabled = sideExits > 0 && !any;
    }

    public static Exits of(ExitRule rule, Profile profile) {
        return new Exits(rule, profile.branches().stream().map(org.eesim.profile.Branch::name).toList());
    }

    /** Whether side exit {@code b} may answer (a disabled one is passed without its cost). */
    public boolean enabled(int b) {
        return enabled[b];
    }

    /**
     * Whether every side exit is disabled (and there is one): a rate table then sends every request
     * to the final exit, whose tabulated accuracy is of the inputs the branches left, so unknown.
     */
    public boolean noneEnabled() {
        return noneEnabled;
    }

    /** The threshold of exits without one of their own (the rate table's row). */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** The exit (0-based, {@code sideExits} for the final one) that test sample {@code sample} of {@code t} takes. */
    public int ofSample(Condition.Trace t, int sample) {
        for (int b = 0; b < sideExits; b++) {
            if (enabled[b] && kind.exits(t.confidence(sample, b), t.entropy(sample, b), threshold[b])) {
                return b;
            }
        }
        return sideExits;
    }

    /**
     * The exit a request takes under a rate table: side exit b in turn answers with its
     * probability, one uniform drawn from {@code u} per side exit reached, also for a disabled one
     * (so that disabling one does not shift the others' draws).
     */
    public int ofDraws(Condition.RateRow row, DoubleSupplier u) {
        double[] p = row.exitProbability();
        for (int b = 0; b < sideExits; b++) {
            double draw = u.getAsDouble();
            if (enabled[b] && draw < p[b]) {
                return b;
            }
        }
        return sideExits;
    }

    /**
     * The expected share leaving at each exit, then the expected accuracy (NaN when the table has
     * none): {@code sideExits + 2} numbers. Over every trace sample, so the exits' correlation is
     * kept; for a rate table, the product of the exits' probabilities.
     */
    public double[] shares(Condition c) {
        int exits = sideExits + 1;
        double[] out = new double[exits + 1];
        if (c instanceof Condition.Trace t) {
            int right = 0;
            for (int i = 0; i < t.samples(); i++) {
                int exit = ofSample(t, i);
                out[exit]++;
                right += t.correct(i, exit) ? 1 : 0;
            }
            for (int x = 0; x < exits; x++) {
                out[x] /= t.samples();
            }
            out[exits] = (double) right / t.samples();
            return out;
        }
        Condition.RateRow row = row((Condition.Rates) c);
        if (noneEnabled()) {
            out[sideExits] = 1;
            out[exits] = Double.NaN; // the table's final-exit accuracy is of the inputs its branches left
            return out;
        }
        double alive = 1;
        for (int b = 0; b < sideExits; b++) {
            out[b] = alive * (enabled[b] ? row.exitProbability()[b] : 0);
            alive -= out[b];
        }
        out[sideExits] = alive;
        double accuracy = 0;
        for (int x = 0; x < exits; x++) {
            accuracy += out[x] == 0 ? 0 : out[x] * row.accuracy()[x];
        }
        out[exits] = accuracy;
        return out;
    }

    /** The rate table's row at this rule's threshold. */
    public Condition.RateRow row(Condition.Rates rates) {
        Condition.RateRow row = rates.row(defaultThreshold);
        if (row == null) {
            throw new IllegalArgumentException("condition " + rates.name() + " has no rate row at threshold "
                    + defaultThreshold);
        }
        return row;
    }
}
