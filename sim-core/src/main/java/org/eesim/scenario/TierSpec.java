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
 */
public record TierSpec(int count, int cores, double speed, double messageSeconds, double messageSdSeconds) {

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
