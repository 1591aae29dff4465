package org.eesim.scenario;

/**
 * A tier of identical machines.
 *
 * @param count number of machines (devices: number of request sources; edge/cloud: servers)
 * @param cores parallel cores per machine, served FIFO from one queue per machine
 * @param speed speed factor relative to the hardware the profile was measured on
 *              (a layer's time on this tier is its profiled time divided by {@code speed})
 * @param messageSeconds seconds of a core this tier spends on every request it handles besides
 *              its layers (receiving, decoding and answering a message: HTTP and serialisation),
 *              in this tier's own time (not divided by {@code speed}); 0 for none
 * @param messageSdSeconds its standard deviation: 0, a constant; above 0, each visit's cost is
 *              drawn log-normal with that mean and sd (the residuals a calibration measures are
 *              skewed: most are small, a few long)
 * @param inFlight devices only: at most this many of a device's requests are on their way at once
 *              (sent and not yet answered); one that would be one more waits on its device until
 *              the oldest is answered (a device's one HTTP/1.1 connection, which carries a request
 *              at a time); 0 for no limit
 */
public record TierSpec(int count, int cores, double speed, double messageSeconds, double messageSdSeconds,
                       int inFlight) {

    /** Machines with a per-message cost and no limit on requests in flight. */
    public TierSpec(int count, int cores, double speed, double messageSeconds, double messageSdSeconds) {
        this(count, cores, speed, messageSeconds, messageSdSeconds, 0);
    }

    /** Machines without a per-message cost. */
    public TierSpec(int count, int cores, double speed) {
        this(count, cores, speed, 0, 0);
    }

    /** Machines with a constant per-message cost. */
    public TierSpec(int count, int cores, double speed, double messageSeconds) {
        this(count, cores, speed, messageSeconds, 0);
    }

    public TierSpec {
        if (!(messageSdSeconds >= 0) || Double.isInfinite(messageSdSeconds)) {
            throw new IllegalArgumentException("per-message sd must be >= 0 and finite, got " + messageSdSeconds);
        }
        if (messageSdSeconds > 0 && messageSeconds == 0) {
            throw new IllegalArgumentException("a per-message sd needs a positive mean");
        }
        if (!(messageSeconds >= 0) || Double.isInfinite(messageSeconds)) {
            throw new IllegalArgumentException("per-message time must be >= 0 and finite, got " + messageSeconds);
        }
        if (inFlight < 0) {
            throw new IllegalArgumentException("requests in flight must be >= 1, or 0 for no limit, got " + inFlight);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1, got " + cores);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive finite factor, got " + speed);
        }
    }
}
