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
 */
public record TierSpec(int count, int cores, double speed, double messageSeconds) {

    /** Machines without a per-message cost. */
    public TierSpec(int count, int cores, double speed) {
        this(count, cores, speed, 0);
    }

    public TierSpec {
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
