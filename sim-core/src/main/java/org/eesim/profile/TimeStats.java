package org.eesim.profile;

/**
 * A measured processing time in seconds.
 *
 * @param meanSeconds mean of the repetitions
 * @param sdSeconds   their standard deviation
 * @param samples     the raw repetitions, seconds (may be empty); not copied: treat as read-only
 */
public record TimeStats(double meanSeconds, double sdSeconds, double[] samples) {
    public TimeStats {
        if (!(meanSeconds >= 0) || Double.isInfinite(meanSeconds)) {
            throw new IllegalArgumentException("mean time must be >= 0, got " + meanSeconds);
        }
        if (!(sdSeconds >= 0)) {
            throw new IllegalArgumentException("sd must be >= 0, got " + sdSeconds);
        }
        for (double s : samples) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("time samples must be >= 0, got " + s);
            }
        }
    }

    public static TimeStats constant(double seconds) {
        return new TimeStats(seconds, 0, new double[0]);
    }

    /** Mean and standard deviation computed from raw repetitions. */
    public static TimeStats of(double[] samples) {
        double mean = 0;
        for (double s : samples) {
            mean += s;
        }
        mean /= samples.length;
        double ss = 0;
        for (double s : samples) {
            ss += (s - mean) * (s - mean);
        }
        double sd = samples.length > 1 ? Math.sqrt(ss / (samples.length - 1)) : 0;
        return new TimeStats(mean, sd, samples.clone());
    }
}
