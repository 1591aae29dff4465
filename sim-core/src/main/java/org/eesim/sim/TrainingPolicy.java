package org.eesim.sim;

import org.eesim.scenario.Training;
import org.eesim.training.Pipeline;
import org.eesim.training.SplitEngine;
import org.eesim.training.TrainingProfile;

/**
 * Who picks a training replication's split: fixed, edge-only and cloud-only keep theirs;
 * JointDNN picks, once, the split of least serial time (K = 0, fp32) at the links' nominal rates;
 * the seed's engine ({@link SplitEngine}) re-decides before every iteration once it has a
 * bandwidth estimate, when K > 0 (the seed's client: {@code if stale_it>0}), with its
 * exponential average of how long a decision holds ({@code remain = remain*beta +
 * (1-beta)*history_remain}, {@code history_remain} reset to 1 by a change).
 */
final class TrainingPolicy {

    record Start(int split, boolean int8) {
    }

    record Move(int split, boolean int8) {
    }

    private final Training t;
    private final TrainingProfile p;
    private double up = Double.NaN;
    private double down = Double.NaN;
    private double remain;
    private double history = 1;
    private double expected = Double.NaN;
    private long decisions;

    TrainingPolicy(Training t) {
        this.t = t;
        this.p = t.profile();
        this.remain = t.policy().initialRemain();
    }

    Start start() {
        return switch (t.policy().kind()) {
            case FIXED, ENGINE -> new Start(t.policy().split(), t.int8());
            case EDGE_ONLY -> new Start(p.edgeOnly(), false);
            case CLOUD_ONLY -> new Start(TrainingProfile.CLOUD_ONLY, false);
            case JOINTDNN -> new Start(serialBest(p, t.uplink().bandwidthBps() / 8, t.downlink().bandwidthBps() / 8), false);
        };
    }

    /** The split of least serial time (the sum of its four stages, fp32); ties to the lowest split. */
    static int serialBest(TrainingProfile p, double upBytesPerSecond, double downBytesPerSecond) {
        double best = Double.POSITIVE_INFINITY;
        int split = p.splits().get(0).split();
        for (TrainingProfile.Split row : p.splits()) {
            double sum = 0;
            for (double s : Pipeline.stages(p, row, false, 0, upBytesPerSecond, downBytesPerSecond)) {
                sum += s;
            }
            if (sum < best) {
                best = sum;
                split = row.split();
            }
        }
        return split;
    }

    /** The rates measured on the last iteration whose gradient came back, bytes per second. */
    void estimate(double upBytesPerSecond, double downBytesPerSecond) {
        up = upBytesPerSecond;
        down = downBytesPerSecond;
    }

    /** The decision before the next iteration, or null when the policy does not decide now. */
    Move decide(int current, boolean int8) {
        if (t.policy().kind() != Training.Kind.ENGINE || t.staleness() == 0 || Double.isNaN(up)) {
            return null;
        }
        SplitEngine.Choice c = SplitEngine.decide(p, up, down, current, t.staleness(), remain, t.int8(), t::quantiseAt);
        history = c.split() == current ? history + 1 : 1;
        remain = remain * t.policy().beta() + (1 - t.policy().beta()) * history;
        expected = c.seconds();
        decisions++;
        return new Move(c.split(), c.int8());
    }

    /** The engine's predicted seconds per iteration at its last decision (NaN when it made none). */
    double expected() {
        return expected;
    }

    long decisions() {
        return decisions;
    }
}
