package org.eesim.training;

/**
 * Seed 004's closed form for r iterations of a four-stage pipeline (edge, uplink, cloud,
 * downlink) with constant stage times T and a staleness bound K: iteration i may start only once
 * iteration i-K-1 has finished. {@code decision/engine.py time_parellel}:
 * t(r) = (r-1) T* + T0 + (ceil(r/(K+1)) - 1) max(0, T0 - (K+1) T*), T* = max T, T0 = sum T;
 * K = 0 gives r T0 (the serial JointDNN schedule). sim-core's {@code TrainingReplica} simulates
 * the same pipeline event by event; the tests check the two agree.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /** Seconds for {@code r} iterations; {@code r >= 1}, {@code k >= 0}, every stage time >= 0. */
    public static double seconds(double[] stages, int k, double r) {
        double max = 0;
        double sum = 0;
        for (double t : stages) {
            max = Math.max(max, t);
            sum += t;
        }
        return (r - 1) * max + sum + (Math.ceil(r / (k + 1)) - 1) * Math.max(0, sum - (k + 1) * max);
    }

    /** The same as a rate: seconds per iteration over {@code r} iterations. */
    public static double perIteration(double[] stages, int k, double r) {
        return seconds(stages, k, r) / r;
    }

    /**
     * The four stage times at {@code row} (the seed's T1..T4): T1 the edge's compute (plus the
     * quantise time when int8), T2 the feature over the uplink (int8: one byte per element),
     * T3 the cloud's compute, T4 the fp32 gradient over the downlink. Rates in bytes per second.
     * Cloud-only sends the input batch as it is and downloads nothing; edge-only sends nothing.
     */
    public static double[] stages(TrainingProfile p, TrainingProfile.Split row, boolean int8, double quantiseSeconds,
                                  double upBytesPerSecond, double downBytesPerSecond) {
        boolean q = int8 && row.split() >= 0 && row.split() < p.edgeOnly();
        double t1 = row.edgeSeconds() + (q ? quantiseSeconds : 0);
        double up = q ? upBytes(p, row, true) : row.featureBytes();
        double down = row.split() == TrainingProfile.CLOUD_ONLY ? 0 : row.featureBytes();
        return new double[] {t1, up / upBytesPerSecond, row.cloudSeconds(), down / downBytesPerSecond};
    }

    /** Bytes an iteration sends up at {@code row}: the feature, or int8 one byte per element. */
    public static double upBytes(TrainingProfile p, TrainingProfile.Split row, boolean int8) {
        boolean q = int8 && row.split() >= 0 && row.split() < p.edgeOnly();
        return q ? row.featureBytes() / (double) p.elementBytes() : row.featureBytes();
    }
}
