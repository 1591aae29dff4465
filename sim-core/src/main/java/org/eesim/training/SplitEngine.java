package org.eesim.training;

import java.util.function.IntToDoubleFunction;

/**
 * Seed 004's decision engine ({@code decision/engine.py decide_point}): over every split point
 * and int8 on or off, the pipelined time of the next {@code remain} iterations
 * ({@link Pipeline#seconds}) plus the time to migrate the layers that move, and edge-only
 * ({@code remain} plain edge steps plus its migration); the least wins, ties to the first in the
 * seed's order (splits ascending, int8 before fp32, edge-only last). Rates are the bandwidth
 * estimates, bytes per second.
 */
public final class SplitEngine {

    /**
     * The engine's choice.
     *
     * @param split   the split to run at
     * @param int8    whether to quantise the features
     * @param seconds the predicted seconds per iteration (migration included, over remain)
     */
    public record Choice(int split, boolean int8, double seconds) {
    }

    private SplitEngine() {
    }

    /**
     * @param current      the split the edge runs now (the engine's {@code l})
     * @param k            the staleness bound
     * @param remain       how many iterations the decision is expected to hold
     * @param mayQuantise  whether int8 is among the choices (the seed always offers it)
     * @param quantiseTime the quantise time at a split (the seed: one {@code --qtime} for all)
     */
    public static Choice decide(TrainingProfile p, double upBytesPerSecond, double downBytesPerSecond, int current,
                                int k, double remain, boolean mayQuantise, IntToDoubleFunction quantiseTime) {
        double best = Double.POSITIVE_INFINITY;
        int split = -2;
        boolean int8 = false;
        for (TrainingProfile.Split row : p.splitPoints()) {
            for (boolean q : mayQuantise ? new boolean[] {true, false} : new boolean[] {false}) {
                double[] stages = Pipeline.stages(p, row, q, quantiseTime.applyAsDouble(row.split()), upBytesPerSecond,
                        downBytesPerSecond);
                double t = Pipeline.seconds(stages, k, remain)
                        + migrationSeconds(p, current, row.split(), upBytesPerSecond, downBytesPerSecond);
                if (t < best) {
                    best = t;
                    split = row.split();
                    int8 = q;
                }
            }
        }
        TrainingProfile.Split edge = p.row(p.edgeOnly());
        if (edge != null) {
            double t = edge.edgeSeconds() * remain
                    + migrationSeconds(p, current, edge.split(), upBytesPerSecond, downBytesPerSecond);
            if (t < best) {
                best = t;
                split = edge.split();
                int8 = false;
            }
        }
        return new Choice(split, int8, best / remain);
    }

    /**
     * The seed's {@code time_update}: moving the cut from {@code from} to {@code to} sends the
     * parameters of the layers in between, down to the edge when it gains layers, up when it
     * gives them back.
     */
    public static double migrationSeconds(TrainingProfile p, int from, int to, double upBytesPerSecond,
                                          double downBytesPerSecond) {
        if (from == to) {
            return 0;
        }
        double bytes = migrationBytes(p, from, to);
        return to > from ? bytes / downBytesPerSecond : bytes / upBytesPerSecond;
    }

    /** Parameter bytes of the layers between two splits. */
    public static long migrationBytes(TrainingProfile p, int from, int to) {
        return Math.abs(params(p, to) - params(p, from));
    }

    private static long params(TrainingProfile p, int split) {
        TrainingProfile.Split row = p.row(split);
        if (row == null) {
            throw new IllegalArgumentException("the profile has no split " + split);
        }
        return row.edgeParamBytes();
    }
}
